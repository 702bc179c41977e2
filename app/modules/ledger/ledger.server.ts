/**
 * The double-entry ledger: every movement of money (a sale, the platform's fee, a provider's fee,
 * a payout, a refund, a group keeping what a buyer paid it directly) is one LedgerTransaction
 * whose entries sum to zero, written in the same database transaction as the change that causes
 * it. Owns LedgerTransaction and LedgerEntry. Each transaction carries a key, so the same money
 * event (a webhook delivered ten times, a retried job) is recorded once. Amounts are integer
 * satang; entries are signed (+ debit, − credit). See docs/decisions/0003-money-model.md.
 */
import type { Tx } from "~/db/client.server";
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import type { LedgerAccount } from "~/generated/prisma/enums";
import { splitProportionally } from "./split";

export interface LedgerLine {
  account: LedgerAccount;
  amountSatang: number;
  groupId?: string | null;
  groupOrderId?: string | null;
}

export class UnbalancedLedgerError extends Error {
  readonly name = "UnbalancedLedgerError";
}

/**
 * Writes one balanced transaction. Returns false, writing nothing, when a transaction with the
 * same key exists (the event was recorded before). Throws UnbalancedLedgerError for entries that
 * do not sum to zero or are not whole satang: a bug, never to be stored.
 */
export async function post(
  tx: Tx,
  transaction: { kind: string; key: string; orderId?: string; groupOrderId?: string; paymentId?: string; refundId?: string; payoutId?: string; memo?: string; entries: LedgerLine[] },
): Promise<boolean> {
  const entries = transaction.entries.filter((entry) => entry.amountSatang !== 0);
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.amountSatang)) throw new UnbalancedLedgerError(`${transaction.kind}: ${entry.amountSatang} is not whole satang`);
  }
  const sum = entries.reduce((total, entry) => total + entry.amountSatang, 0);
  if (sum !== 0) throw new UnbalancedLedgerError(`${transaction.kind} ${transaction.key}: entries sum to ${sum}, not 0`);
  const existing = await tx.ledgerTransaction.findUnique({ where: { key: transaction.key }, select: { id: true } });
  if (existing) return false;
  const { entries: _entries, ...fields } = transaction;
  await tx.ledgerTransaction.create({
    data: {
      ...fields,
      entries: { create: entries.map((entry) => ({ account: entry.account, amountSatang: entry.amountSatang, groupId: entry.groupId ?? null, groupOrderId: entry.groupOrderId ?? null })) },
    },
  });
  return true;
}

export interface GroupOrderMoney {
  groupOrderId: string;
  groupId: string;
  /** Items plus shipping: what the buyer pays for this group's part. */
  totalSatang: number;
  platformFeeSatang: number;
}

/** How a provider's fee on one payment is shared among the group orders it paid for. */
export function providerFeeShares(feeSatang: number, groupOrders: readonly GroupOrderMoney[]): number[] {
  return splitProportionally(
    feeSatang,
    groupOrders.map((groupOrder) => groupOrder.totalSatang),
  );
}

/**
 * A payment succeeded. `collectedBy: "platform"` (Omise, Stripe): the money sits in the
 * provider's clearing account, each group is owed its total, then the platform's fee and its
 * share of the provider's fee come off what it is owed. `collectedBy: "group"` (PromptPay
 * straight to the group, cash on pickup): the group holds the money itself; it keeps its share
 * at once, and what is left in its hands is the platform's fee, which it owes.
 */
