import { db } from '../db.js';
import { orderEvents } from '../events.js';

let lastOrderId = 2040;

// What `POST /orders` does: stores the order, then tells the rest of the service about it.
export async function placeOrder({ email, lines }) {
  const order = { id: ++lastOrderId, email, lines };
  await db.insert('orders', order);
  orderEvents.emit('order.placed', order);
  return order;
}
