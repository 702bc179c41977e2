/**
 * The search side of the outbox: delivers SEARCH_SYNC messages (written in the same transaction
 * as the product, stock or group change) to the search engine. Messages are claimed atomically
 * with FOR UPDATE SKIP LOCKED plus a lease (lockedUntil), so two workers never hold one message
 * and a worker that dies mid-batch only delays it until the lease runs out. A failed delivery
 * stays in the table with lastError and is retried with capped exponential backoff.
 */
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { searchDocumentsBySlugs } from "./from-database.ts";
import type { SearchEngine } from "./port.ts";

export const syncPayloadSchema = z.object({ productSlugs: z.array(z.string().min(1).max(200)).max(10_000) });

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
const LEASE_MS = 60_000;
const DEFAULT_BATCH = 50;

/** Delay before retry number `attempts` (1 = first retry): 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

type Claimed = { id: string; payload: unknown; attempts: number };

async function claim(db: Db, limit: number, leaseMs: number): Promise<Claimed[]> {
  // The topic literal is a constant, never user input; limit and lease are numbers.
  return db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = now() + ${leaseMs} * interval '1 millisecond'
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE topic = 'SEARCH_SYNC' AND "processedAt" IS NULL AND "availableAt" <= now()
        AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "availableAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, payload, attempts`;
}

export type SyncReport = { claimed: number; done: number; failed: number; indexed: number; removed: number };

/**
 * Claims due messages, re-reads the products they name and re-indexes them (removing those no
 * longer searchable), then marks them done. All claimed messages succeed or fail together: one
 * engine call carries them all, so a failure says nothing about which message caused it.
 */
export async function deliverSearchSync(
  db: Db,
  engine: SearchEngine,
  options: { batch?: number; leaseMs?: number } = {},
): Promise<SyncReport> {
  const messages = await claim(db, options.batch ?? DEFAULT_BATCH, options.leaseMs ?? LEASE_MS);
  const report: SyncReport = { claimed: messages.length, done: 0, failed: 0, indexed: 0, removed: 0 };
  if (messages.length === 0) return report;

  const valid: Claimed[] = [];
  const slugs: string[] = [];
  for (const message of messages) {
    const payload = syncPayloadSchema.safeParse(message.payload);
    if (payload.success) {
      valid.push(message);
      slugs.push(...payload.data.productSlugs);
    } else {
      // Retrying cannot fix a malformed payload; keep it visible but stop trying.
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { processedAt: new Date(), lockedUntil: null, lastError: `malformed payload: ${payload.error.message}`.slice(0, 2000) },
      });
      report.failed++;
    }
  }
  if (valid.length === 0) return report;

  try {
    const { documents, gone } = await searchDocumentsBySlugs(db, slugs);
    await engine.index(documents);
    await engine.remove(gone);
    await db.outboxMessage.updateMany({
      where: { id: { in: valid.map((message) => message.id) } },
      data: { processedAt: new Date(), lockedUntil: null, lastError: null },
    });
    report.done = valid.length;
    report.indexed = documents.length;
    report.removed = gone.length;
  } catch (error) {
    const lastError = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
    for (const message of valid) {
      const attempts = message.attempts + 1;
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { attempts, lastError, lockedUntil: null, availableAt: new Date(Date.now() + backoffMs(attempts)) },
      });
    }
    report.failed += valid.length;
  }
  return report;
}

/**
 * Runs deliverSearchSync every `intervalMs` until stopped. Ticks never overlap; an error (the
 * database gone for a moment) is logged and the next tick tries again.
 */
export function startSearchSyncWorker(
  getDb: () => Db,
  getEngine: () => SearchEngine,
  options: {
    intervalMs?: number;
    log?: (message: string) => void;
    /** Called after each batch that changed the index, e.g. to drop cached pages. */
    onDelivered?: (report: SyncReport) => void;
  } = {},
): { stop: () => Promise<void> } {
  const log = options.log ?? ((message) => console.error(message));
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        // Drain a backlog quickly, but yield between full batches.
        for (let round = 0; round < 20 && !stopped; round++) {
          const report = await deliverSearchSync(getDb(), getEngine());
          if (report.failed > 0) log(`search sync: ${report.failed} message(s) failed, will retry with backoff`);
          if (report.done > 0) options.onDelivered?.(report);
          if (report.claimed < DEFAULT_BATCH) break;
        }
      } catch (error) {
        log(`search sync: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, options.intervalMs ?? 1_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
