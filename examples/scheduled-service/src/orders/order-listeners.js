import { db, mail } from '../db.js';
import { orderEvents } from '../events.js';

async function sendConfirmation(order) {
  await mail.send(order.email);
}

// Reacts to new orders: holds the stock and mails a confirmation. Nobody awaits these listeners.
export function listenToOrders() {
  orderEvents.on('order.placed', async (order) => {
    for (const line of order.lines) await db.update(`stock_reservations:${line.sku}`);
  });
  orderEvents.on('order.placed', sendConfirmation);
}
