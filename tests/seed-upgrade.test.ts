/**
 * Upgrading a database seeded from catalog version 1 with `npm run db:seed` (version 2): what
 * version 2 adds arrives, what the seed wrote itself is brought up to date, and what a group
 * changed survives (prisma/seed/ownership.ts). Runs on a database of its own, emptied first.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { readCatalogFile } from "../prisma/seed/catalog-file";
import { seedDemo } from "../prisma/seed/demo";
import { historyBetween, readSeedHistory } from "../prisma/seed/ownership";
import { scheduleInThai } from "../prisma/seed/schedules";

const v1 = readCatalogFile("tests/fixtures/catalog-v1.json");
const v2 = readCatalogFile();

async function emptyDatabase() {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  await db().$executeRawUnsafe(`TRUNCATE ${tables.map((table) => table.name).join(", ")} CASCADE`);
}

const group = (slug: string) => db().occupationGroup.findUniqueOrThrow({ where: { slug }, include: { committee: { orderBy: { position: "asc" } }, shipping: { orderBy: { position: "asc" } } } });
const product = (slug: string) => db().product.findUniqueOrThrow({ where: { slug } });

describe("the catalog files", () => {
  it("keep version 1's slugs in version 2", () => {
    expect(v1.version).toBe(1);
    expect(v2.version).toBe(2);
    expect(v2.groups.map((entry) => entry.slug)).toEqual(v1.groups.map((entry) => entry.slug));
    expect(v2.products.map((entry) => entry.slug)).toEqual(v1.products.map((entry) => entry.slug));
  });

  it("have a Thai rendering for every market schedule version 2 names", () => {
    const schedules = new Set(v2.groups.flatMap((entry) => (entry.shipping ?? []).flatMap((method) => (method.schedule ? [method.schedule] : []))));
    expect(schedules.size).toBeGreaterThan(0);
    for (const schedule of schedules) expect(scheduleInThai(schedule)).toMatch(/^ทุกวัน\S+.* \d\d:\d\d–\d\d:\d\d$/);
    expect(scheduleInThai("every Saturday, 16:00-22:00")).toBe("ทุกวันเสาร์ 16:00–22:00");
    expect(scheduleInThai("every Saturday and Sunday, 07:00-12:00")).toBe("ทุกวันเสาร์และวันอาทิตย์ 07:00–12:00");
    expect(() => scheduleInThai("the first Sunday of each month")).toThrow(/No Thai rendering/);
  });

  it("come with the fingerprints of every value version 1 seeded that version 2 changes", () => {
    expect(readSeedHistory()).toEqual(historyBetween(v1, v2, { groups: {}, products: {} }));
  });
});

describe("upgrading a version 1 database", () => {
  const mudmee = "chonnabot-mudmee";
  const krajood = "ban-thon-krajood";
  const coffee = v2.products.find((entry) => entry.title_en.startsWith("Highland arabica"))!;
  const mat = "ban-thon-krajood-krajood-mat";

  beforeAll(async () => {
    await emptyDatabase();
    await seedDemo(db(), { catalog: v1, history: { groups: {}, products: {} } });
    // Before the upgrade, groups work in their shop: one rewrites its story and sets its phone,
    // another changes a price and its stock; staff suspend a group.
    await db().occupationGroup.update({ where: { slug: krajood }, data: { storyTh: "เรื่องของกลุ่มเราที่เขียนเอง", phone: "0899999999" } });
    await db().product.update({ where: { slug: mat }, data: { priceSatang: 52_000, stock: 3 } });
    await db().occupationGroup.update({ where: { slug: "surin-silver" }, data: { verificationStatus: "SUSPENDED" } });
  });

  it("starts from version 1: no shipping, no contacts, no English names", async () => {
    const before = await group(mudmee);
    expect(before.shipping).toEqual([]);
    expect([before.phone, before.amphoeEn, before.communitySageEn, before.committee[0].nameEn]).toEqual([null, null, null, null]);
    expect(before.storyTh).toBe(v1.groups[0].story_th);
  });

  it("brings in what version 2 adds and keeps what groups and staff changed", async () => {
    const report = await seedDemo(db());
    const v2Mudmee = v2.groups.find((entry) => entry.slug === mudmee)!;

    const upgraded = await group(mudmee);
    expect(upgraded.storyTh).toBe(v2Mudmee.story_th);
    expect(upgraded.storyEn).toBe(v2Mudmee.story_en);
    expect([upgraded.amphoeEn, upgraded.tambonEn, upgraded.communitySageEn]).toEqual([v2Mudmee.amphoe_en, v2Mudmee.tambon_en, v2Mudmee.community_sage_en]);
    expect([upgraded.phone, upgraded.lineId, upgraded.facebookPage]).toEqual([v2Mudmee.contacts!.phone, v2Mudmee.contacts!.line_id, v2Mudmee.contacts!.facebook]);
    expect(upgraded.committee.map((member) => member.nameEn)).toEqual(v2Mudmee.committee.map((member) => member.name_en));
    expect(upgraded.shipping.map((method) => [method.kind, method.feeSatang, method.perExtraKgSatang, method.freeOverSatang, method.scheduleTh])).toEqual([
      ["PICKUP_CENTRE", 0, 0, null, null],
      ["THAILAND_POST_EMS", 5000, 2000, 200_000, null],
      ["COURIER_KERRY", 3800, 1500, null, null],
      ["PICKUP_MARKET", 0, 0, null, "ทุกวันเสาร์ 16:00–22:00"],
    ]);
    expect(upgraded.shipping[3].scheduleEn).toBe("every Saturday, 16:00-22:00");

    // A group renamed by version 2, and a product retitled by it, follow: the old values were the seed's.
    const renamed = v2.groups.find((entry, index) => entry.name_th !== v1.groups[index].name_th)!;
    expect((await group(renamed.slug)).nameTh).toBe(renamed.name_th);
    expect((await product(coffee.slug)).titleEn).toBe(coffee.title_en);
    const v2Mat = v2.products.find((entry) => entry.slug === mat)!;
    const matRow = await product(mat);
    expect([matRow.capacityPerWeek, matRow.unitCostSatang]).toEqual([v2Mat.capacity_per_week ?? null, v2Mat.unit_cost_satang]);
    const madeToOrder = v2.products.find((entry) => entry.capacity_per_week)!;
    expect((await product(madeToOrder.slug)).capacityPerWeek).toBe(madeToOrder.capacity_per_week);

    // What the group and staff changed is theirs.
    const own = await group(krajood);
    expect(own.storyTh).toBe("เรื่องของกลุ่มเราที่เขียนเอง");
    expect(own.phone).toBe("0899999999");
    expect(own.storyEn).toBe(v2.groups.find((entry) => entry.slug === krajood)!.story_en);
    expect([matRow.priceSatang, matRow.stock]).toEqual([52_000, 3]);
    expect((await group("surin-silver")).verificationStatus).toBe("SUSPENDED");
    expect(report.kept).toBe(5);
    expect(report.created).toEqual({ groups: 0, products: 0, shippingMethods: v2.groups.reduce((sum, entry) => sum + entry.shipping!.length, 0) });
    expect(report.updated.groups).toBe(30);

    // The running store's search index and cached pages follow the renamed group's and retitled products.
    const synced = (await db().outboxMessage.findMany({ where: { topic: "SEARCH_SYNC" } })).flatMap((message) => (message.payload as { productSlugs: string[] }).productSlugs);
    expect(synced).toContain(coffee.slug);
    expect(synced).toEqual(expect.arrayContaining(v2.products.filter((entry) => entry.group_slug === renamed.slug).map((entry) => entry.slug)));
  });

  it("is idempotent: a second run finds nothing to do", async () => {
    const snapshot = async () => ({
      groups: await db().occupationGroup.findMany({ orderBy: { slug: "asc" }, omit: { updatedAt: true } }),
      products: await db().product.findMany({ orderBy: { slug: "asc" }, omit: { updatedAt: true } }),
      committee: await db().committeeMember.count(),
      shipping: await db().shippingMethod.count(),
    });
    const before = await snapshot();
    const messages = await db().outboxMessage.count();
    const report = await seedDemo(db());
    expect(await db().outboxMessage.count()).toBe(messages);
    expect(report.created).toEqual({ groups: 0, products: 0, shippingMethods: 0 });
    expect(report.updated).toEqual({ groups: 0, products: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("leaves a group's own shipping list alone, even one it emptied of active methods", async () => {
    const { id } = await group(mudmee);
    await db().shippingMethod.updateMany({ where: { groupId: id }, data: { active: false } });
    await seedDemo(db());
    expect((await group(mudmee)).shipping.map((method) => method.active)).toEqual([false, false, false, false]);
  });
});
