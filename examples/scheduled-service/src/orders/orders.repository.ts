import { Injectable } from '@nestjs/common';

@Injectable()
export class OrdersRepository {
  private lastId = 2040;

  async insert(email: string, lines: { sku: string; quantity: number }[]): Promise<number> {
    void email;
    void lines;
    this.lastId += 1;
    return this.lastId;
  }
}
