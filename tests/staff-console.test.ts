/**
 * The rest of the console: the audit log's filters and keyset paging, outbox dead letters retried
 * (audited; a missing one is a 404), and the overview's counts, including groups that have sold.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { auditLogPage, bangkokDayStart } from "~/modules/audit/audit-log.server";
import { staffOverview } from "~/modules/groups/staff.server";
import * as auditRoute from "~/routes/($lang).staff.audit";
import * as outboxRoute from "~/routes/($lang).staff.outbox";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs, userByEmail } from "./helpers";
import { outcome } from "./route-calls";

const staff = demoAccounts.staff.email;
const context = { clientAddress: "127.0.0.1" };

describe("the audit log", () => {
  it("pages newest first by keyset, both ways, without gaps or repeats, within the filters", async () => {
    const actor = await userByEmail(staff);
    const group = await db().occupationGroup.findUniqueOrThrow({ where: { slug: "ban-thon-krajood" } });
    const base = new Date("2026-11-30T16:59:00Z"); // 23:59 in Bangkok on 30 November
    // 25 records a minute apart, some sharing a timestamp (the id breaks the tie).
    await db().auditLog.createMany({
      data: Array.from({ length: 25 }, (_, index) => ({
        actorId: actor.id,
        groupId: index % 2 === 0 ? group.id : null,
        action: "paging.test",
        subjectType: "Test",
        subjectId: String(index),
        createdAt: new Date(base.getTime() + Math.floor(index / 2) * 60_000),
      })),
    });
    const filters = { action: "paging.test" };
    const seen: string[] = [];
    let page = await auditLogPage({ filters, limit: 7 });
    expect(page.newer).toBeNull();
    const pages = [page];
    while (page.older) {
      page = await auditLogPage({ filters, after: page.older, limit: 7 });
      pages.push(page);
    }
    for (const each of pages) seen.push(...each.entries.map((entry) => entry.subjectId));
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const times = pages.flatMap((each) => each.entries.map((entry) => entry.createdAt.getTime()));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Back from the last page: the same pages in reverse.
    const back = await auditLogPage({ filters, before: pages[pages.length - 1].newer, limit: 7 });
    expect(back.entries.map((entry) => entry.id)).toEqual(pages[pages.length - 2].entries.map((entry) => entry.id));

    expect((await auditLogPage({ filters: { ...filters, groupId: group.id }, limit: 50 })).entries).toHaveLength(13);
    // Bangkok days: the first two records (23:59 on 30 November) are the only ones on that day.
    expect((await auditLogPage({ filters: { ...filters, toDay: "2026-11-30" }, limit: 50 })).entries.map((entry) => entry.subjectId).sort()).toEqual(["0", "1"]);
    expect((await auditLogPage({ filters: { ...filters, fromDay: "2026-12-01", toDay: "2026-12-01" }, limit: 50 })).entries).toHaveLength(23);
    expect(bangkokDayStart("2026-02-30")).toBeNull();
  });

  it("ignores odd query values instead of failing, and an unknown actor matches nothing rather than everything", async () => {
    const got = await outcome(async () =>
      auditRoute.loader({
        request: await requestAs(staff, "http://t/en/staff/audit?group=NOT%20A%20SLUG&actor=nobody@x.test&from=yesterday&after=garbage"),
        params: { lang: "en" },
        context,
      }),
    );
    expect(got.status).toBe(200);
    const body = got.body as { filters: Record<string, string | null>; page: { entries: unknown[] }; options: { actions: string[] } };
    // Every action written so far, once each (read by a loose index scan).
    expect(body.options.actions).toContain("paging.test");
    expect(body.options.actions).toHaveLength(new Set(body.options.actions).size);
    expect(body.filters).toMatchObject({ group: null, actor: "nobody@x.test", from: null });
    // An actor nobody is matches nothing, rather than everything.
    expect(body.page.entries).toEqual([]);
  });
});

describe("outbox dead letters", () => {
  async function retry(messageId: string) {
    const request = await requestAs(staff, "http://t/staff/outbox", { form: { intent: "retry", messageId } });
    return outcome(() => outboxRoute.action({ request, params: {}, context }));
  }

  it("lists a dead message and retries it from its first attempt, audited", async () => {
    const dead = await db().outboxMessage.create({
      data: { topic: "EMAIL", payload: { to: "a@b.test", subject: "s", text: "t" }, attempts: 12, deadAt: new Date(), lastError: "SMTP 550 mailbox unavailable" },
    });
    const page = await outcome(async () => outboxRoute.loader({ request: await requestAs(staff, "http://t/staff/outbox"), params: {}, context }));
    expect((page.body as { messages: { id: string; lastError: string }[] }).messages).toContainEqual(
      expect.objectContaining({ id: dead.id, lastError: "SMTP 550 mailbox unavailable", attempts: 12 }),
    );

    expect(await retry(dead.id)).toMatchObject({ status: 200, body: { notice: "console.outbox.retried" } });
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ deadAt: null, attempts: 0 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "outbox.retry", subjectId: dead.id } });
    expect(audit.details).toMatchObject({ topic: "EMAIL", lastError: "SMTP 550 mailbox unavailable" });

    // Retried already, or never there: 404 with a message, nothing written.
    const audits = await db().auditLog.count();
    for (const id of [dead.id, "no-such-message"]) expect(await retry(id)).toMatchObject({ status: 404, body: { error: "console.outbox.notFound" } });
    expect(await db().auditLog.count()).toBe(audits);
  });
});

describe("the overview", () => {
  it("counts groups by status and province, and groups with a delivered order as having sold", async () => {
    const before = await staffOverview();
    expect(before.total).toBe(await db().occupationGroup.count());
    expect(before.byProvince.reduce((sum, row) => sum + row.total, 0)).toBe(before.total);
    expect(before.soldAtLeastOnce).toBe(0);

    const [first, second] = await db().occupationGroup.findMany({ orderBy: { slug: "asc" }, take: 2 });
    const order = await db().order.create({
      data: { number: "SM-2569-000001", checkoutKey: "k1", phone: "0812345678", paymentProvider: "PROMPTPAY_DIRECT", recipientName: "สมใจ", totalSatang: 30000 },
    });
    const groupOrder = (groupId: string, status: "DELIVERED" | "SHIPPED") => ({
      orderId: order.id,
      groupId,
      status,
      itemsSatang: 15000,
      shippingKind: "THAILAND_POST_EMS" as const,
      shippingNameTh: "EMS",
      shippingNameEn: "EMS",
    });
    await db().groupOrder.createMany({ data: [groupOrder(first.id, "DELIVERED"), groupOrder(second.id, "SHIPPED")] });
    expect((await staffOverview()).soldAtLeastOnce).toBe(1);

    await db().occupationGroup.update({ where: { id: second.id }, data: { verificationStatus: "SUSPENDED", suspendedReason: "x" } });
    const after = await staffOverview();
    expect(after.byStatus.SUSPENDED).toBe(before.byStatus.SUSPENDED + 1);
    expect(after.byStatus.VERIFIED).toBe(before.byStatus.VERIFIED - 1);
  });
});
