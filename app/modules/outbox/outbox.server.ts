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

/** Enough slugs per message to keep one engine call reasonable for a large group. */
const SLUGS_PER_MESSAGE = 500;

/**
 * Asks for every product of a group to be refreshed, e.g. after its name, province or
 * verification changed. Archived products are included so the index drops them too.
 */
export async function enqueueGroupSearchSync(tx: Tx, groupId: string) {
  const products = await tx.product.findMany({ where: { groupId }, select: { slug: true }, orderBy: { id: "asc" } });
  const slugs = products.map((product) => product.slug);
  for (let start = 0; start < slugs.length; start += SLUGS_PER_MESSAGE) {
    await enqueueSearchSync(tx, slugs.slice(start, start + SLUGS_PER_MESSAGE));
  }
}
