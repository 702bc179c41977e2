/**
 * The outbox: work that leaves the database (search index updates, email,
 * LINE messages) is written as a row in the same transaction as the change
 * that causes it, then delivered by a worker with retries. A crash between
 * the change and the delivery therefore loses nothing.
 */
import type { Tx } from "~/db/client.server";

/** Asks for the search index to refresh these products (by slug). */
export async function enqueueSearchSync(tx: Tx, productSlugs: string[]) {
  if (productSlugs.length === 0) return;
  await tx.outboxMessage.create({ data: { topic: "SEARCH_SYNC", payload: { productSlugs } } });
}
