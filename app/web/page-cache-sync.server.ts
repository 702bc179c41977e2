/**
 * Keeping every app instance's page cache honest. A change buyers can see writes a PAGE_CACHE
 * outbox message in its transaction (catalog/changes.server.ts); whichever instance's worker
 * claims it broadcasts a NOTIFY, and every instance, this one included, empties its cache when
 * it hears it. An instance whose listening connection dropped empties its cache on reconnecting,
 * since it may have missed a broadcast meanwhile.
 */
import { z } from "zod";
import type { Subscription } from "~/db/notifications.server";
import { defineHandler } from "~/modules/outbox/worker.server";
import { forgetReferenceData } from "~/lib/reference-data.server";
import type { PageCache } from "./page-cache.server";

export const PAGE_CACHE_CHANNEL = "sammachip_page_cache";

export const pageCacheHandler = defineHandler({
  topic: "PAGE_CACHE",
  payload: z.object({ reason: z.string().max(100) }).passthrough(),
  // One broadcast clears everything, however many changes asked for it.
  batch: 500,
  async deliver(_messages, { db }) {
    await db.$executeRaw`SELECT pg_notify(${PAGE_CACHE_CHANNEL}, '')`;
  },
});

/** Empties `cache` whenever any instance broadcasts, and after a reconnect (a broadcast may have been missed). */
export function pageCacheSubscription(cache: PageCache): Subscription {
  return { channel: PAGE_CACHE_CHANNEL, onNotify: () => cache.clear(), onReconnect: () => cache.clear() };
}

/** Forgets the reference data kept in memory (app/lib/reference-data.server.ts) on the same broadcast. */
export function referenceDataSubscription(): Subscription {
  return { channel: PAGE_CACHE_CHANNEL, onNotify: forgetReferenceData, onReconnect: forgetReferenceData };
}
