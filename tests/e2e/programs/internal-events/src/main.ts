// Boots the application context (no HTTP server), handles one `POST /orders` request inside a server
// span the way an HTTP instrumentation would start it, closes the context and prints the spans.
import 'reflect-metadata';
import { dumpSpans } from './tracing';

import { NestFactory } from '@nestjs/core';
import { SpanKind, trace } from '@opentelemetry/api';

import { AppModule } from './app.module';
import { startAuditLog } from './audit/audit-log';
import { OrdersService } from './orders/orders.service';

const tracer = trace.getTracer('internal-events-e2e/http');

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  startAuditLog();
  const orders = app.get(OrdersService);

  await tracer.startActiveSpan('POST /orders', { kind: SpanKind.SERVER }, async (span) => {
    try {
      await orders.placeOrder('ada@example.com', [
        { sku: 'TEA-01', quantity: 2 },
        { sku: 'MUG-07', quantity: 1 },
      ]);
    } finally {
      span.end();
    }
  });

  await app.close();
  await dumpSpans();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
