/**
 * Paying groups what the platform collected for them (Omise, Stripe). Owns Payout. A payout is
 * computed from the ledger, never typed in: a group order's money is owed to its group while its
 * GROUP_PAYABLE balance is negative, and it may go once the buyer confirmed receipt, or the group
 * order was delivered PAYOUT_HOLD_DAYS ago (the time a buyer has to report a problem). Each group's
 * releasable group orders become one Payout row, claimed in one transaction (so two instances
 * never pay the same group order twice); the transfer goes out through the group's payout rail in
 * a workflow step whose compensation takes it back if recording it fails; the ledger records it
 * (with the transfer's fee, paid by the platform) in the same transaction as the Payout's status.
 * A rail worked by hand (the platform's bank, for Stripe without Connect) leaves the payout
 * PENDING until staff record the transfer they made. A transfer still on its way (PROCESSING) is
 * checked with its provider by the money schedule (schedule.server.ts) until it arrives or fails;
 * a failed payout waits for staff to retry.
 * Money paid straight to a group (PromptPay, cash) is never paid out: the group already holds it.
 */
import type { Tx } from "~/db/client.server";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { config } from "~/config.server";
import { now as clockNow } from "~/lib/clock.server";
import { runWorkflow, step } from "~/lib/workflow.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { recordPayout, recordPayoutReversed } from "~/modules/ledger/ledger.server";
import type { PaymentProvider } from "~/generated/prisma/enums";
import { MAX_RETRY_DELAY_MS, retryDelayMs } from "./backoff";
import type { PayoutGroup } from "./port";
import { payoutRailFor } from "./providers.server";
import { transferGroupOf } from "./providers/stripe.server";

export class PayoutStateError extends Error {
  readonly name = "PayoutStateError";
}

const DAY = 24 * 3600_000;

/**
 * When a group order's money may be paid out: when the buyer confirmed receipt, or its delivery
 * plus the hold; null while neither happened.
 */
export function releaseDate(groupOrder: { status: string; deliveredAt: Date | null; receivedAt: Date | null }, holdDays = config().PAYOUT_HOLD_DAYS): Date | null {
  if (groupOrder.status === "CANCELLED") return null;
  if (groupOrder.receivedAt) return groupOrder.receivedAt;
  if (groupOrder.deliveredAt) return new Date(groupOrder.deliveredAt.getTime() + holdDays * DAY);
  return null;
}

const payoutGroupSelect = {
  id: true,
  nameTh: true,
  promptPayId: true,
  payoutBankCode: true,
  payoutAccountNo: true,
  payoutAccountName: true,
  payoutVerifiedAt: true,
  omiseRecipientId: true,
  stripeAccountId: true,
} as const;

/** Each group order with money the platform owes its group and may pay now, with the provider that collected it. */
async function releasable(client: Client, at: Date) {
  const holdStart = new Date(at.getTime() - config().PAYOUT_HOLD_DAYS * DAY);
  return client.$queryRaw<{ groupOrderId: string; groupId: string; owed: number; provider: PaymentProvider; chargeRef: string | null }[]>`
    SELECT g.id AS "groupOrderId", g."groupId", (-SUM(e."amountSatang"))::int AS owed, p.provider, p."providerRef" AS "chargeRef"
    FROM "GroupOrder" g
    JOIN "LedgerEntry" e ON e."groupOrderId" = g.id AND e.account = 'GROUP_PAYABLE'
    JOIN LATERAL (
      SELECT provider, "providerRef" FROM "Payment" WHERE "orderId" = g."orderId" AND "groupOrderId" IS NULL AND status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED')
      ORDER BY "succeededAt" DESC NULLS LAST LIMIT 1
    ) p ON true
    WHERE g."payoutId" IS NULL
      AND g.status <> 'CANCELLED'
      AND (g."receivedAt" IS NOT NULL AND g."receivedAt" <= ${at} OR g.status = 'DELIVERED' AND g."deliveredAt" <= ${holdStart})
      AND NOT EXISTS (SELECT 1 FROM "Refund" r WHERE r."groupOrderId" = g.id AND r.status = 'PENDING')
    GROUP BY g.id, g."groupId", p.provider, p."providerRef"
    HAVING SUM(e."amountSatang") < 0
    ORDER BY g."groupId", g.id`;
}

