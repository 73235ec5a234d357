import { Injectable } from '@nestjs/common';

@Injectable()
export class OrderNumbers {
  private last = 1040;

  next(): number {
    this.last += 1;
    return this.last;
  }
}
