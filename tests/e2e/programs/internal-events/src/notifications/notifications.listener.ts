import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { mail } from '../clients';
import { OrderCreatedEvent } from '../orders/place-order.command';

@Injectable()
export class NotificationsListener {
  private sent = 0;

  @OnEvent('order.created')
  async sendConfirmation(event: OrderCreatedEvent): Promise<void> {
    await mail.send(event.order.customerEmail);
    this.sent += 1;
  }
}
