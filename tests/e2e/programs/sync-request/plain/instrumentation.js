'use strict';
// No instrumentation: the tracer provider is registered by hand (tracing.js) and nothing patches
// http, undici or fetch, as in an edge runtime or a service that wires its tracer itself.
module.exports = { instrumentations: [] };
