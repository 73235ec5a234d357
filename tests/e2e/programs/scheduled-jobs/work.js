// The jobs' inner work. Each step starts a span the way an instrumented database client would, so a
// job run shows up as whatever trace is active when the step runs.
import { EventEmitter } from 'node:events';

import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('scheduled-jobs-e2e/work');
const finished = new EventEmitter();

async function step(name, table) {
  return tracer.startActiveSpan(name, { attributes: { 'db.collection.name': table } }, async (span) => {
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return [];
    } finally {
      span.end();
    }
  });
}

export const loadRows = (table) => step('load-rows', table);
export const saveRows = (table) => step('save-rows', table);

/** Called at the end of every run, so the program can wait for timer-driven runs. */
export function jobFinished(job) {
  finished.emit('finished', job);
}

/** Resolves once each named job has finished at least `count` runs. */
export function waitForRuns(counts) {
  const left = new Map(Object.entries(counts));
  return new Promise((resolve) => {
    const onFinished = (job) => {
      if (!left.has(job)) return;
      const remaining = left.get(job) - 1;
      if (remaining > 0) left.set(job, remaining);
      else left.delete(job);
      if (left.size === 0) {
        finished.off('finished', onFinished);
        resolve();
      }
    };
    finished.on('finished', onFinished);
  });
}
