import { connect } from '@nats-io/transport-node';

// Tells the rest of the company about booked shipments: one NATS message per shipment.
export async function connectShipmentEvents({ servers, subject = 'shipments.booked' }) {
  const nc = await connect({ servers });
  return {
    booked(shipment) {
      nc.publish(subject, JSON.stringify(shipment));
    },
    close: () => nc.drain(),
  };
}
