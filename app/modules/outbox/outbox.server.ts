/**
 * The outbox: work that leaves the database (search index updates, page-cache invalidation,
 * email, LINE) is written as a row in the same transaction as the change that causes it, then
 * delivered by a worker (worker.server.ts) with retries. A crash between the change and the
 * delivery loses nothing; a rollback sends nothing. Owns the OutboxMessage table.
 *
 * Modules enqueue with `enqueue(tx, topic, payload)`; each topic's handler is registered by the
 * module that owns the work (catalog: search sync; web: page caches; notifications: email, LINE)
 * and wired together in app/server.ts.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { OutboxTopic } from "~/generated/prisma/enums";
import type { Client } from "~/db/transaction.server";

export type { OutboxTopic };

/** The channel on which a commit that wrote messages wakes the workers at once. */
export const OUTBOX_CHANNEL = "sammachip_outbox";

export interface EnqueueOptions {
  /** Deliver no earlier than this (reminders, expiry checks). */
  availableAt?: Date;
  /** At most one message with this key is ever written; a second enqueue is a no-op. */
  dedupeKey?: string;
}

/**
 * Writes a message to be delivered after the caller's transaction commits. The NOTIFY is
 * transactional too: PostgreSQL sends it at commit, and never if the transaction rolls back.
 * Returns false when a message with the same dedupeKey already exists.
 */
export async function enqueue(client: Client, topic: OutboxTopic, payload: Prisma.InputJsonValue, options: EnqueueOptions = {}): Promise<boolean> {
  return (await enqueueAll(client, [{ topic, payload, ...options }])) === 1;
}

/**
 * Writes several messages with one insert and one NOTIFY (a checkout writes half a dozen; each
 * round trip counts when many buyers check out at once). Returns how many were written (those
 * whose dedupeKey already existed are not).
 */
export async function enqueueAll(client: Client, messages: readonly ({ topic: OutboxTopic; payload: Prisma.InputJsonValue } & EnqueueOptions)[]): Promise<number> {
  if (messages.length === 0) return 0;
  const { count } = await client.outboxMessage.createMany({
    data: messages.map((message) => ({ topic: message.topic, payload: message.payload, dedupeKey: message.dedupeKey, availableAt: message.availableAt })),
    skipDuplicates: true,
  });
  if (count > 0) await client.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return count;
}

/** Messages that failed for good, newest first: for staff to read and retry. */
export function deadMessages(client: Client, { limit = 100 }: { limit?: number } = {}) {
  return client.outboxMessage.findMany({
    where: { deadAt: { not: null } },
    orderBy: { deadAt: "desc" },
    take: limit,
    select: { id: true, topic: true, attempts: true, lastError: true, deadAt: true, createdAt: true },
  });
}

/** Gives a dead message a fresh start: retried from its first attempt at once. */
export async function retryDeadMessage(client: Client, id: string): Promise<boolean> {
  const { count } = await client.outboxMessage.updateMany({
    where: { id, deadAt: { not: null } },
    data: { deadAt: null, attempts: 0, availableAt: new Date(), lockedUntil: null },
  });
  return count === 1;
}
