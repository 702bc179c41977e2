/**
 * The audit log: who did what, when, to which row, and what it was before and after. Owns the
 * AuditLog table. Every staff and group action writes one record through `recordAudit`, inside
 * the same transaction as the change it describes, so the log never claims a change that was
 * rolled back nor misses one that was committed.
 */
import type { Client } from "~/db/transaction.server";
import type { Prisma } from "~/generated/prisma/client";

export interface AuditRecord {
  /** The signed-in user who acted; null for the system (expiry jobs, webhooks). */
  actorId: string | null;
  /** The group the change belongs to, so a group can read its own history. */
  groupId?: string | null;
  /** Dotted verb, e.g. "product.stock.set", "group.verify". */
  action: string;
  subjectType: string;
  subjectId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  /** Anything else worth keeping (a reason, an image key). */
  details?: Record<string, Prisma.InputJsonValue | null>;
}

export async function recordAudit(client: Client, record: AuditRecord): Promise<void> {
  const details: Record<string, Prisma.InputJsonValue | null> = { ...record.details };
  if (record.before !== undefined) details.before = record.before;
  if (record.after !== undefined) details.after = record.after;
  await client.auditLog.create({
    data: {
      actorId: record.actorId,
      groupId: record.groupId ?? null,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      details: Object.keys(details).length > 0 ? (details as Prisma.InputJsonObject) : undefined,
    },
  });
}
