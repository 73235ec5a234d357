import { db } from '../clients';
import { auditBus, type AuditEntry } from './audit-bus';

/** Writes every audit event to the audit table. Nobody awaits these listeners. */
export function startAuditLog(): void {
  auditBus.on('audit.order-placed', async (entry: AuditEntry) => {
    await db.insert('audit_log', entry);
  });
}
