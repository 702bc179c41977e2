/**
 * Two app instances on one database: each keeps its own page cache and runs its own outbox
 * worker and notification listener, exactly as two `npm start` processes would. A stock change
 * made through one must empty the cached pages of both, so no instance keeps serving the old
 * stock to signed-out buyers until its cache expires.
 */
import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, databaseUrl } from "~/db/client.server";
import { listen, type Listener } from "~/db/notifications.server";
import { setStock } from "~/modules/catalog/stock.server";
import { OUTBOX_CHANNEL } from "~/modules/outbox/outbox.server";
import { startOutboxWorker, type OutboxWorker } from "~/modules/outbox/worker.server";
import { cachedPages } from "~/web/cached-pages.server";
import { PageCache } from "~/web/page-cache.server";
import { pageCacheHandler, pageCacheSubscription, referenceDataSubscription } from "~/web/page-cache-sync.server";
import { keepReferenceData } from "~/lib/reference-data.server";
import { categories } from "~/modules/catalog/browse.server";
import { demoAccounts } from "../prisma/seed/demo";
import { userByEmail } from "./helpers";

const slug = "ban-thon-krajood-krajood-mat";

interface Instance {
  url: string;
  close(): Promise<void>;
}

/** One app instance: the real cache middleware and sync wiring, with a page that shows the stock. */
async function startInstance(): Promise<Instance> {
  const cache = new PageCache({ ttlMs: 600_000, maxEntries: 100, maxBytes: 1_000_000 });
  const worker: OutboxWorker = startOutboxWorker(db, [pageCacheHandler], { intervalMs: 200 });
  const listener: Listener = listen(databaseUrl(), [{ channel: OUTBOX_CHANNEL, onNotify: worker.wake }, pageCacheSubscription(cache), referenceDataSubscription()]);
  await listener.ready;
  const app = express();
  app.get(
    "*",
    cachedPages(cache, async () => {
      const product = await db().product.findUniqueOrThrow({ where: { slug }, select: { stock: true } });
      return new Response(`<p>stock ${product.stock}</p>`, { headers: { "Content-Type": "text/html" } });
    }),
  );
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/products/${slug}`,
    async close() {
      server.close();
      await worker.stop();
      await listener.close();
    },
  };
}

async function page(url: string) {
  const response = await fetch(url);
  return { cache: response.headers.get("x-page-cache"), body: await response.text() };
}

let instances: Instance[] = [];
beforeAll(async () => {
  instances = [await startInstance(), await startInstance()];
});
afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
});

describe("two app instances on one database", () => {
  it("both drop a cached page when a stock change commits through either", async () => {
    const product = await db().product.findUniqueOrThrow({ where: { slug } });
    const owner = await userByEmail(demoAccounts.ownerOf("ban-thon-krajood").email);
    for (const instance of instances) {
      expect(await page(instance.url)).toEqual({ cache: "miss", body: `<p>stock ${product.stock}</p>` });
      expect(await page(instance.url)).toEqual({ cache: "hit", body: `<p>stock ${product.stock}</p>` });
    }

    await setStock({ groupId: product.groupId, productId: product.id, stock: product.stock + 7, actorId: owner.id });

    for (const instance of instances) {
      await expect.poll(async () => (await page(instance.url)).body, { timeout: 10_000 }).toBe(`<p>stock ${product.stock + 7}</p>`);
    }
    expect(await db().outboxMessage.count({ where: { topic: "PAGE_CACHE", processedAt: null } })).toBe(0);
  });

  it("forget the categories they keep in memory on the same broadcast", async () => {
    // Broadcasts of earlier changes may still be on their way; let them land first.
    await expect.poll(() => db().outboxMessage.count({ where: { topic: "PAGE_CACHE", processedAt: null } }), { timeout: 10_000 }).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    keepReferenceData();
    const before = await categories();
    // Written behind the store's back: a kept list does not see it...
    await db().category.create({ data: { slug: "kept-test", nameTh: "ทดสอบ", nameEn: "Kept test", position: 999 } });
    expect(await categories()).toBe(before);
    // ...until a change buyers can see is broadcast.
    const product = await db().product.findUniqueOrThrow({ where: { slug } });
    const owner = await userByEmail(demoAccounts.ownerOf("ban-thon-krajood").email);
    await setStock({ groupId: product.groupId, productId: product.id, stock: product.stock + 1, actorId: owner.id });
    await expect.poll(async () => (await categories()).map((category) => category.slug), { timeout: 10_000 }).toContain("kept-test");
  });
});