export async function recordPaymentReceived(
  tx: Tx,
  input: { paymentId: string; orderId: string; collectedBy: "platform" | "group"; providerFeeSatang: number; groupOrders: GroupOrderMoney[] },
): Promise<void> {
  const fees = providerFeeShares(input.providerFeeSatang, input.groupOrders);
  for (const [index, groupOrder] of input.groupOrders.entries()) {
    const scope = { groupId: groupOrder.groupId, groupOrderId: groupOrder.groupOrderId };
    const held: LedgerAccount = input.collectedBy === "platform" ? "PROVIDER_CLEARING" : "GROUP_CASH";
    await post(tx, {
      kind: "sale",
      key: `sale:${input.paymentId}:${groupOrder.groupOrderId}`,
      orderId: input.orderId,
      groupOrderId: groupOrder.groupOrderId,
      paymentId: input.paymentId,
      entries: [
        { account: held, amountSatang: groupOrder.totalSatang, ...scope },
        { account: "GROUP_PAYABLE", amountSatang: -groupOrder.totalSatang, ...scope },
      ],
    });
    await post(tx, {
      kind: "fee.platform",
      key: `fee.platform:${input.paymentId}:${groupOrder.groupOrderId}`,
      orderId: input.orderId,
      groupOrderId: groupOrder.groupOrderId,
      paymentId: input.paymentId,
      entries: [
        { account: "GROUP_PAYABLE", amountSatang: groupOrder.platformFeeSatang, ...scope },
        { account: "PLATFORM_REVENUE", amountSatang: -groupOrder.platformFeeSatang, ...scope },
      ],
    });
    if (fees[index] > 0) {
      const posted = await post(tx, {
        kind: "fee.provider",
        key: `fee.provider:${input.paymentId}:${groupOrder.groupOrderId}`,
        orderId: input.orderId,
        groupOrderId: groupOrder.groupOrderId,
        paymentId: input.paymentId,
        entries: [
          { account: "GROUP_PAYABLE", amountSatang: fees[index], ...scope },
          { account: "PROVIDER_CLEARING", amountSatang: -fees[index], ...scope },
        ],
      });
      // Only with the entry: a replayed event must not count the fee twice.
      if (posted) await tx.groupOrder.update({ where: { id: groupOrder.groupOrderId }, data: { providerFeeSatang: { increment: fees[index] } } });
    }
    if (input.collectedBy === "group") {
      const share = groupOrder.totalSatang - groupOrder.platformFeeSatang;
      await post(tx, {
        kind: "kept.direct",
        key: `kept.direct:${input.paymentId}:${groupOrder.groupOrderId}`,
        orderId: input.orderId,
        groupOrderId: groupOrder.groupOrderId,
        paymentId: input.paymentId,
        entries: [
          { account: "GROUP_PAYABLE", amountSatang: share, ...scope },
          { account: "GROUP_CASH", amountSatang: -share, ...scope },
        ],
      });
    }
  }
}

/**
 * Money sent back to a buyer for a group order: through the provider (out of clearing) or by the
 * group by hand (out of the money it holds). A partial refund comes off what the group earned.
 * The refund that completes a group order's refunds also undoes its fees, so a fully refunded
 * group order ends at zero everywhere: the platform gives its fee back, and pays the provider's
 * fee itself (providers keep their fee on a refunded charge). For money the group holds, the
 * part of the refund that was the group's own share is taken back out of its kept money.
 */
export async function recordRefund(
  tx: Tx,
  input: { refundId: string; orderId: string; groupId: string; groupOrderId: string; amountSatang: number; from: "platform" | "group"; completes: boolean },
): Promise<void> {
  const scope = { groupId: input.groupId, groupOrderId: input.groupOrderId };
  const base = { orderId: input.orderId, groupOrderId: input.groupOrderId, refundId: input.refundId };
  const posted = await post(tx, {
    kind: "refund",
    key: `refund:${input.refundId}`,
    ...base,
    entries: [
      { account: "GROUP_PAYABLE", amountSatang: input.amountSatang, ...scope },
      { account: input.from === "platform" ? "PROVIDER_CLEARING" : "GROUP_CASH", amountSatang: -input.amountSatang, ...scope },
    ],
  });
  if (!posted) return;
  const fees = input.completes ? await feesOf(tx, input.groupOrderId) : { platform: 0, provider: 0 };
  if (fees.platform !== 0) {
    await post(tx, {
      kind: "refund.fee.platform",
      key: `refund.fee.platform:${input.refundId}`,
      ...base,
      entries: [
        { account: "GROUP_PAYABLE", amountSatang: -fees.platform, ...scope },
        { account: "PLATFORM_REVENUE", amountSatang: fees.platform, ...scope },
      ],
    });
  }
  if (fees.provider !== 0) {
    await post(tx, {
      kind: "refund.fee.provider",
      key: `refund.fee.provider:${input.refundId}`,
      ...base,
      entries: [
        { account: "GROUP_PAYABLE", amountSatang: -fees.provider, ...scope },
        { account: "PAYMENT_FEES", amountSatang: fees.provider, ...scope },
      ],
    });
  }
  if (input.from === "group") {
    // The group sent its own kept money back: what it kept shrinks by the refund, less the
    // platform's fee it was holding when that fee is given back.
    const kept = input.amountSatang - fees.platform;
    await post(tx, {
      kind: "refund.kept",
      key: `refund.kept:${input.refundId}`,
      ...base,
      entries: [
        { account: "GROUP_PAYABLE", amountSatang: -kept, ...scope },
        { account: "GROUP_CASH", amountSatang: kept, ...scope },
      ],
    });
  }
}