export interface PayoutRun {
  created: number;
  paid: number;
  waitingForStaff: number;
  failed: number;
  /** Groups with money due that cannot be paid yet, and why (not verified, Omise recipient not active …). */
  blocked: { groupId: string; reason: string }[];
}

/**
 * Pays every group what is releasable at `at` (the store's clock by default). Safe to run from
 * every instance at once: group orders are claimed under row locks, and a claimed one is skipped.
 */
export async function runPayouts(at: Date = clockNow()): Promise<PayoutRun> {
  const report: PayoutRun = { created: 0, paid: 0, waitingForStaff: 0, failed: 0, blocked: [] };
  const due = await releasable(db(), at);
  const byGroupAndProvider = new Map<string, typeof due>();
  for (const row of due) {
    // Stripe Connect transfers each spend one charge (source_transaction): one payout per charge.
    const key = `${row.groupId}|${row.provider}|${row.provider === "STRIPE" && config().STRIPE_CONNECT ? row.chargeRef : ""}`;
    byGroupAndProvider.set(key, [...(byGroupAndProvider.get(key) ?? []), row]);
  }
  for (const rows of byGroupAndProvider.values()) {
    const group = await db().occupationGroup.findUniqueOrThrow({ where: { id: rows[0].groupId }, select: payoutGroupSelect });
    const rail = payoutRailFor(rows[0].provider, group);
    const reason = await rail.notReady(group);
    const total = rows.reduce((sum, row) => sum + row.owed, 0);
    if (reason || total < rail.minimumSatang) {
      report.blocked.push({ groupId: group.id, reason: reason ?? "belowMinimum" });
      continue;
    }
    const payout = await claim(group.id, rows, rail.method, at);
    if (!payout) continue;
    report.created++;
    if (!rail.automatic) {
      report.waitingForStaff++;
      continue;
    }
    if ((await send(payout.id, group)) === "FAILED") report.failed++;
    else report.paid++;
  }
  return report;
}

