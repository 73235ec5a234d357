// Module resolution hook (node:module `register`): 'amqplib' resolves to the stand-in next to this file.
const standIn = new URL('./amqplib.js', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'amqplib') return { url: standIn, shortCircuit: true };
  return nextResolve(specifier, context);
}
