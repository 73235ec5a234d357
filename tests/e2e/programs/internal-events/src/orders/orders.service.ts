// What the `POST /orders` route does: store the order through the command bus, then tell the rest of
// the application about it.
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventEmitter2 } from '@nestjs/event-emitter';

import { auditBus } from '../audit/audit-bus';
import { OrderCreatedEvent, PlaceOrderCommand, type Order, type OrderLine } from './place-order.command';

@Injectable()
export class OrdersService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventEmitter: EventEmitter2,
  ) {}

  async placeOrder(customerEmail: string, lines: OrderLine[]): Promise<Order> {
    const order = await this.commandBus.execute<PlaceOrderCommand, Order>(new PlaceOrderCommand(customerEmail, lines));
    await this.eventEmitter.emitAsync('order.created', new OrderCreatedEvent(order));
    auditBus.emit('audit.order-placed', { orderId: order.id, actor: customerEmail });
    return order;
  }
}
