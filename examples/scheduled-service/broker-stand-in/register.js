// `node --import ./broker-stand-in/register.js run-messages.js`: runs the example with the in-process
// stand-in (./amqplib.js) wherever the code imports 'amqplib', for machines without RabbitMQ.
import { register } from 'node:module';

register('./resolve-amqplib.js', import.meta.url);
