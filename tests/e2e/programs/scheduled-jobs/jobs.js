// The service's scheduled work, registered once at start-up.
import { CronJob } from 'cron';
import nodeCron from 'node-cron';
import schedule from 'node-schedule';
import { AsyncTask, SimpleIntervalJob, ToadScheduler } from 'toad-scheduler';
import { trace } from '@opentelemetry/api';

import { jobFinished, loadRows, saveRows } from './work.js';

const tracer = trace.getTracer('scheduled-jobs-e2e/jobs');

export function startJobs({ pollEveryMs = 30_000 } = {}) {
  const nightlyReport = nodeCron.schedule(
    '0 3 * * *',
    async () => {
      const orders = await loadRows('orders');
      await saveRows('reports', orders);
      jobFinished('nightly-report');
    },
    { name: 'nightly-report' },
  );

  const expireCarts = CronJob.from({
    cronTime: '*/15 * * * *',
    name: 'expire-carts',
    start: true,
    waitForCompletion: true,
    onTick: async () => {
      await loadRows('carts');
      await saveRows('carts');
      jobFinished('expire-carts');
    },
  });

  const weeklyDigest = schedule.scheduleJob('send-digest', '0 8 * * 1', async () => {
    await loadRows('subscribers');
    jobFinished('send-digest');
  });

  // This job starts its own span, but not a root one: every run joins the start-up trace.
  const scheduler = new ToadScheduler();
  const refreshCache = new AsyncTask('refresh-cache', () =>
    tracer.startActiveSpan('refresh-cache', async (span) => {
      try {
        await loadRows('prices');
      } finally {
        span.end();
        jobFinished('refresh-cache');
      }
    }),
  );
  scheduler.addSimpleIntervalJob(new SimpleIntervalJob({ milliseconds: pollEveryMs }, refreshCache, { id: 'refresh-cache' }));

  async function pollQueue() {
    await loadRows('outbox');
    jobFinished('pollQueue');
  }
  const poller = setInterval(pollQueue, pollEveryMs);

  return {
    nightlyReport,
    expireCarts,
    weeklyDigest,
    async stop() {
      clearInterval(poller);
      scheduler.stop();
      expireCarts.stop();
      await nightlyReport.destroy();
      await schedule.gracefulShutdown();
    },
  };
}
