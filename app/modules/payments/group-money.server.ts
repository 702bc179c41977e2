/**
 * A group's money, every satang, computed from the ledger (never stored twice): per group order
 * with money recorded, what the buyer paid, the platform's fee, the provider's fee, the group's
 * share, how it reached the group (straight to it, or collected by the platform and paid out),
 * what was refunded, and where the rest stands (kept by the group, held until a date, releasable,
 * paid out); the group's payouts; and its balance (owed to it, and the platform fees it holds
 * from direct sales). The money page and its CSV read this.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import { bahtCell, csvDocument } from "~/lib/csv";
import { translator, type Lang } from "~/i18n/i18n";
import { now as clockNow } from "~/lib/clock.server";
import { releaseDate } from "./payouts.server";

export type MoneyState = "keptByGroup" | "waitingForDelivery" | "held" | "releasable" | "inPayout" | "paidOut" | "refunded";

export interface GroupOrderMoneyRow {
  groupOrderId: string;
  number: string;
  createdAt: Date;
  paidSatang: number;
  platformFeeSatang: number;
  providerFeeSatang: number;
  shareSatang: number;
  refundedSatang: number;
  /** Still owed to the group by the platform (held or releasable). */
  owedSatang: number;
  direct: boolean;
  state: MoneyState;
  heldUntil: Date | null;
}

export async function groupMoney(groupId: string, options: { at?: Date; limit?: number } = {}, client: Client = db()) {
  const at = options.at ?? clockNow();
  const sums = await client.$queryRaw<{ groupOrderId: string; account: string; kind: string; amount: number }[]>`
    SELECT e."groupOrderId", e.account::text AS account, t.kind, SUM(e."amountSatang")::int AS amount
    FROM "LedgerEntry" e JOIN "LedgerTransaction" t ON t.id = e."transactionId"
    WHERE e."groupId" = ${groupId} AND e."groupOrderId" IS NOT NULL
    GROUP BY e."groupOrderId", e.account, t.kind`;
  const ids = [...new Set(sums.map((row) => row.groupOrderId))];
  const groupOrders = await client.groupOrder.findMany({
    where: { id: { in: ids }, groupId },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 1000,
    select: { id: true, createdAt: true, status: true, deliveredAt: true, receivedAt: true, order: { select: { number: true } }, payout: { select: { status: true } } },
  });
  const refunds = await client.refund.groupBy({ by: ["groupOrderId"], where: { groupOrderId: { in: ids }, status: "SUCCEEDED" }, _sum: { amountSatang: true } });
  const rows: GroupOrderMoneyRow[] = groupOrders.map((groupOrder) => {
    const mine = sums.filter((row) => row.groupOrderId === groupOrder.id);
    const payable = (kinds: string[]) => mine.filter((row) => row.account === "GROUP_PAYABLE" && kinds.includes(row.kind)).reduce((sum, row) => sum + row.amount, 0);
    // 0 − x, not −x: an empty sum is 0, never −0.
    const paid = 0 - payable(["sale"]);
    const platformFee = payable(["fee.platform", "refund.fee.platform"]);
    const providerFee = payable(["fee.provider", "refund.fee.provider"]);
    const refunded = refunds.find((row) => row.groupOrderId === groupOrder.id)?._sum.amountSatang ?? 0;
    const owed = 0 - mine.filter((row) => row.account === "GROUP_PAYABLE").reduce((sum, row) => sum + row.amount, 0);
    const direct = mine.some((row) => row.kind === "kept.direct");
    const release = releaseDate(groupOrder);
    let state: MoneyState;
    if (paid > 0 && refunded >= paid) state = "refunded";
    else if (direct) state = "keptByGroup";
    else if (groupOrder.payout?.status === "PAID" && owed <= 0) state = "paidOut";
    else if (groupOrder.payout) state = "inPayout";
    else if (!release) state = "waitingForDelivery";
    else state = release > at ? "held" : "releasable";
    return {
      groupOrderId: groupOrder.id,
      number: groupOrder.order.number,
      createdAt: groupOrder.createdAt,
      paidSatang: paid,
      platformFeeSatang: platformFee,
      providerFeeSatang: providerFee,
      shareSatang: paid - platformFee - providerFee,
      refundedSatang: refunded,
      owedSatang: owed,
      direct,
      state,
      heldUntil: state === "held" ? release : null,
    };
  });
  const payouts = await client.payout.findMany({ where: { groupId }, orderBy: { createdAt: "desc" }, take: 100, select: { id: true, createdAt: true, paidAt: true, amountSatang: true, status: true, method: true, reference: true } });
  const cash = await client.ledgerEntry.aggregate({ where: { groupId, account: "GROUP_CASH" }, _sum: { amountSatang: true } });
  const owed = await client.ledgerEntry.aggregate({ where: { groupId, account: "GROUP_PAYABLE" }, _sum: { amountSatang: true } });
  return {
    at,
    rows,
    payouts,
    balance: {
      /** Earned through the platform and not yet paid out. */
      owedToGroupSatang: 0 - (owed._sum.amountSatang ?? 0),
      heldSatang: rows.filter((row) => row.state === "held" || row.state === "waitingForDelivery").reduce((sum, row) => sum + row.owedSatang, 0),
      /** Platform fees on direct sales that the group holds. */
      feesHeldByGroupSatang: cash._sum.amountSatang ?? 0,
      paidOutSatang: payouts.filter((payout) => payout.status === "PAID").reduce((sum, payout) => sum + payout.amountSatang, 0),
      shareSatang: rows.reduce((sum, row) => sum + row.shareSatang, 0),
    },
  };
}

export type GroupMoney = Awaited<ReturnType<typeof groupMoney>>;

const bangkokDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit", day: "2-digit" });

/** The money page as a spreadsheet: one row per group order, amounts in baht. */
export async function groupMoneyCsv(groupId: string, lang: Lang): Promise<string> {
  const t = translator(lang);
  const money = await groupMoney(groupId, { limit: 10_000 });
  const columns = ["order", "date", "paid", "platformFee", "providerFee", "share", "refunded", "owed", "state", "heldUntil"] as const;
  return csvDocument(
    columns.map((column) => t(`money.csv.${column}`)),
    money.rows.map((row) => [
      row.number,
      bangkokDay.format(row.createdAt),
      bahtCell(row.paidSatang),
      bahtCell(row.platformFeeSatang),
      bahtCell(row.providerFeeSatang),
      bahtCell(row.shareSatang),
      bahtCell(row.refundedSatang),
      bahtCell(row.owedSatang),
      t(`money.state.${row.state}`),
      row.heldUntil ? bangkokDay.format(row.heldUntil) : "",
    ]),
  );
}
