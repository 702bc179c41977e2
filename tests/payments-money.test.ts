/**
 * Transparency: the group's money page shows each order's money to the satang (paid, platform fee,
 * provider fee, share, where it stands and until when) and exports it as CSV; staff see what was
 * routed to groups by group and by province, and the payouts waiting for them or failed.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { confirmPaymentReceived } from "~/modules/orders/lifecycle.server";
import { runPayouts } from "~/modules/payments/payouts.server";
import * as moneyRoute from "~/routes/($lang).groups.$slug_.manage.money";
import * as moneyCsvRoute from "~/routes/($lang).groups.$slug_.manage.money[.]csv";
import * as staffRoute from "~/routes/($lang).staff.payouts";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs, userByEmail } from "./helpers";
import { deliver, groupA, platformPaidOrder, preparePromptPayGroups, promptPayOrder } from "./payment-fixtures";
import { outcome } from "./route-calls";

vi.hoisted(() => {
  process.env.PLATFORM_FEE_PERCENT = "5";
});

const context = { clientAddress: "127.0.0.1" };
const DAY = 24 * 3600_000;
let buyerId: string;

beforeAll(async () => {
  await preparePromptPayGroups();
  buyerId = (await userByEmail(demoAccounts.consumer.email)).id;
});

type Money = Awaited<ReturnType<typeof moneyRoute.loader>>["money"];

async function moneyOf(slug: string) {
  const request = await requestAs(demoAccounts.ownerOf(slug).email, `http://t/groups/${slug}/manage/money`);
  return (await moneyRoute.loader({ request, params: { slug }, context })).money as Money;
}

describe("the group's money page", () => {
  it("shows each order's share and fees, held until when, then paid out; and money paid straight to the group as kept", async () => {
    const { order } = await platformPaidOrder(buyerId, 400);
    const part = order.groupOrders.find((groupOrder) => groupOrder.group.slug === groupA)!;
    const fresh = await db().groupOrder.findUniqueOrThrow({ where: { id: part.id } });
    const total = part.itemsSatang + part.shippingSatang;
    let row = (await moneyOf(groupA)).rows.find((candidate) => candidate.groupOrderId === part.id)!;
    expect(row).toMatchObject({ paidSatang: total, platformFeeSatang: part.platformFeeSatang, providerFeeSatang: fresh.providerFeeSatang, state: "waitingForDelivery" });
    expect(row.shareSatang + row.platformFeeSatang + row.providerFeeSatang).toBe(total);
    expect(row.platformFeeSatang).toBeGreaterThan(0);
    expect(row.providerFeeSatang).toBeGreaterThan(0);

    const deliveredAt = new Date(Date.now() - 2 * DAY);
    await deliver(part.id, deliveredAt);
    row = (await moneyOf(groupA)).rows.find((candidate) => candidate.groupOrderId === part.id)!;
    expect(row.state).toBe("held");
    expect(new Date(row.heldUntil!)).toEqual(new Date(deliveredAt.getTime() + 7 * DAY));

    await runPayouts(new Date(deliveredAt.getTime() + 8 * DAY));
    const money = await moneyOf(groupA);
    expect(money.rows.find((candidate) => candidate.groupOrderId === part.id)!.state).toBe("inPayout");
    expect(money.payouts.some((payout) => payout.status === "PENDING")).toBe(true);

    const direct = await promptPayOrder(buyerId);
    const directPart = direct.groupOrders.find((groupOrder) => groupOrder.group.slug === groupA)!;
    await confirmPaymentReceived({ groupId: directPart.groupId, groupOrderId: directPart.id, actorId: (await userByEmail(demoAccounts.ownerOf(groupA).email)).id });
    const after = await moneyOf(groupA);
    expect(after.rows.find((candidate) => candidate.groupOrderId === directPart.id)).toMatchObject({ state: "keptByGroup", owedSatang: 0, shareSatang: directPart.itemsSatang + directPart.shippingSatang - directPart.platformFeeSatang });
    expect(after.balance.feesHeldByGroupSatang).toBeGreaterThanOrEqual(directPart.platformFeeSatang);
  });

  it("exports the same rows as CSV in the group's language, and only to its members", async () => {
    const request = await requestAs(demoAccounts.ownerOf(groupA).email, `http://t/groups/${groupA}/manage/money.csv`);
    const response = (await moneyCsvRoute.loader({ request, params: { slug: groupA }, context })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toContain("ส่วนของกลุ่ม");
    const money = await moneyOf(groupA);
    expect(lines).toHaveLength(money.rows.length + 1);
    const stranger = await outcome(async () => moneyCsvRoute.loader({ request: await requestAs(demoAccounts.consumer.email, `http://t/groups/${groupA}/manage/money.csv`), params: { slug: groupA }, context }));
    expect(stranger.status).toBe(403);
  });
});

describe("staff's money to groups", () => {
  it("totals by group and by province agree, and a failed payout can be retried", async () => {
    const staff = demoAccounts.staff.email;
    const loaded = await staffRoute.loader({ request: await requestAs(staff, "http://t/staff/payouts"), params: {}, context });
    const sum = (rows: { shareSatang: number }[]) => rows.reduce((total, row) => total + row.shareSatang, 0);
    expect(loaded.byGroup.length).toBeGreaterThan(0);
    expect(sum(loaded.byProvince)).toBe(sum(loaded.byGroup));
    expect(loaded.waiting.length).toBeGreaterThan(0);

    const failed = loaded.waiting[0];
    await db().payout.update({ where: { id: failed.id }, data: { status: "FAILED", failureReason: "bank refused" } });
    const retried = await outcome(async () => staffRoute.action({ request: await requestAs(staff, "http://t/staff/payouts", { form: { intent: "retry", payoutId: failed.id, formId: "r" } }), params: {}, context }));
    expect(retried.status).toBe(200);
    expect((await db().payout.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("PENDING");
    const noRef = await outcome(async () => staffRoute.action({ request: await requestAs(staff, "http://t/staff/payouts", { form: { intent: "mark-sent", payoutId: failed.id, reference: "", formId: "s" } }), params: {}, context }));
    expect(noRef.status).toBe(400);
    expect((await db().payout.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("PENDING");
    const sent = await outcome(async () => staffRoute.action({ request: await requestAs(staff, "http://t/staff/payouts", { form: { intent: "mark-sent", payoutId: failed.id, reference: "KBANK-778899", formId: "s" } }), params: {}, context }));
    expect(sent.status).toBe(200);
    expect(await db().payout.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "PAID", reference: "KBANK-778899" });
  });
});
