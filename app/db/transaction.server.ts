/**
 * Transactions that compose. Every module function that writes takes a `Client`: the shared
 * client, or a transaction a caller already opened. `inTransaction` opens one only when it was
 * not given one, so a caller can run several module functions in one transaction ("place an
 * order" reserves stock, writes the order and enqueues its messages atomically) while each of
 * them, called alone, is still atomic by itself.
 *
 *   await inTransaction(db(), async (tx) => {
 *     await reserveStock(tx, lines);
 *     await recordAudit(tx, { ... });
 *     await enqueue(tx, "EMAIL", message);
 *   });
 */
import { db, type Db, type Tx } from "./client.server";

/** Anything a module function can run its queries on. */
export type Client = Db | Tx;

export type TransactionOptions = { timeout?: number; maxWait?: number; isolationLevel?: "ReadCommitted" | "RepeatableRead" | "Serializable" };

function isTransaction(client: Client): client is Tx {
  // An interactive transaction's client has no $transaction of its own.
  return typeof (client as { $transaction?: unknown }).$transaction !== "function";
}

/**
 * Runs `work` in `client` when it is already a transaction, otherwise in a new transaction on
 * it (or on the shared client when none is given). Options apply only to a new transaction.
 */
export function inTransaction<T>(client: Client | undefined, work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  const target = client ?? db();
  if (isTransaction(target)) return work(target);
  return (target as Db).$transaction(work, options);
}
