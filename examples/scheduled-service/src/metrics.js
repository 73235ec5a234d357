// Counts finished job runs (what a metrics exporter would read) and lets callers wait for a count.
const runs = new Map();
const waiting = new Set();

export function recordRun(job) {
  runs.set(job, (runs.get(job) ?? 0) + 1);
  for (const waiter of waiting) {
    if ((runs.get(waiter.job) ?? 0) >= waiter.count) {
      waiting.delete(waiter);
      waiter.resolve();
    }
  }
}

export function whenRuns(job, count) {
  if ((runs.get(job) ?? 0) >= count) return Promise.resolve();
  return new Promise((resolve) => waiting.add({ job, count, resolve }));
}
