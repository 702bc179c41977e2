/**
 * Delivers outbox messages, whatever their topic. Each topic has one handler, registered by the
 * module that owns the work. Messages are claimed with FOR UPDATE SKIP LOCKED plus a lease
 * (lockedUntil), so two workers, in one process or in two app instances, never hold one message,
 * and a worker that dies mid-batch only delays it until the lease runs out. A failed delivery is
 * retried with capped exponential backoff, keeping lastError; after `maxAttempts` it is dead
 * (deadAt) and waits for a person (deadMessages / retryDeadMessage in outbox.server.ts).
 */
import type { z } from "zod";
import type { Db } from "~/db/client.server";
import type { OutboxTopic } from "./outbox.server";

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 12;
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_BATCH = 20;

/** Delay before retry number `attempts` (1 = first retry): 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export interface OutboxMessageOf<P> {
  id: string;
  payload: P;
  /** Deliveries tried before this one. */
  attempts: number;
}

/** What a handler says about a batch: nothing (all delivered), or the messages that failed. */
export type BatchOutcome = void | { failed: Map<string, string> };

export interface OutboxHandler<P = unknown> {
  topic: OutboxTopic;
  /** Every payload is parsed before delivery; one that does not parse is dead at once (retrying cannot fix it). */
  payload: z.ZodType<P>;
  /** Messages per delivery call (default 20). */
  batch?: number;
  /** Delivers the batch; throwing fails every message in it. */
  deliver(messages: OutboxMessageOf<P>[], context: { db: Db }): Promise<BatchOutcome>;
}

/** Keeps the payload's type checked where a handler is written. */
export function defineHandler<P>(handler: OutboxHandler<P>): OutboxHandler<P> {
  return handler;
}

export interface DeliveryOptions {
  leaseMs?: number;
  maxAttempts?: number;
}

export type DeliveryReport = { topic: OutboxTopic; claimed: number; done: number; failed: number; dead: number };

type Claimed = { id: string; payload: unknown; attempts: number };

async function claim(db: Db, topic: OutboxTopic, limit: number, leaseMs: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = now() + ${leaseMs} * interval '1 millisecond'
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE topic = ${topic}::"OutboxTopic" AND "processedAt" IS NULL AND "deadAt" IS NULL
        AND "availableAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "availableAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, payload, attempts`;
}

/**
 * Which of `topics` have a message due now, in one read. A round asks this first and claims only
 * those topics, so an idle worker costs one cheap query a second rather than a claim per topic,
 * and a commit that woke it claims only what it wrote.
 */
async function dueTopics(db: Db, topics: OutboxTopic[]): Promise<Set<OutboxTopic>> {
  const rows = await db.$queryRaw<{ topic: OutboxTopic }[]>`
    SELECT t.topic::text AS topic FROM unnest(${topics}::text[]::"OutboxTopic"[]) AS t(topic)
    WHERE EXISTS (
      SELECT 1 FROM "OutboxMessage" m
      WHERE m.topic = t.topic AND m."processedAt" IS NULL AND m."deadAt" IS NULL
        AND m."availableAt" <= now() AND (m."lockedUntil" IS NULL OR m."lockedUntil" < now())
    )`;
  return new Set(rows.map((row) => row.topic));
}

function describe(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
}

/** Claims one batch of due messages for the handler's topic and delivers it. */
export async function deliverDue<P>(db: Db, handler: OutboxHandler<P>, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const claimed = await claim(db, handler.topic, handler.batch ?? DEFAULT_BATCH, options.leaseMs ?? DEFAULT_LEASE_MS);
  const report: DeliveryReport = { topic: handler.topic, claimed: claimed.length, done: 0, failed: 0, dead: 0 };
  if (claimed.length === 0) return report;

  const valid: OutboxMessageOf<P>[] = [];
  for (const message of claimed) {
    const parsed = handler.payload.safeParse(message.payload);
    if (parsed.success) valid.push({ id: message.id, payload: parsed.data, attempts: message.attempts });
    else {
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { deadAt: new Date(), lockedUntil: null, attempts: message.attempts + 1, lastError: `malformed payload: ${parsed.error.message}`.slice(0, 2000) },
      });
      report.dead++;
    }
  }
  if (valid.length === 0) return report;

  let failed: Map<string, string>;
  try {
    const outcome = await handler.deliver(valid, { db });
    failed = outcome?.failed ?? new Map();
  } catch (error) {
    failed = new Map(valid.map((message) => [message.id, describe(error)]));
  }
  const delivered = valid.filter((message) => !failed.has(message.id)).map((message) => message.id);
  if (delivered.length > 0) {
    await db.outboxMessage.updateMany({ where: { id: { in: delivered } }, data: { processedAt: new Date(), lockedUntil: null, lastError: null } });
    report.done = delivered.length;
  }
  for (const message of valid) {
    const lastError = failed.get(message.id);
    if (lastError === undefined) continue;
    const attempts = message.attempts + 1;
    const dead = attempts >= maxAttempts;
    await db.outboxMessage.update({
      where: { id: message.id },
      data: dead
        ? { attempts, lastError, lockedUntil: null, deadAt: new Date() }
        : { attempts, lastError, lockedUntil: null, availableAt: new Date(Date.now() + backoffMs(attempts)) },
    });
    if (dead) report.dead++;
    else report.failed++;
  }
  return report;
}

export interface OutboxWorker {
  /** Delivers what is due now (the NOTIFY listener calls this on a commit). */
  wake(): void;
  /** Resolves when the current round, if any, has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Delivers every registered topic with something due, every `intervalMs` and at once when woken.
 * Rounds never overlap; a failing handler is logged and does not hold back the other topics.
 */
export function startOutboxWorker(
  getDb: () => Db,
  handlers: readonly OutboxHandler<any>[], // eslint-disable-line @typescript-eslint/no-explicit-any -- each handler parses its own payload
  options: DeliveryOptions & { intervalMs?: number; log?: (message: string) => void; onReport?: (report: DeliveryReport) => void } = {},
): OutboxWorker {
  const log = options.log ?? ((message) => console.error(message));
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const round = async () => {
    let due: Set<OutboxTopic>;
    try {
      due = await dueTopics(getDb(), handlers.map((handler) => handler.topic));
    } catch (error) {
      log(`outbox: ${describe(error)}`);
      return;
    }
    for (const handler of (handlers as OutboxHandler<unknown>[]).filter((each) => due.has(each.topic))) {
      // Drain a backlog quickly, but yield between full batches so one topic cannot starve the rest.
      for (let batch = 0; batch < 20 && !stopped; batch++) {
        try {
          const report = await deliverDue(getDb(), handler, options);
          if (report.claimed > 0) options.onReport?.(report);
          if (report.failed > 0) log(`outbox ${report.topic}: ${report.failed} message(s) failed, will retry with backoff`);
          if (report.dead > 0) log(`outbox ${report.topic}: ${report.dead} message(s) gave up after repeated failures (dead letters)`);
          if (report.claimed < (handler.batch ?? DEFAULT_BATCH)) break;
        } catch (error) {
          log(`outbox ${handler.topic}: ${describe(error)}`);
          break;
        }
      }
    }
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        tick();
      }
    });
  };
  const timer = setInterval(tick, options.intervalMs ?? 1_000);
  timer.unref();
  return {
    wake: tick,
    idle: async () => {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
