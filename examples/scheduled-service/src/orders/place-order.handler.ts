import { Logger } from '@nestjs/common';
import { CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';

import { OrdersRepository } from './orders.repository';

export class PlaceOrderCommand {
  constructor(
    readonly email: string,
    readonly lines: { sku: string; quantity: number }[],
  ) {}
}

export class OrderPlacedEvent {
  constructor(readonly orderId: number) {}
}

// The NestJS version of placeOrder (linted and rewritten by the demo, not run).
@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, number> {
  private readonly logger = new Logger(PlaceOrderHandler.name);

  constructor(
    private readonly orders: OrdersRepository,
    private readonly eventBus: EventBus,
  ) {}

  async execute(command: PlaceOrderCommand): Promise<number> {
    const orderId = await this.orders.insert(command.email, command.lines);
    this.eventBus.publish(new OrderPlacedEvent(orderId));
    this.logger.log(`order ${orderId} placed`);
    return orderId;
  }
}
