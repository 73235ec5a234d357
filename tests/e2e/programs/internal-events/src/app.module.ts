import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventEmitterModule } from '@nestjs/event-emitter';

import { InventoryListener } from './inventory/inventory.listener';
import { NotificationsListener } from './notifications/notifications.listener';
import { OrderNumbers } from './orders/order-numbers';
import { OrdersService } from './orders/orders.service';
import { PlaceOrderHandler } from './orders/place-order.handler';

@Module({
  imports: [EventEmitterModule.forRoot(), CqrsModule.forRoot()],
  providers: [OrderNumbers, PlaceOrderHandler, OrdersService, NotificationsListener, InventoryListener],
})
export class AppModule {}
