// Mode 4 end to end: a service with jobs on node-cron, cron, node-schedule, toad-scheduler and a
// setInterval poller, registered inside a start-up span, runs with the real OpenTelemetry SDK before
// and after the scheduled-job-tracing codemod rewrites a copy of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { traceTrees, type SpanRecord } from '../helpers/otel';
import { ancestry, copyProgram, ensureBuilt, runCodemod, runProgram, type ProgramCopy } from './support';

/** Job name → the inner spans one run makes, in order (see programs/scheduled-jobs/jobs.js). */
const RUNS: Record<string, string[]> = {
  'nightly-report': ['load-rows', 'save-rows'],
  'expire-carts': ['load-rows', 'save-rows'],
  'send-digest': ['load-rows'],
  'refresh-cache': ['load-rows'],
  pollQueue: ['load-rows'],
};
const INNER = new Set(['load-rows', 'save-rows']);

let copy: ProgramCopy;
let before: SpanRecord[];
let codemodOutput: string;
let after: SpanRecord[];

const startupOf = (spans: SpanRecord[]): SpanRecord => {
  const found = spans.filter((span) => span.name === 'startup');
  expect(found).toHaveLength(1);
  return found[0];
};
const childrenOf = (parent: SpanRecord, spans: SpanRecord[]): SpanRecord[] =>
  spans.filter((span) => span.parentSpanId === parent.spanId).sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0));

beforeAll(async () => {
  await ensureBuilt();
  copy = copyProgram('scheduled-jobs');
  before = await runProgram(copy.dir);
  codemodOutput = await runCodemod('scheduled-job-tracing', copy.dir);
  after = await runProgram(copy.dir);
});

afterAll(() => {
  copy?.remove();
});

describe('before the codemod', () => {
  it('has no span of its own for any job run: runs are scattered or join the start-up trace', () => {
    const trees = traceTrees(before, { ids: false });
    const startup = startupOf(before);
    expect(startup.parentSpanId, trees).toBeUndefined();
    for (const span of before) {
      if (span === startup || span.traceId === startup.traceId) continue;
      // Outside the start-up trace there are only inner steps, each a root of a trace of its own.
      expect(INNER.has(span.name), `${span.name}\n${trees}`).toBe(true);
      expect(span.parentSpanId, trees).toBeUndefined();
    }
    const roots = before.filter((span) => !span.parentSpanId).map((span) => span.name);
    for (const job of Object.keys(RUNS)) expect(roots, trees).not.toContain(job);
  });

  it('puts the timer-driven runs into the start-up trace', () => {
    const trees = traceTrees(before, { ids: false });
    const startup = startupOf(before);
    const refreshes = before.filter((span) => span.name === 'refresh-cache');
    expect(refreshes.length, trees).toBeGreaterThanOrEqual(2);
    for (const span of refreshes) expect(span.parentSpanId, trees).toBe(startup.spanId);
    // pollQueue starts no span, so its steps hang directly off the start-up span.
    const startupSteps = childrenOf(startup, before).filter((span) => span.name === 'load-rows');
    expect(startupSteps.length, trees).toBeGreaterThanOrEqual(2);
  });
});

describe('the codemod', () => {
  it('rewrote the job registrations and left the other modules alone', () => {
    const source = readFileSync(join(copy.dir, 'jobs.js'), 'utf8');
    expect(source, codemodOutput).toContain("from 'eslint-plugin-trace-context/wrappers'");
    expect(source, codemodOutput).toContain('traceJob(');
    expect(source, codemodOutput).toContain("startActiveSpan('refresh-cache', { root: true },");
    for (const file of ['main.js', 'work.js', 'tracing.js']) {
      const original = readFileSync(join(__dirname, 'programs/scheduled-jobs', file), 'utf8');
      expect(readFileSync(join(copy.dir, file), 'utf8'), file).toBe(original);
    }
  });

  it('changes nothing when run a second time', async () => {
    const once = readFileSync(join(copy.dir, 'jobs.js'), 'utf8');
    await runCodemod('scheduled-job-tracing', copy.dir);
    expect(readFileSync(join(copy.dir, 'jobs.js'), 'utf8')).toBe(once);
  });
});

describe('after the codemod', () => {
  it('leaves the start-up trace with the start-up span alone', () => {
    const trees = traceTrees(after, { ids: false });
    const startup = startupOf(after);
    expect(after.filter((span) => span.traceId === startup.traceId).map((span) => span.name), trees).toEqual(['startup']);
  });

  it('starts every job run as a root span in a trace of its own', () => {
    const trees = traceTrees(after, { ids: false });
    const startup = startupOf(after);
    const runs = after.filter((span) => span !== startup && !span.parentSpanId);
    for (const run of runs) expect(Object.keys(RUNS), `${run.name}\n${trees}`).toContain(run.name);
    expect(new Set(runs.map((run) => run.name)), trees).toEqual(new Set(Object.keys(RUNS)));
    expect(runs.filter((run) => run.name === 'nightly-report'), trees).toHaveLength(2);
    const traceIds = runs.map((run) => run.traceId);
    expect(new Set(traceIds).size, trees).toBe(traceIds.length);
    expect(traceIds, trees).not.toContain(startup.traceId);
  });

  it("puts each run's inner spans under that run", () => {
    const trees = traceTrees(after, { ids: false });
    const startup = startupOf(after);
    for (const run of after.filter((span) => span !== startup && !span.parentSpanId)) {
      expect(childrenOf(run, after).map((span) => span.name), `${run.name}\n${trees}`).toEqual(RUNS[run.name]);
    }
    for (const span of after.filter((candidate) => INNER.has(candidate.name))) {
      const chain = ancestry(span, after);
      expect(chain, trees).toHaveLength(2);
      expect(chain[1].traceId, trees).toBe(span.traceId);
      expect(Object.keys(RUNS), trees).toContain(chain[1].name);
    }
  });
});
