// The audit trail's in-process bus: a plain Node.js EventEmitter shared across modules.
import { EventEmitter } from 'node:events';

export interface AuditEntry {
  orderId: number;
  actor: string;
}

export const auditBus = new EventEmitter();
