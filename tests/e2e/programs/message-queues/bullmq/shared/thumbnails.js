'use strict';
// A BullMQ job queue on Redis. The gallery service's request span adds a thumbnail job; a worker
// renders it in a 'render thumbnail' span. Nothing here writes or reads the trace context: that is
// the codemod's part. The test copies this file into ../native and ../payload, whose package.json
// (bullmq-otel among the dependencies or not) decides which fix the codemod writes.
const { brokers, countdown, dumpSpans, handleRequest, runId, work } = require('../../tracing.js');

const { Queue, Worker } = require('bullmq');

const THUMBNAILS_QUEUE = `e2e-thumbnails-${runId}`;
const connection = brokers.redis;

const thumbnails = new Queue(THUMBNAILS_QUEUE, { connection });

/** The gallery service, inside its request: asks for a thumbnail of the uploaded image. */
async function requestThumbnail(imageId) {
  await thumbnails.add('render', { imageId });
}

/** The thumbnail worker: every job is rendered in a 'render thumbnail' span. */
function startWorker(rendered) {
  return new Worker(
    THUMBNAILS_QUEUE,
    async (job) => {
      await work('render thumbnail', { 'image.id': job.data.imageId });
      rendered();
    },
    { connection },
  );
}

async function main() {
  const rendering = countdown(1, THUMBNAILS_QUEUE);
  const worker = startWorker(rendering.done);

  await handleRequest('POST /images', () => requestThumbnail(7));
  await rendering.finished;

  await worker.close();
  await thumbnails.obliterate({ force: true });
  await thumbnails.close();
  await dumpSpans();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
  return Promise.allSettled([thumbnails.obliterate({ force: true }), thumbnails.close()]);
});
