'use strict';
// The http instrumentation (Node http/https clients and servers) and the undici instrumentation
// (undici and the global fetch), registered before services.js loads node:http, so that they patch it.
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici');

const instrumentations = [new HttpInstrumentation(), new UndiciInstrumentation()];
registerInstrumentations({ instrumentations });

module.exports = { instrumentations };