/** A group order's fees as the ledger holds them now (net of any given back). */
async function feesOf(tx: Tx, groupOrderId: string): Promise<{ platform: number; provider: number }> {
  const platform = await tx.ledgerEntry.aggregate({ where: { groupOrderId, account: "PLATFORM_REVENUE" }, _sum: { amountSatang: true } });
  const provider = await tx.ledgerEntry.aggregate({
    where: { groupOrderId, account: "GROUP_PAYABLE", transaction: { kind: { in: ["fee.provider", "refund.fee.provider"] } } },
    _sum: { amountSatang: true },
  });
  return { platform: -(platform._sum.amountSatang ?? 0), provider: provider._sum.amountSatang ?? 0 };
}

/**
 * The key of one attempt at sending a payout: the first keeps the plain key; a payout sent again
 * after its transfer failed (and was reversed) is a new money event with its own key.
 */
const payoutKey = (payoutId: string, attempt: number) => (attempt <= 1 ? `payout:${payoutId}` : `payout:${payoutId}:${attempt}`);

/** A payout left the platform's provider account for a group: what it settles, per group order, and the transfer's fee. */
export async function recordPayout(
  tx: Tx,
  input: { payoutId: string; attempt?: number; groupId: string; parts: { groupOrderId: string; amountSatang: number }[]; transferFeeSatang: number },
): Promise<void> {
  const entries: LedgerLine[] = [];
  for (const part of input.parts) {
    const scope = { groupId: input.groupId, groupOrderId: part.groupOrderId };
    entries.push({ account: "GROUP_PAYABLE", amountSatang: part.amountSatang, ...scope }, { account: "PROVIDER_CLEARING", amountSatang: -part.amountSatang, ...scope });
  }
  // The platform pays the transfer fee, so a group receives every satang it is owed.
  if (input.transferFeeSatang > 0) entries.push({ account: "PAYMENT_FEES", amountSatang: input.transferFeeSatang, groupId: input.groupId }, { account: "PROVIDER_CLEARING", amountSatang: -input.transferFeeSatang, groupId: input.groupId });
  await post(tx, { kind: "payout", key: payoutKey(input.payoutId, input.attempt ?? 1), payoutId: input.payoutId, entries });
}

/** A payout recorded as sent (at its `attempt`) did not reach the group (the transfer failed): its entries are undone, once. */
export async function recordPayoutReversed(tx: Tx, payoutId: string, attempt = 1): Promise<boolean> {
  const key = payoutKey(payoutId, attempt);
  const sent = await tx.ledgerTransaction.findUnique({ where: { key }, select: { entries: { select: { account: true, amountSatang: true, groupId: true, groupOrderId: true } } } });
  if (!sent) return false;
  return post(tx, {
    kind: "payout.reversed",
    key: `payout.reversed:${key.slice("payout:".length)}`,
    payoutId,
    entries: sent.entries.map((entry) => ({ ...entry, amountSatang: -entry.amountSatang })),
  });
}

/** What the ledger says of one group order: still owed to the group, held by it, and what went where. */
export async function groupOrderLedger(groupOrderId: string, client: Client = db()) {
  const rows = await client.ledgerEntry.groupBy({ by: ["account"], where: { groupOrderId }, _sum: { amountSatang: true } });
  const balance = (account: LedgerAccount) => rows.find((row) => row.account === account)?._sum.amountSatang ?? 0;
  return {
    /** Earned and not yet received by the group (positive). */
    owedToGroup: -balance("GROUP_PAYABLE"),
    /** In the group's own hands and owed to the platform (its fee on a direct sale). */
    owedByGroup: balance("GROUP_CASH"),
    atProvider: balance("PROVIDER_CLEARING"),
    platformFee: -balance("PLATFORM_REVENUE"),
  };
}