/** Makes the Payout for these group orders, if none of them was claimed meanwhile. */
async function claim(groupId: string, rows: { groupOrderId: string; owed: number; chargeRef: string | null }[], method: Awaited<ReturnType<typeof payoutRailFor>>["method"], at: Date) {
  return inTransaction(db(), async (tx) => {
    const ids = rows.map((row) => row.groupOrderId);
    const free = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "GroupOrder" WHERE id = ANY(${ids}::text[]) AND "payoutId" IS NULL ORDER BY id FOR UPDATE`;
    if (free.length !== ids.length) return null;
    // Owed amounts again, under the locks: a refund recorded since the first look changes them.
    const owed = await tx.ledgerEntry.groupBy({ by: ["groupOrderId"], where: { groupOrderId: { in: ids }, account: "GROUP_PAYABLE" }, _sum: { amountSatang: true } });
    const amount = owed.reduce((sum, row) => sum - (row._sum.amountSatang ?? 0), 0);
    if (amount <= 0) return null;
    const payout = await tx.payout.create({
      data: { groupId, amountSatang: amount, method, idempotencyKey: `payout:${groupId}:${at.getTime()}:${ids[0]}`, groupOrders: { connect: ids.map((id) => ({ id })) } },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: null, groupId, action: "payout.create", subjectType: "Payout", subjectId: payout.id, after: { amountSatang: amount, groupOrders: ids, method } });
    return payout;
  });
}

/** The parts of a payout: what it settles per group order, from the ledger. */
async function partsOf(tx: Tx, payoutId: string) {
  const groupOrders = await tx.groupOrder.findMany({ where: { payoutId }, select: { id: true } });
  const owed = await tx.ledgerEntry.groupBy({ by: ["groupOrderId"], where: { groupOrderId: { in: groupOrders.map((g) => g.id) }, account: "GROUP_PAYABLE" }, _sum: { amountSatang: true } });
  return owed.map((row) => ({ groupOrderId: row.groupOrderId!, amountSatang: -(row._sum.amountSatang ?? 0) })).filter((part) => part.amountSatang > 0);
}

/** The payment (provider and charge) whose money a payout pays out. */
async function sourceOf(client: Client, payoutId: string) {
  return (await client.payment.findFirst({ where: { order: { groupOrders: { some: { payoutId } } }, groupOrderId: null, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] } }, select: { provider: true, providerRef: true, orderId: true } }))!;
}

/** Sends one claimed payout through its rail and records the outcome. */
async function send(payoutId: string, group: PayoutGroup): Promise<"PAID" | "PROCESSING" | "FAILED"> {
  const payout = await db().payout.findUniqueOrThrow({ where: { id: payoutId }, include: { groupOrders: { select: { id: true }, take: 1 } } });
  const provider = await sourceOf(db(), payoutId);
  const rail = payoutRailFor(provider.provider, group);
  const attempt = payout.attempts + 1;
  try {
    return await runWorkflow<"PAID" | "PROCESSING">(`payout ${payoutId}`, [
      step(
        "send the transfer",
        () => rail.send({ id: payout.id, idempotencyKey: `${payout.idempotencyKey}:${attempt}`, amountSatang: payout.amountSatang, transferGroup: transferGroupOf(provider.orderId), sourceCharge: provider.providerRef }, group),
        async (sent) => {
          if (sent.reference && rail.undo) await rail.undo(sent.reference, { idempotencyKey: payout.idempotencyKey });
        },
      ),
      step("record the payout", (sent) =>
        inTransaction(db(), async (tx) => {
          const status = sent.paid ? "PAID" : "PROCESSING";
          await tx.payout.update({
            where: { id: payoutId },
            data: { status, reference: sent.reference, feeSatang: sent.feeSatang, attempts: attempt, failureReason: null, nextCheckAt: null, paidAt: sent.paid ? new Date() : null },
          });
          await recordPayout(tx, { payoutId, attempt, groupId: payout.groupId, parts: await partsOf(tx, payoutId), transferFeeSatang: sent.feeSatang });
          return status;
        }),
      ),
    ]);
  } catch (error) {
    await db().payout.update({ where: { id: payoutId }, data: { status: "FAILED", attempts: { increment: 1 }, failureReason: (error instanceof Error ? error.message : String(error)).slice(0, 300) } });
    console.error(`payout ${payoutId}: ${error instanceof Error ? error.message : String(error)}`);
    return "FAILED";
  }
}

/** Staff made a transfer by hand for a payout waiting for them: its reference, the ledger, and who did it. */
export async function recordPayoutSentByHand(input: { payoutId: string; reference: string; actorId: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const [payout] = await tx.$queryRaw<{ id: string; status: string; groupId: string; method: string }[]>`SELECT id, status, "groupId", method FROM "Payout" WHERE id = ${input.payoutId} FOR UPDATE`;
    if (!payout) throw new PayoutStateError("No such payout");
    if (payout.status !== "PENDING" || (payout.method !== "PROMPTPAY" && payout.method !== "BANK_TRANSFER")) throw new PayoutStateError("This payout is not waiting for a transfer by hand");
    await tx.payout.update({ where: { id: payout.id }, data: { status: "PAID", reference: input.reference, paidAt: new Date(), attempts: { increment: 1 } } });
    await recordPayout(tx, { payoutId: payout.id, groupId: payout.groupId, parts: await partsOf(tx, payout.id), transferFeeSatang: 0 });
    await recordAudit(tx, { actorId: input.actorId, groupId: payout.groupId, action: "payout.sent", subjectType: "Payout", subjectId: payout.id, after: { reference: input.reference } });
  });
}

/** A payout that failed is tried again (a provider's transfer), or goes back to staff's list (by hand). */
export async function retryPayout(input: { payoutId: string; actorId: string }): Promise<"PAID" | "PROCESSING" | "FAILED" | "PENDING"> {
  const payout = await db().payout.findUnique({ where: { id: input.payoutId }, select: { id: true, status: true, groupId: true, method: true } });
  if (!payout || payout.status !== "FAILED") throw new PayoutStateError("Only a failed payout can be retried");
  // A failed send recorded nothing in the ledger, and a transfer that failed later was reversed
  // there (checkProcessingPayouts), so a retry starts clean, recorded under its own attempt's key.
  await inTransaction(db(), async (tx) => {
    await recordAudit(tx, { actorId: input.actorId, groupId: payout.groupId, action: "payout.retry", subjectType: "Payout", subjectId: payout.id });
  });
  if (payout.method === "PROMPTPAY" || payout.method === "BANK_TRANSFER") {
    await db().payout.update({ where: { id: payout.id }, data: { status: "PENDING", failureReason: null } });
    return "PENDING";
  }
  const group = await db().occupationGroup.findUniqueOrThrow({ where: { id: payout.groupId }, select: payoutGroupSelect });
  return send(payout.id, group);
}

/**
 * Asks the provider about transfers still on their way (PROCESSING), each under its row's lock
 * (SKIP LOCKED: every instance may run this). One that arrived becomes PAID; one that failed
 * becomes FAILED for staff to retry, and its ledger transaction is reversed in the same database
 * transaction, so the group is owed the money again. Otherwise it is asked again later: half the
 * payout's age from now, at least a minute and at most six hours (a backoff without a counter).
 */
export async function checkProcessingPayouts(now: Date = clockNow(), limit = 20): Promise<{ paid: number; failed: number; waiting: number }> {
  const report = { paid: 0, failed: 0, waiting: 0 };
  const tried: string[] = [];
  for (let i = 0; i < limit; i++) {
    const outcome = await db().$transaction(
      async (tx) => {
        const [payout] = await tx.$queryRaw<{ id: string; groupId: string; reference: string; attempts: number; createdAt: Date }[]>`
          SELECT id, "groupId", reference, attempts, "createdAt" FROM "Payout"
          WHERE status = 'PROCESSING' AND reference IS NOT NULL AND ("nextCheckAt" IS NULL OR "nextCheckAt" <= ${now}) AND NOT (id = ANY(${tried}::text[]))
          ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!payout) return null;
        tried.push(payout.id);
        const group = await tx.occupationGroup.findUniqueOrThrow({ where: { id: payout.groupId }, select: payoutGroupSelect });
        const rail = payoutRailFor((await sourceOf(tx, payout.id)).provider, group);
        const wait = Math.min(Math.max((now.getTime() - payout.createdAt.getTime()) / 2, retryDelayMs(1)), MAX_RETRY_DELAY_MS);
        let answer: { paid: boolean; failure: string | null } = { paid: false, failure: null };
        try {
          if (rail.check) answer = await rail.check(payout.reference);
        } catch (error) {
          console.error(`payout ${payout.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (answer.paid) {
          await tx.payout.update({ where: { id: payout.id }, data: { status: "PAID", paidAt: now, nextCheckAt: null } });
          await recordAudit(tx, { actorId: null, groupId: payout.groupId, action: "payout.paid", subjectType: "Payout", subjectId: payout.id, after: { reference: payout.reference } });
          return "paid" as const;
        }
        if (answer.failure) {
          await tx.payout.update({ where: { id: payout.id }, data: { status: "FAILED", nextCheckAt: null, failureReason: answer.failure.slice(0, 300) } });
          await recordPayoutReversed(tx, payout.id, payout.attempts);
          await recordAudit(tx, { actorId: null, groupId: payout.groupId, action: "payout.failed", subjectType: "Payout", subjectId: payout.id, after: { reference: payout.reference, failure: answer.failure } });
          return "failed" as const;
        }
        await tx.payout.update({ where: { id: payout.id }, data: { nextCheckAt: new Date(now.getTime() + wait) } });
        return "waiting" as const;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (outcome === null) break;
    report[outcome]++;
  }
  return report;
}
