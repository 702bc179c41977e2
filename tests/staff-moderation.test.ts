/**
 * Moderation from the staff console: a hidden listing or a suspended group disappears for buyers
 * and search at once, the group's owners are emailed and see staff's reason in their workspace,
 * every change is audited, and a bad request (a missing row, no reason, twice) changes nothing.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { translator } from "~/i18n/i18n";
import { productPage } from "~/modules/catalog/catalog.server";
import { groupPage } from "~/modules/groups/groups.server";
import { reinstateGroup, suspendGroup } from "~/modules/moderation/moderation.server";
import * as workspaceLayout from "~/routes/($lang).groups.$slug_.manage";
import * as moderationRoute from "~/routes/($lang).staff.moderation";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs, userByEmail } from "./helpers";
import { outcome } from "./route-calls";

const staff = demoAccounts.staff.email;
const context = { clientAddress: "127.0.0.1" };
const groupSlug = "ban-thon-krajood";
const productSlug = "ban-thon-krajood-krajood-mat";
const reason = "รูปสินค้าไม่ตรงกับของจริง กรุณาถ่ายรูปใหม่";

async function moderate(form: Record<string, string>, lang?: string) {
  const request = await requestAs(staff, `http://t${lang ? `/${lang}` : ""}/staff/moderation`, { form });
  return outcome(() => moderationRoute.action({ request, params: lang ? { lang } : {}, context }));
}

async function counts() {
  const [audits, messages, hidden, suspended] = await Promise.all([
    db().auditLog.count(),
    db().outboxMessage.count(),
    db().product.count({ where: { hiddenAt: { not: null } } }),
    db().occupationGroup.count({ where: { verificationStatus: "SUSPENDED" } }),
  ]);
  return { audits, messages, hidden, suspended };
}

async function workspaceNotice(slug = groupSlug) {
  const request = await requestAs(demoAccounts.ownerOf(slug).email, `http://t/groups/${slug}/manage`);
  const got = await outcome(() => workspaceLayout.loader({ request, params: { slug }, context }));
  return (got.body as { moderation: Awaited<ReturnType<typeof import("~/modules/moderation/moderation.server").moderationNotice>> }).moderation;
}

function emailsTo(address: string) {
  return db().outboxMessage.findMany({ where: { topic: "EMAIL", payload: { path: ["to"], equals: address } }, orderBy: { createdAt: "asc" } });
}

describe("hiding a listing", () => {
  it("hides it from buyers and search, tells its owners why, shows the reason in the workspace, and reinstates", async () => {
    const product = await db().product.findUniqueOrThrow({ where: { slug: productSlug } });
    const owner = demoAccounts.ownerOf(groupSlug).email;
    const searchSyncs = await db().outboxMessage.count({ where: { topic: "SEARCH_SYNC" } });

    const got = await moderate({ intent: "hide-product", productId: product.id, reason });
    expect(got).toMatchObject({ status: 200, body: { notice: "console.moderation.hidden" } });
    expect(await productPage(productSlug)).toBeNull();
    expect(await db().outboxMessage.count({ where: { topic: "SEARCH_SYNC" } })).toBe(searchSyncs + 1);

    const [mail] = await emailsTo(owner);
    expect(mail.payload).toMatchObject({ subject: expect.stringContaining("เสื่อ") });
    expect((mail.payload as { text: string }).text).toContain(reason);

    const notice = await workspaceNotice();
    expect(notice.hiddenProducts).toEqual([{ id: product.id, titleTh: product.titleTh, titleEn: product.titleEn, hiddenReason: reason }]);

    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "product.hide", subjectId: product.id } });
    expect(audit).toMatchObject({ actorId: (await userByEmail(staff)).id, groupId: product.groupId });
    expect(audit.details).toEqual({ before: { hidden: false }, after: { hidden: true, hiddenReason: reason } });

    const again = await moderate({ intent: "hide-product", productId: product.id, reason });
    expect(again).toMatchObject({ status: 409, body: { error: "console.moderation.errors.alreadyHidden" } });

    expect((await moderate({ intent: "reinstate-product", productId: product.id })).status).toBe(200);
    expect(await productPage(productSlug)).not.toBeNull();
    expect((await workspaceNotice()).hiddenProducts).toEqual([]);
    expect(await emailsTo(owner)).toHaveLength(2);
  });
});

describe("suspending a group", () => {
  it("hides the group and its listings, shows the reason in its workspace, and reinstates it as it was", async () => {
    const slug = "chonnabot-mudmee";
    const group = await db().occupationGroup.findUniqueOrThrow({ where: { slug }, include: { _count: { select: { products: true } } } });
    const searchSyncs = await db().outboxMessage.count({ where: { topic: "SEARCH_SYNC" } });

    expect((await moderate({ intent: "suspend-group", groupId: group.id, reason: "เอกสารวิสาหกิจชุมชนหมดอายุ" })).status).toBe(200);
    expect(await groupPage(slug)).toBeNull();
    const syncs = await db().outboxMessage.findMany({ where: { topic: "SEARCH_SYNC" }, orderBy: { createdAt: "asc" }, skip: searchSyncs });
    expect(syncs.flatMap((message) => (message.payload as { productSlugs: string[] }).productSlugs)).toHaveLength(group._count.products);
    expect(await workspaceNotice(slug)).toMatchObject({ suspended: true, suspendedReason: "เอกสารวิสาหกิจชุมชนหมดอายุ" });
    expect(await emailsTo(demoAccounts.ownerOf(slug).email)).toHaveLength(1);

    expect((await moderate({ intent: "reinstate-group", groupId: group.id })).status).toBe(200);
    expect(await db().occupationGroup.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ verificationStatus: "VERIFIED", suspendedReason: null });
    expect(await groupPage(slug)).not.toBeNull();
    expect((await workspaceNotice(slug)).suspended).toBe(false);
  });

  it("sends a group never verified back to review, not to selling", async () => {
    const group = await db().occupationGroup.update({ where: { slug: "sisaket-reed" }, data: { verificationStatus: "PENDING", verifiedAt: null } });
    const actor = await userByEmail(staff);
    await suspendGroup({ groupId: group.id, reason: "ข้อมูลไม่ตรงกับเอกสาร", actorId: actor.id });
    await reinstateGroup({ groupId: group.id, actorId: actor.id });
    expect((await db().occupationGroup.findUniqueOrThrow({ where: { id: group.id } })).verificationStatus).toBe("PENDING");
  });
});

describe("bad moderation requests", () => {
  it("answer a missing group or listing with 404, a missing or short reason with a field error, a repeat with 409, and change nothing", async () => {
    const product = await db().product.findFirstOrThrow({ where: { hiddenAt: null, status: "ACTIVE" }, orderBy: { slug: "desc" } });
    const group = await db().occupationGroup.findFirstOrThrow({ where: { verificationStatus: "VERIFIED" }, orderBy: { slug: "desc" } });
    const before = await counts();
    const cases: [Record<string, string>, number, object][] = [
      [{ intent: "hide-product", productId: "missing", reason }, 404, { error: "console.moderation.errors.productNotFound" }],
      [{ intent: "reinstate-product", productId: "missing" }, 404, { error: "console.moderation.errors.productNotFound" }],
      [{ intent: "suspend-group", groupId: "missing", reason }, 404, { error: "console.moderation.errors.groupNotFound" }],
      [{ intent: "reinstate-group", groupId: "missing" }, 404, { error: "console.moderation.errors.groupNotFound" }],
      [{ intent: "reinstate-product", productId: product.id }, 409, { error: "console.moderation.errors.notHidden" }],
      [{ intent: "reinstate-group", groupId: group.id }, 409, { error: "console.moderation.errors.notSuspended" }],
      [{ intent: "hide-product", productId: product.id, reason: "ไม่" }, 400, { result: { error: { reason: ["console.moderation.reasonRequired"] } } }],
      [{ intent: "suspend-group", groupId: group.id }, 400, { result: { error: { reason: ["console.moderation.reasonRequired"] } } }],
      [{ intent: "suspend-group", groupId: group.id, reason: "x".repeat(501) }, 400, { result: { error: { reason: ["console.moderation.reasonTooLong"] } } }],
      [{ intent: "delete-everything" }, 400, {}],
    ];
    for (const [form, status, body] of cases) {
      const got = await moderate(form, "en");
      expect(got.status, JSON.stringify(form)).toBe(status);
      expect(got.body).toMatchObject(body);
    }
    expect(await counts()).toEqual(before);
    // Each refusal reads as a sentence in both languages, not as a key.
    for (const [, , body] of cases) {
      const key = (body as { error?: string }).error;
      if (key) for (const lang of ["th", "en"] as const) expect(translator(lang)(key)).not.toBe(key);
    }
  });
});
