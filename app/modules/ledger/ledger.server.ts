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
      await post(tx, {
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
  for (const [index, groupOrder] of input.groupOrders.entries()) {
    if (fees[index] > 0) await tx.groupOrder.update({ where: { id: groupOrder.groupOrderId }, data: { providerFeeSatang: { increment: fees[index] } } });
  }
}

/**
 * Money sent back to a buyer for a group order: through the provider (out of clearing) or by the
 * group by hand (out of its own cash). The group gives up that much of what it earned.
 */
export async function recordRefund(
  tx: Tx,
  input: { refundId: string; orderId: string; groupId: string; groupOrderId: string; amountSatang: number; from: "platform" | "group" },
): Promise<void> {
  const scope = { groupId: input.groupId, groupOrderId: input.groupOrderId };
  await post(tx, {
    kind: "refund",
    key: `refund:${input.refundId}`,
    orderId: input.orderId,
    groupOrderId: input.groupOrderId,
    refundId: input.refundId,
    entries: [
      { account: "GROUP_PAYABLE", amountSatang: input.amountSatang, ...scope },
      { account: input.from === "platform" ? "PROVIDER_CLEARING" : "GROUP_CASH", amountSatang: -input.amountSatang, ...scope },
    ],
  });
}

/** A payout left the platform's provider account for a group: what it settles, per group order, and the transfer's fee. */
export async function recordPayout(
  tx: Tx,
  input: { payoutId: string; groupId: string; parts: { groupOrderId: string; amountSatang: number }[]; transferFeeSatang: number },
): Promise<void> {
  const entries: LedgerLine[] = [];
  for (const part of input.parts) {
    const scope = { groupId: input.groupId, groupOrderId: part.groupOrderId };
    entries.push({ account: "GROUP_PAYABLE", amountSatang: part.amountSatang, ...scope }, { account: "PROVIDER_CLEARING", amountSatang: -part.amountSatang, ...scope });
  }
  // The platform pays the transfer fee, so a group receives every satang it is owed.
  if (input.transferFeeSatang > 0) entries.push({ account: "PAYMENT_FEES", amountSatang: input.transferFeeSatang, groupId: input.groupId }, { account: "PROVIDER_CLEARING", amountSatang: -input.transferFeeSatang, groupId: input.groupId });
  await post(tx, { kind: "payout", key: `payout:${input.payoutId}`, payoutId: input.payoutId, entries });
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
