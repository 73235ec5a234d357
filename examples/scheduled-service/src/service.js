import { trace } from '@opentelemetry/api';

import { db } from './db.js';
import { scheduleCartExpiry } from './jobs/expire-carts.js';
import { startInventoryPoller } from './jobs/inventory-poller.js';
import { scheduleNightlyReport } from './jobs/nightly-report.js';
import { listenToOrders } from './orders/order-listeners.js';

const tracer = trace.getTracer('scheduled-service');

// Connects, registers the scheduled work and the order event listeners, all inside one start-up span.
export function startService({ pollEveryMs } = {}) {
  return tracer.startActiveSpan('startup', async (span) => {
    try {
      await db.connect();
      listenToOrders();
      const nightlyReport = scheduleNightlyReport();
      const cartExpiry = scheduleCartExpiry();
      const stopPoller = startInventoryPoller({ everyMs: pollEveryMs });
      return {
        nightlyReport,
        cartExpiry,
        async stop() {
          stopPoller();
          cartExpiry.stop();
          await nightlyReport.destroy();
        },
      };
    } finally {
      span.end();
    }
  });
}
