/**
 * The group's order pages at the HTTP boundary, with real cookies and CSRF tokens: the inbox
 * (filters, paging, only the group's own orders), the order page's intents (each move, each bad
 * input: illegal and stale moves, missing tracking number or reason, another group's order, a
 * member or a post without its token), the packing slip, the CSV export and the production
 * calendar. Orders are placed through the checkout module, as a buyer would.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { moveGroupOrder } from "~/modules/orders/lifecycle.server";
import * as orderRoute from "~/routes/($lang).groups.$slug_.manage.orders.$groupOrderId";
import * as inboxRoute from "~/routes/($lang).groups.$slug_.manage.orders._index";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs, userByEmail } from "./helpers";
import { groupIdOf, mat, order, outcome, silk } from "./order-fixtures";

const group = "tha-phra-women";
const other = "chonnabot-mudmee";
const owner = demoAccounts.ownerOf(group).email;
const context = { clientAddress: "127.0.0.1" };
const memberEmail = "member.tha-phra@example.test";

async function post(email: string, groupOrderId: string, form: Record<string, string>, slug = group) {
  const request = await requestAs(email, `http://t/groups/${slug}/manage/orders/${groupOrderId}`, { form });
  return outcome(orderRoute.action({ request, params: { slug, groupOrderId }, context }));
}

async function page(email: string, groupOrderId: string, search = "", slug = group) {
  const request = await requestAs(email, `http://t/groups/${slug}/manage/orders/${groupOrderId}${search}`);
  return outcome(orderRoute.loader({ request, params: { slug, groupOrderId }, context }));
}

async function statusOf(id: string) {
  return (await db().groupOrder.findUniqueOrThrow({ where: { id } })).status;
}

type Answer = { formId: string; result: { error?: Record<string, string[]> }; refused?: { key: string; status?: string } };

let ownerId: string;
let groupId: string;
beforeAll(async () => {
  ownerId = (await userByEmail(owner)).id;
  groupId = await groupIdOf(group);
  await db().product.update({ where: { slug: mat }, data: { stock: 500 } });
  await db().product.update({ where: { slug: silk }, data: { stock: 0, capacityPerWeek: 5, leadTimeDays: 14 } });
  const member = await db().user.create({ data: { email: memberEmail, name: "สมาชิกกลุ่ม", passwordHash: "not-a-hash" } });
  await db().groupMembership.create({ data: { userId: member.id, groupId, role: "MEMBER" } });
});

describe("the inbox", () => {
  it("lists only the group's own orders, newest first, with what a row needs", async () => {
    const first = await order(mat, { quantity: 2 });
    const second = await order(mat);
    const others = await order(silk);
    const request = await requestAs(owner, `http://t/groups/${group}/manage/orders`);
    const inbox = await inboxRoute.loader({ request, params: { slug: group }, context });
    const ids = inbox.orders.map((row) => row.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids).not.toContain(others.id);
    const row = inbox.orders.find((candidate) => candidate.id === first.id)!;
    expect(row).toMatchObject({ number: first.order.number, buyer: "สมศรี ใจงาม", status: "NEW", payment: "collect", totalSatang: first.itemsSatang + first.shippingSatang });
    expect(row.lines).toEqual([expect.objectContaining({ quantity: 2 })]);
  });

  it("filters by status with counts, ignores unknown filters, and is read by members", async () => {
    const accepted = await order(mat);
    await moveGroupOrder({ groupId, groupOrderId: accepted.id, to: "ACCEPTED", actorId: ownerId });
    const read = async (search: string, email = owner) =>
      inboxRoute.loader({ request: await requestAs(email, `http://t/groups/${group}/manage/orders${search}`), params: { slug: group }, context });
    const filtered = await read("?status=ACCEPTED");
    expect(filtered.orders.map((row) => row.status)).toEqual(filtered.orders.map(() => "ACCEPTED"));
    expect(filtered.orders.map((row) => row.id)).toContain(accepted.id);
    expect(filtered.counts.ACCEPTED).toBe(filtered.orders.length);
    expect((await read("?status=NOPE")).status).toBeNull();
    expect((await read("", memberEmail)).orders.length).toBeGreaterThan(0);
    expect((await outcome(read("", demoAccounts.consumer.email))).status).toBe(403);
  });

  it("pages back in time with an 'older' cursor, never repeating or skipping a row", async () => {
    for (let i = 0; i < 31; i++) await order(mat);
    const all = await db().groupOrder.count({ where: { groupId } });
    const seen: string[] = [];
    let search = "";
    for (let pages = 0; pages < 10; pages++) {
      const inbox = await inboxRoute.loader({ request: await requestAs(owner, `http://t/groups/${group}/manage/orders${search}`), params: { slug: group }, context });
      seen.push(...inbox.orders.map((row) => row.id));
      if (!inbox.older) break;
      expect(inbox.orders).toHaveLength(30);
      search = `?before=${inbox.older}`;
    }
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
  });
});

describe("an order's page", () => {
  it("shows this order's buyer, lines and the moves allowed now, to members too", async () => {
    const groupOrder = await order(mat);
    const { status, data } = await page(memberEmail, groupOrder.id);
    expect(status).toBe(200);
    const view = data as Awaited<ReturnType<typeof orderRoute.loader>>;
    expect(view.groupOrder.order).toMatchObject({ recipientName: "สมศรี ใจงาม", phone: "0812345678", postcode: "40180" });
    expect(view.canAct).toBe(false);
    // Ready stock: "start production" would tell the buyer something untrue.
    expect(view.moves).toEqual(["ACCEPTED", "CANCELLED"]);
    expect(((await page(owner, groupOrder.id)).data as typeof view).canAct).toBe(true);
  });

  it("offers 'start production' when a line is made to order", async () => {
    const groupOrder = await order(silk);
    const otherOwner = demoAccounts.ownerOf(other).email;
    await moveGroupOrder({ groupId: await groupIdOf(other), groupOrderId: groupOrder.id, to: "ACCEPTED", actorId: (await userByEmail(otherOwner)).id });
    const view = (await page(otherOwner, groupOrder.id, "", other)).data as Awaited<ReturnType<typeof orderRoute.loader>>;
    expect(view.moves).toEqual(["IN_PRODUCTION", "PACKED", "CANCELLED"]);
    expect(view.groupOrder.lines[0]).toMatchObject({ quantityFromStock: 0, quantityToMake: 1 });
  });

  it("is a 404 for another group's order or a malformed id, and a 403 for a consumer", async () => {
    const theirs = await order(silk);
    expect((await page(owner, theirs.id)).status).toBe(404);
    expect((await page(owner, "not-an-id!")).status).toBe(404);
    expect((await page(demoAccounts.consumer.email, theirs.id, "", other)).status).toBe(403);
  });
});

describe("moving an order through the page's intents", () => {
  it("accepts, packs, ships with a tracking number and delivers, each step redirecting to the page", async () => {
    const groupOrder = await order(mat);
    const accepted = await post(owner, groupOrder.id, { intent: "move", from: "NEW", to: "ACCEPTED" });
    expect(accepted).toMatchObject({ status: 302, location: `/groups/${group}/manage/orders/${groupOrder.id}?done=ACCEPTED` });
    expect((await post(owner, groupOrder.id, { intent: "move", from: "ACCEPTED", to: "PACKED" })).status).toBe(302);
    const shipped = await post(owner, groupOrder.id, { intent: "ship", from: "PACKED", carrier: "THAILAND_POST_EMS", trackingNumber: "  ef 1234 5678 9th " });
    expect(shipped.status).toBe(302);
    const row = await db().groupOrder.findUniqueOrThrow({ where: { id: groupOrder.id } });
    expect(row).toMatchObject({ status: "SHIPPED", carrier: "THAILAND_POST_EMS", trackingNumber: "EF123456789TH" });
    const view = (await page(owner, groupOrder.id)).data as Awaited<ReturnType<typeof orderRoute.loader>>;
    expect(view.tracking?.url).toBe("https://track.thailandpost.co.th/?trackNumber=EF123456789TH");
    expect(view.moves).toEqual(["DELIVERED"]);
    expect((await post(owner, groupOrder.id, { intent: "move", from: "SHIPPED", to: "DELIVERED" })).status).toBe(302);
    expect(await statusOf(groupOrder.id)).toBe("DELIVERED");
    const audits = await db().auditLog.count({ where: { subjectId: groupOrder.id, action: "order.status.set", actorId: ownerId } });
    expect(audits).toBe(4);
  });

  it("lets a manager act, and hands a pickup order over at the counter", async () => {
    const manager = await db().user.create({ data: { email: "manager.tha-phra@example.test", name: "ผู้จัดการ", passwordHash: "not-a-hash" } });
    await db().groupMembership.create({ data: { userId: manager.id, groupId, role: "MANAGER" } });
    const groupOrder = await order(mat, { pickup: true });
    for (const [from, to] of [["NEW", "ACCEPTED"], ["ACCEPTED", "PACKED"]]) expect((await post(manager.email, groupOrder.id, { intent: "move", from, to })).status).toBe(302);
    const shipped = await post(manager.email, groupOrder.id, { intent: "ship", from: "PACKED", carrier: "KERRY", trackingNumber: "KEX1234567890" });
    expect(shipped.status).toBe(409);
    expect((shipped.data as Answer).refused?.key).toBe("inbox.errors.needsDelivery");
    expect((await post(manager.email, groupOrder.id, { intent: "move", from: "PACKED", to: "READY_FOR_PICKUP" })).status).toBe(302);
    expect(await statusOf(groupOrder.id)).toBe("READY_FOR_PICKUP");
  });

  it("refuses an illegal move (a stale form posting delivered → new) with 409 and changes nothing", async () => {
    const groupOrder = await order(mat, { pickup: true });
    for (const to of ["ACCEPTED", "PACKED", "READY_FOR_PICKUP", "DELIVERED"] as const) await moveGroupOrder({ groupId, groupOrderId: groupOrder.id, to, actorId: ownerId });
    const events = await db().groupOrderEvent.count({ where: { groupOrderId: groupOrder.id } });
    const refused = await post(owner, groupOrder.id, { intent: "move", from: "DELIVERED", to: "NEW" });
    expect(refused.status).toBe(409);
    expect((refused.data as Answer).refused).toMatchObject({ key: "inbox.errors.illegal", from: "DELIVERED", to: "NEW" });
    expect(await statusOf(groupOrder.id)).toBe("DELIVERED");
    expect(await db().groupOrderEvent.count({ where: { groupOrderId: groupOrder.id } })).toBe(events);
  });

  it("refuses a move made from a status the order no longer has (someone else moved it)", async () => {
    const groupOrder = await order(mat);
    await moveGroupOrder({ groupId, groupOrderId: groupOrder.id, to: "ACCEPTED", actorId: ownerId });
    // Cancelling an accepted order is allowed; this person saw it as new, so it is refused.
    const stale = await post(owner, groupOrder.id, { intent: "cancel", from: "NEW", reason: "ไม่มีของ" });
    expect(stale.status).toBe(409);
    expect((stale.data as Answer).refused).toMatchObject({ key: "inbox.errors.stale", status: "ACCEPTED" });
    expect(await statusOf(groupOrder.id)).toBe("ACCEPTED");
  });

  it("needs a carrier and a sane tracking number to ship", async () => {
    const groupOrder = await order(mat);
    for (const to of ["ACCEPTED", "PACKED"] as const) await moveGroupOrder({ groupId, groupOrderId: groupOrder.id, to, actorId: ownerId });
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ carrier: "KERRY" }, { trackingNumber: ["inbox.errors.trackingRequired"] }],
      [{ carrier: "KERRY", trackingNumber: "   " }, { trackingNumber: ["inbox.errors.trackingRequired"] }],
      [{ carrier: "THAILAND_POST_EMS", trackingNumber: "KEX1234567890" }, { trackingNumber: ["inbox.errors.trackingThailandPost"] }],
      [{ carrier: "FLASH", trackingNumber: "<script>" }, { trackingNumber: ["inbox.errors.trackingFormat"] }],
      [{ carrier: "DHL", trackingNumber: "KEX1234567890" }, { carrier: ["inbox.errors.carrier"] }],
    ];
    for (const [fields, errors] of cases) {
      const refused = await post(owner, groupOrder.id, { intent: "ship", from: "PACKED", ...fields });
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      expect((refused.data as Answer).result.error).toEqual(errors);
    }
    // The generic move cannot skip the tracking number either.
    const bare = await post(owner, groupOrder.id, { intent: "move", from: "PACKED", to: "SHIPPED" });
    expect(bare.status).toBe(400);
    expect((bare.data as Answer).refused?.key).toBe("inbox.errors.needsTracking");
    expect(await statusOf(groupOrder.id)).toBe("PACKED");
  });

  it("cancels only with a reason, and gives the stock back", async () => {
    const groupOrder = await order(mat, { quantity: 3 });
    const stock = (await db().product.findUniqueOrThrow({ where: { slug: mat } })).stock;
    const confirm = (await page(owner, groupOrder.id, "?step=cancel")).data as Awaited<ReturnType<typeof orderRoute.loader>>;
    expect(confirm.confirmingCancel).toBe(true);
    for (const reason of [undefined, "   "]) {
      const refused = await post(owner, groupOrder.id, { intent: "cancel", from: "NEW", ...(reason === undefined ? {} : { reason }) });
      expect(refused.status).toBe(400);
      expect((refused.data as Answer).result.error).toEqual({ reason: ["inbox.errors.reasonRequired"] });
    }
    expect(await statusOf(groupOrder.id)).toBe("NEW");
    expect((await post(owner, groupOrder.id, { intent: "cancel", from: "NEW", reason: "  วัตถุดิบหมด  " })).status).toBe(302);
    const row = await db().groupOrder.findUniqueOrThrow({ where: { id: groupOrder.id } });
    expect(row).toMatchObject({ status: "CANCELLED", cancelReason: "วัตถุดิบหมด" });
    expect((await db().product.findUniqueOrThrow({ where: { slug: mat } })).stock).toBe(stock + 3);
  });

  it("confirms a pay-on-pickup payment once", async () => {
    const groupOrder = await order(mat, { pickup: true });
    expect(((await page(owner, groupOrder.id)).data as Awaited<ReturnType<typeof orderRoute.loader>>).canConfirmPayment).toBe(true);
    expect((await post(owner, groupOrder.id, { intent: "confirm-payment" })).location).toMatch(/\?done=paid$/);
    expect((await db().payment.findFirstOrThrow({ where: { groupOrderId: groupOrder.id } })).status).toBe("SUCCEEDED");
    const view = (await page(owner, groupOrder.id)).data as Awaited<ReturnType<typeof orderRoute.loader>>;
    expect(view).toMatchObject({ canConfirmPayment: false, payment: "paid" });
    const again = await post(owner, groupOrder.id, { intent: "confirm-payment" });
    expect(again.status).toBe(409);
    expect((again.data as Answer).refused?.key).toBe("inbox.errors.noPaymentWaiting");
  });

  it("answers another group's order with 404 and changes nothing", async () => {
    const theirs = await order(silk);
    const forms: Record<string, string>[] = [{ intent: "move", from: "NEW", to: "ACCEPTED" }, { intent: "cancel", from: "NEW", reason: "x" }, { intent: "confirm-payment" }];
    for (const form of forms) {
      expect((await post(owner, theirs.id, form)).status).toBe(404);
    }
    expect(await statusOf(theirs.id)).toBe("NEW");
    expect((await db().payment.findFirstOrThrow({ where: { groupOrderId: theirs.id } })).status).toBe("PENDING");
  });

  it("refuses a member, a consumer and a post without its CSRF token", async () => {
    const groupOrder = await order(mat);
    for (const email of [memberEmail, demoAccounts.consumer.email]) {
      expect((await post(email, groupOrder.id, { intent: "move", from: "NEW", to: "ACCEPTED" })).status).toBe(403);
    }
    const signedIn = await requestAs(owner, "http://t/");
    const request = new Request(`http://t/groups/${group}/manage/orders/${groupOrder.id}`, {
      method: "POST",
      headers: { Cookie: signedIn.headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "move", from: "NEW", to: "ACCEPTED" }),
    });
    expect((await outcome(orderRoute.action({ request, params: { slug: group, groupOrderId: groupOrder.id }, context }))).status).toBe(403);
    expect(await statusOf(groupOrder.id)).toBe("NEW");
  });

  it("answers a forged intent or status with a 400, changing nothing", async () => {
    const groupOrder = await order(mat);
    const forms: Record<string, string>[] = [{ intent: "teleport" }, { intent: "move", from: "NEW", to: "LOST" }, { intent: "move", to: "ACCEPTED" }];
    for (const form of forms) {
      const refused = await post(owner, groupOrder.id, form);
      expect(refused.status, JSON.stringify(form)).toBe(400);
    }
    expect(await statusOf(groupOrder.id)).toBe("NEW");
  });
});
