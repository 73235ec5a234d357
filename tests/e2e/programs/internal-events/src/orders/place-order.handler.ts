import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { db } from '../clients';
import { PlaceOrderCommand, type Order } from './place-order.command';
import { OrderNumbers } from './order-numbers';

@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, Order> {
  private readonly placed = new Map<number, Order>();

  constructor(private readonly numbers: OrderNumbers) {}

  async execute(command: PlaceOrderCommand): Promise<Order> {
    const order: Order = { id: this.numbers.next(), customerEmail: command.customerEmail, lines: command.lines };
    await db.insert('orders', order);
    this.placed.set(order.id, order);
    return order;
  }
}
