/**
 * Keeping the index in step with the database. A product, stock or group change writes a
 * SEARCH_SYNC outbox message naming product slugs in the same transaction; the app's outbox
 * worker hands the due messages here. This re-reads those products and re-indexes the ones
 * still for sale and removes the rest, so the index converges on the database whatever order
 * messages arrive in and however often one is delivered.
 */
import { z } from "zod";
import { type SearchDb, searchDocumentsBySlugs } from "./from-database.ts";
import type { SearchEngine } from "./port.ts";

export const syncPayloadSchema = z.object({ productSlugs: z.array(z.string().min(1).max(200)).max(10_000) });
export type SyncPayload = z.infer<typeof syncPayloadSchema>;

/**
 * Applies a batch of sync messages with one engine call each for indexing and removal. The batch
 * succeeds or fails together: one engine call carries them all, so a failure says nothing about
 * which message caused it, and re-applying a message is harmless.
 */
export async function applySearchSync(db: SearchDb, engine: SearchEngine, payloads: readonly SyncPayload[]): Promise<{ indexed: number; removed: number }> {
  const { documents, gone } = await searchDocumentsBySlugs(
    db,
    payloads.flatMap((payload) => payload.productSlugs),
  );
  await engine.index(documents);
  await engine.remove(gone);
  return { indexed: documents.length, removed: gone.length };
}
