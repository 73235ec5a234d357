// Module resolution hooks (node:module `register`): the packages named in `data.packages` resolve to
// their stand-ins next to this file, except inside the stand-ins, which may use the real package.
const here = new URL('./', import.meta.url).href;
const standIns = { amqplib: './amqplib.js', '@nats-io/transport-node': './nats.js' };
let replaced = new Set();

export async function initialize({ packages }) {
  replaced = new Set(packages);
}

export async function resolve(specifier, context, nextResolve) {
  if (replaced.has(specifier) && !context.parentURL?.startsWith(here)) {
    return { url: new URL(standIns[specifier], here).href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
