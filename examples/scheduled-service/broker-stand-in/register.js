// `node --import ./broker-stand-in/register.js run-messages.js`: runs the example on in-process
// stand-ins for its broker clients, for machines without the brokers. BROKER_STAND_INS lists the
// packages to replace (default: all of them): 'amqplib' (./amqplib.js) and '@nats-io/transport-node'
// (./nats.js).
import { register } from 'node:module';

const packages = process.env.BROKER_STAND_INS?.split(',').filter(Boolean) ?? ['amqplib', '@nats-io/transport-node'];
register('./resolve-stand-ins.js', import.meta.url, { data: { packages } });
