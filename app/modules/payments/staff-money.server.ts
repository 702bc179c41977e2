/**
 * What staff see of the money: totals routed to groups (their share, what reached them directly,
 * what the platform paid out, what it still owes), by group and by province, from the ledger; and
 * the payouts that need a person — waiting for a transfer by hand, or failed and to be retried.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import { inTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { runPayouts, type PayoutRun } from "./payouts.server";

export interface RoutedTotals {
  shareSatang: number;
  directSatang: number;
  paidOutSatang: number;
  owedSatang: number;
}

export async function moneyToGroups(client: Client = db()) {
  const rows = await client.$queryRaw<{ groupId: string; nameTh: string; nameEn: string; provinceTh: string; provinceEn: string; received: number; fees: number; direct: number; paidOut: number; owed: number }[]>`
    SELECT g.id AS "groupId", g."nameTh", g."nameEn", p."nameTh" AS "provinceTh", p."nameEn" AS "provinceEn",
      COALESCE(SUM(CASE WHEN t.kind = 'sale' THEN -e."amountSatang" END), 0)::int AS received,
      COALESCE(SUM(CASE WHEN t.kind IN ('fee.platform', 'refund.fee.platform', 'fee.provider', 'refund.fee.provider', 'refund', 'refund.kept') THEN e."amountSatang" END), 0)::int AS fees,
      COALESCE(SUM(CASE WHEN t.kind = 'kept.direct' THEN e."amountSatang" END), 0)::int AS direct,
      COALESCE(SUM(CASE WHEN t.kind IN ('payout', 'payout.reversed') THEN e."amountSatang" END), 0)::int AS "paidOut",
      (-SUM(e."amountSatang"))::int AS owed
    FROM "LedgerEntry" e
    JOIN "LedgerTransaction" t ON t.id = e."transactionId"
    JOIN "OccupationGroup" g ON g.id = e."groupId"
    JOIN "Province" p ON p.id = g."provinceId"
    WHERE e.account = 'GROUP_PAYABLE'
    GROUP BY g.id, p.id
    ORDER BY received DESC, g."nameTh"`;
  const byGroup = rows.map((row) => ({
    groupId: row.groupId,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    provinceTh: row.provinceTh,
    provinceEn: row.provinceEn,
    // Net of fees and refunds: what the groups keep of their sales.
    shareSatang: row.received - row.fees,
    directSatang: row.direct,
    paidOutSatang: row.paidOut,
    owedSatang: row.owed,
  }));
  const provinces = new Map<string, { provinceTh: string; provinceEn: string } & RoutedTotals>();
  for (const row of byGroup) {
    const total = provinces.get(row.provinceTh) ?? { provinceTh: row.provinceTh, provinceEn: row.provinceEn, shareSatang: 0, directSatang: 0, paidOutSatang: 0, owedSatang: 0 };
    total.shareSatang += row.shareSatang;
    total.directSatang += row.directSatang;
    total.paidOutSatang += row.paidOutSatang;
    total.owedSatang += row.owedSatang;
    provinces.set(row.provinceTh, total);
  }
  const payoutSelect = { id: true, amountSatang: true, method: true, status: true, failureReason: true, attempts: true, createdAt: true, group: { select: { nameTh: true, nameEn: true, promptPayId: true, payoutBankCode: true, payoutAccountNo: true } } } as const;
  return {
    byGroup,
    byProvince: [...provinces.values()].sort((a, b) => b.shareSatang - a.shareSatang),
    waiting: await client.payout.findMany({ where: { status: "PENDING", method: { in: ["PROMPTPAY", "BANK_TRANSFER"] } }, orderBy: { createdAt: "asc" }, take: 200, select: payoutSelect }),
    failed: await client.payout.findMany({ where: { status: "FAILED" }, orderBy: { createdAt: "asc" }, take: 200, select: payoutSelect }),
  };
}

/** Staff pay out what is due now instead of waiting for the schedule; the run is audited. */
export async function runPayoutsByStaff(actorId: string): Promise<PayoutRun> {
  const report = await runPayouts();
  await inTransaction(db(), (tx) => recordAudit(tx, { actorId, groupId: null, action: "payout.run", subjectType: "Payout", subjectId: "run", after: { created: report.created, paid: report.paid, failed: report.failed } }));
  return report;
}
