/**
 * What must follow a change buyers can see (stock, price, photos, status, a group's name or
 * verification): the search index re-reads the products and every app instance drops its cached
 * pages. Both go through the outbox in the caller's transaction, so they happen if and only if
 * the change commits. One home for "a product changed", so no writer forgets half of it.
 */
import type { Client } from "~/db/transaction.server";
import { enqueue, enqueueAll } from "~/modules/outbox/outbox.server";

/** Enough slugs per message to keep one engine call reasonable for a large group. */
const SLUGS_PER_MESSAGE = 500;

export async function productsChanged(client: Client, productSlugs: readonly string[]): Promise<void> {
  if (productSlugs.length === 0) return;
  const messages: { topic: "SEARCH_SYNC" | "PAGE_CACHE"; payload: { productSlugs: string[] } | { reason: string } }[] = [];
  for (let start = 0; start < productSlugs.length; start += SLUGS_PER_MESSAGE) {
    messages.push({ topic: "SEARCH_SYNC", payload: { productSlugs: productSlugs.slice(start, start + SLUGS_PER_MESSAGE) } });
  }
  messages.push({ topic: "PAGE_CACHE", payload: { reason: "products" } });
  await enqueueAll(client, messages);
}

/**
 * Every product of a group changed as buyers see it (its name, province or verification did).
 * Archived products are included so the index drops them too.
 */
export async function groupProductsChanged(client: Client, groupId: string): Promise<void> {
  const products = await client.product.findMany({ where: { groupId }, select: { slug: true }, orderBy: { id: "asc" } });
  await productsChanged(
    client,
    products.map((product) => product.slug),
  );
  // A group with no products still changed its own page.
  if (products.length === 0) await enqueue(client, "PAGE_CACHE", { reason: "group" });
}
