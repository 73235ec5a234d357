import { db } from '../db.js';
import { recordRun } from '../metrics.js';

// Mirrors the supplier's stock levels into our database while the service runs.
export function startInventoryPoller({ everyMs = 30_000 } = {}) {
  async function syncInventory() {
    const levels = await db.select('supplier_stock');
    if (levels.length > 0) await db.update('inventory');
    recordRun('inventory-poller');
  }

  const timer = setInterval(syncInventory, everyMs);
  return () => clearInterval(timer);
}
