import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { db } from '../clients';
import { OrderCreatedEvent } from '../orders/place-order.command';

@Injectable()
export class InventoryListener {
  @OnEvent('order.created')
  async reserveStock(event: OrderCreatedEvent): Promise<void> {
    for (const line of event.order.lines) {
      await db.update(`stock:${line.sku}`);
    }
  }
}
