/**
 * The ledger's proof (`npm run ledger:check`): every transaction balances, and every satang a
 * buyer paid is, per group order, paid out to its group, held for it, kept by it (paid straight to
 * the group), refunded, or a fee — nothing more, nothing less. Checked per group order against its
 * own figures (total = items + shipping) and per payment against what the buyer paid.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";

export interface LedgerReport {
  ok: boolean;
  transactions: number;
  unbalanced: { key: string | null; kind: string; sum: number }[];
  groupOrders: number;
  /** Satang, summed over every group order with money recorded. */
  totals: { received: number; paidOut: number; held: number; keptByGroups: number; refunded: number; platformFees: number; providerFees: number };
  problems: string[];
}

/** What each GROUP_PAYABLE entry is, by the kind of its transaction. */
const bucketOf: Record<string, keyof LedgerReport["totals"] | undefined> = {
  sale: "received",
  payout: "paidOut",
  "payout.reversed": "paidOut",
  "kept.direct": "keptByGroups",
  refund: "refunded",
  "refund.kept": "refunded",
  "fee.platform": "platformFees",
  "refund.fee.platform": "platformFees",
  "fee.provider": "providerFees",
  "refund.fee.provider": "providerFees",
};

export async function checkLedger(client: Client = db()): Promise<LedgerReport> {
  const problems: string[] = [];
  const unbalanced = await client.$queryRaw<{ key: string | null; kind: string; sum: number }[]>`
    SELECT t.key, t.kind, SUM(e."amountSatang")::int AS sum FROM "LedgerTransaction" t JOIN "LedgerEntry" e ON e."transactionId" = t.id
    GROUP BY t.id HAVING SUM(e."amountSatang") <> 0 LIMIT 100`;
  for (const row of unbalanced) problems.push(`transaction ${row.key ?? "(no key)"} (${row.kind}) sums to ${row.sum}`);
  const transactions = await client.ledgerTransaction.count();

  const rows = await client.$queryRaw<{ groupOrderId: string; kind: string; amount: number }[]>`
    SELECT e."groupOrderId", t.kind, SUM(e."amountSatang")::int AS amount
    FROM "LedgerEntry" e JOIN "LedgerTransaction" t ON t.id = e."transactionId"
    WHERE e.account = 'GROUP_PAYABLE' AND e."groupOrderId" IS NOT NULL
    GROUP BY e."groupOrderId", t.kind`;
  const perGroupOrder = new Map<string, Record<string, number>>();
  for (const row of rows) perGroupOrder.set(row.groupOrderId, { ...perGroupOrder.get(row.groupOrderId), [row.kind]: row.amount });
  const figures = await client.groupOrder.findMany({
    where: { id: { in: [...perGroupOrder.keys()] } },
    select: { id: true, itemsSatang: true, shippingSatang: true, platformFeeSatang: true, providerFeeSatang: true, payout: { select: { status: true } } },
  });
  const totals: LedgerReport["totals"] = { received: 0, paidOut: 0, held: 0, keptByGroups: 0, refunded: 0, platformFees: 0, providerFees: 0 };
  for (const groupOrder of figures) {
    const kinds = perGroupOrder.get(groupOrder.id)!;
    const parts: LedgerReport["totals"] = { received: 0, paidOut: 0, held: 0, keptByGroups: 0, refunded: 0, platformFees: 0, providerFees: 0 };
    for (const [kind, amount] of Object.entries(kinds)) {
      const bucket = bucketOf[kind];
      if (!bucket) {
        problems.push(`group order ${groupOrder.id}: unknown money event "${kind}"`);
        continue;
      }
      // Credits to the group (a sale) are negative on GROUP_PAYABLE; everything that settles it is positive.
      parts[bucket] += bucket === "received" ? -amount : amount;
    }
    const settled = parts.paidOut + parts.keptByGroups + parts.refunded + parts.platformFees + parts.providerFees;
    parts.held = parts.received - settled;
    const total = groupOrder.itemsSatang + groupOrder.shippingSatang;
    if (parts.received !== 0 && parts.received !== total) problems.push(`group order ${groupOrder.id}: received ${parts.received} satang, but its total is ${total}`);
    if (parts.held < 0) problems.push(`group order ${groupOrder.id}: ${-parts.held} satang more went out than came in`);
    if (parts.platformFees !== 0 && parts.platformFees !== groupOrder.platformFeeSatang && parts.refunded < total) {
      problems.push(`group order ${groupOrder.id}: platform fee in the ledger ${parts.platformFees}, on the order ${groupOrder.platformFeeSatang}`);
    }
    if (parts.held > 0 && groupOrder.payout?.status === "PAID") problems.push(`group order ${groupOrder.id}: paid out, yet ${parts.held} satang still held`);
    for (const key of Object.keys(totals) as (keyof LedgerReport["totals"])[]) totals[key] += parts[key];
  }

  // Every payment that succeeded is in the ledger, for exactly what the buyer paid.
  const payments = await client.$queryRaw<{ id: string; amountSatang: number; recorded: number | null }[]>`
    SELECT p.id, p."amountSatang", (SELECT -SUM(e."amountSatang")::int FROM "LedgerTransaction" t JOIN "LedgerEntry" e ON e."transactionId" = t.id
      WHERE t."paymentId" = p.id AND t.kind = 'sale' AND e.account = 'GROUP_PAYABLE') AS recorded
    FROM "Payment" p WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')`;
  for (const payment of payments) {
    if ((payment.recorded ?? 0) !== payment.amountSatang) problems.push(`payment ${payment.id}: paid ${payment.amountSatang} satang, ledger records ${payment.recorded ?? 0}`);
  }
  return { ok: problems.length === 0, transactions, unbalanced, groupOrders: figures.length, totals, problems };
}
