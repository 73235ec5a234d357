// Starts the jobs inside a start-up span, runs each job through its library's own trigger (as its
// timer would), lets the interval jobs tick twice, then prints the finished spans.
import { dumpSpans } from './tracing.js';

import { trace } from '@opentelemetry/api';

import { startJobs } from './jobs.js';
import { waitForRuns } from './work.js';

const tracer = trace.getTracer('scheduled-jobs-e2e/main');

const intervalRuns = waitForRuns({ 'refresh-cache': 2, pollQueue: 2 });
const jobs = tracer.startActiveSpan('startup', (span) => {
  try {
    return startJobs({ pollEveryMs: 5 });
  } finally {
    span.end();
  }
});

await jobs.nightlyReport.execute();
await jobs.nightlyReport.execute();
await jobs.expireCarts.fireOnTick();
await jobs.weeklyDigest.invoke();
await intervalRuns;
await jobs.stop();
await dumpSpans();
