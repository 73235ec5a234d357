import { connect } from '@nats-io/transport-node';

import { mail } from '../db.js';
import { recordRun } from '../metrics.js';

// Mails the customer once the warehouse has booked their shipment (a NATS subscription).
export async function startShipmentMailer({ servers, subject = 'shipments.booked' }) {
  const nc = await connect({ servers });
  nc.subscribe(subject, {
    callback: async (err, msg) => {
      if (err) return;
      const shipment = msg.json();
      await mail.send(shipment.email);
      recordRun('shipment-mail');
    },
  });
  await nc.flush(); // the server knows the subscription before anything is published
  return { stop: () => nc.drain() };
}
