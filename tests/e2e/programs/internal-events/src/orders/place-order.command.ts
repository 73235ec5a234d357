export interface OrderLine {
  sku: string;
  quantity: number;
}

export class PlaceOrderCommand {
  constructor(
    readonly customerEmail: string,
    readonly lines: readonly OrderLine[],
  ) {}
}

export interface Order {
  id: number;
  customerEmail: string;
  lines: readonly OrderLine[];
}

/** Published on the application's EventEmitter2 once an order is stored. */
export class OrderCreatedEvent {
  constructor(readonly order: Order) {}
}
