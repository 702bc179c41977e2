/**
 * The outbox against a real PostgreSQL: messages are written only when their transaction
 * commits, a dedupe key writes one message, any topic is claimed by exactly one worker, failures
 * back off and end as dead letters, and a commit wakes a waiting worker at once.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db, databaseUrl } from "~/db/client.server";
import { listen } from "~/db/notifications.server";
import { inTransaction } from "~/db/transaction.server";
import { setStock } from "~/modules/catalog/stock.server";
import { OUTBOX_CHANNEL, deadMessages, enqueue, retryDeadMessage } from "~/modules/outbox/outbox.server";
import { defineHandler, deliverDue, startOutboxWorker } from "~/modules/outbox/worker.server";
import { demoAccounts } from "../prisma/seed/demo";
import { userByEmail } from "./helpers";

const payload = z.object({ n: z.number() });

function recorder(options: { failIf?: (n: number) => boolean; delayMs?: number } = {}) {
  const seen: number[] = [];
  const handler = defineHandler({
    topic: "LINE",
    payload,
    batch: 5,
    async deliver(messages) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const failed = new Map<string, string>();
      for (const message of messages) {
        if (options.failIf?.(message.payload.n)) failed.set(message.id, `refused ${message.payload.n}`);
        else seen.push(message.payload.n);
      }
      return { failed };
    },
  });
  return { handler, seen };
}

const clear = () => db().outboxMessage.deleteMany({ where: { topic: "LINE" } });
const makeDue = () => db().outboxMessage.updateMany({ where: { topic: "LINE" }, data: { availableAt: new Date(Date.now() - 1) } });

describe("writing messages", () => {
  it("writes nothing when the transaction that enqueued rolls back", async () => {
    await clear();
    await expect(
      db().$transaction(async (tx) => {
        await enqueue(tx, "LINE", { n: 1 });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().outboxMessage.count({ where: { topic: "LINE" } })).toBe(0);
  });

  it("writes one message per dedupe key", async () => {
    await clear();
    expect(await enqueue(db(), "LINE", { n: 1 }, { dedupeKey: "order-1-placed" })).toBe(true);
    expect(await enqueue(db(), "LINE", { n: 2 }, { dedupeKey: "order-1-placed" })).toBe(false);
    expect(await db().outboxMessage.count({ where: { topic: "LINE" } })).toBe(1);
  });

  it("joins a caller's transaction: a module's writes roll back with the caller's", async () => {
    const mat = await db().product.findUniqueOrThrow({ where: { slug: "ban-thon-krajood-krajood-mat" } });
    const owner = await userByEmail(demoAccounts.ownerOf("ban-thon-krajood").email);
    const outboxBefore = await db().outboxMessage.count();
    const auditBefore = await db().auditLog.count();
    await expect(
      inTransaction(db(), async (tx) => {
        await setStock({ groupId: mat.groupId, productId: mat.id, stock: mat.stock + 5, actorId: owner.id }, tx);
        expect((await tx.product.findUniqueOrThrow({ where: { id: mat.id } })).stock).toBe(mat.stock + 5);
        throw new Error("a later step of the caller failed");
      }),
    ).rejects.toThrow("a later step");
    expect((await db().product.findUniqueOrThrow({ where: { id: mat.id } })).stock).toBe(mat.stock);
    expect(await db().outboxMessage.count()).toBe(outboxBefore);
    expect(await db().auditLog.count()).toBe(auditBefore);
  });
});

describe("delivering messages", () => {
  it("delivers each message exactly once when four workers claim at the same time", async () => {
    await clear();
    for (let n = 0; n < 40; n++) await enqueue(db(), "LINE", { n });
    const { handler, seen } = recorder({ delayMs: 20 });
    // Each round claims a batch; keep going until nothing is left.
    const worker = async () => {
      while ((await deliverDue(db(), handler)).claimed > 0);
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(await db().outboxMessage.count({ where: { topic: "LINE", processedAt: null } })).toBe(0);
  });

  it("keeps the messages that failed for retry and marks the rest done", async () => {
    await clear();
    for (let n = 0; n < 4; n++) await enqueue(db(), "LINE", { n });
    const { handler, seen } = recorder({ failIf: (n) => n === 2 });
    expect(await deliverDue(db(), handler)).toMatchObject({ claimed: 4, done: 3, failed: 1, dead: 0 });
    expect(seen.sort()).toEqual([0, 1, 3]);
    const pending = await db().outboxMessage.findFirstOrThrow({ where: { topic: "LINE", processedAt: null } });
    expect(pending).toMatchObject({ attempts: 1, lastError: "refused 2", deadAt: null });
  });

  it("gives up after maxAttempts (a dead letter kept for staff) and can be retried by hand", async () => {
    await clear();
    await enqueue(db(), "LINE", { n: 7 });
    const failing = recorder({ failIf: () => true });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await makeDue();
      const report = await deliverDue(db(), failing.handler, { maxAttempts: 3 });
      expect(report).toMatchObject(attempt < 3 ? { failed: 1, dead: 0 } : { failed: 0, dead: 1 });
    }
    await makeDue();
    expect(await deliverDue(db(), failing.handler, { maxAttempts: 3 })).toMatchObject({ claimed: 0 });
    const [dead] = await deadMessages(db());
    expect(dead).toMatchObject({ topic: "LINE", attempts: 3, lastError: "refused 7" });

    expect(await retryDeadMessage(db(), dead.id)).toBe(true);
    const working = recorder();
    expect(await deliverDue(db(), working.handler)).toMatchObject({ done: 1 });
    expect(working.seen).toEqual([7]);
  });

  it("marks a message whose payload does not parse as dead at once", async () => {
    await clear();
    await enqueue(db(), "LINE", { n: "not a number" });
    const { handler, seen } = recorder();
    expect(await deliverDue(db(), handler)).toMatchObject({ claimed: 1, dead: 1, done: 0 });
    expect(seen).toEqual([]);
    const message = await db().outboxMessage.findFirstOrThrow({ where: { topic: "LINE" } });
    expect(message.deadAt).not.toBeNull();
    expect(message.lastError).toMatch(/^malformed payload/);
  });

  it("is woken by the commit that wrote a message, not by its next poll", async () => {
    await clear();
    const { handler, seen } = recorder();
    // A poll interval far longer than the test: only the NOTIFY can deliver in time.
    const worker = startOutboxWorker(db, [handler], { intervalMs: 600_000 });
    const listener = listen(databaseUrl(), [{ channel: OUTBOX_CHANNEL, onNotify: worker.wake }]);
    await listener.ready;
    try {
      await db().$transaction((tx) => enqueue(tx, "LINE", { n: 42 }));
      await expect.poll(() => seen, { timeout: 5_000 }).toEqual([42]);
    } finally {
      await worker.stop();
      await listener.close();
    }
  });

  it("asks once which topics have anything due and claims only those: an idle round is one query", async () => {
    await db().outboxMessage.deleteMany({});
    const { handler, seen } = recorder();
    const idleHandler = (topic: "EMAIL" | "SEARCH_SYNC" | "PAGE_CACHE") =>
      defineHandler({ topic, payload, async deliver() {} });
    let queries = 0;
    const client = db();
    // Counts the raw queries the worker sends (claims and the due-topics read are raw SQL).
    const counting = new Proxy(client, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (property === "$queryRaw") return (...args: unknown[]) => (queries++, (value as (...a: unknown[]) => unknown).apply(target, args));
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const worker = startOutboxWorker(() => counting, [handler, idleHandler("EMAIL"), idleHandler("SEARCH_SYNC"), idleHandler("PAGE_CACHE")], { intervalMs: 600_000 });
    try {
      worker.wake();
      await worker.idle();
      expect(queries).toBe(1);
      await db().$transaction((tx) => enqueue(tx, "LINE", { n: 7 }));
      queries = 0;
      worker.wake();
      await worker.idle();
      expect(seen).toEqual([7]);
      expect(queries).toBe(2);
    } finally {
      await worker.stop();
    }
  });
});
