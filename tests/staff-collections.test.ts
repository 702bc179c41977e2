/**
 * Curated collections from the staff console: the home page shows only published collections
 * inside their schedule, in staff's order; every change reaches page caches through the outbox;
 * bad input (a foreign product in a new order, a missing collection, an invisible product, an
 * end before the start) is refused with a clear message and changes nothing.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { homeCollections } from "~/modules/curation/collections.server";
import { reorderCollection, reorderCollections, updateCollection } from "~/modules/curation/collections-admin.server";
import { CurationError } from "~/modules/curation/errors";
import * as listRoute from "~/routes/($lang).staff.collections._index";
import * as collectionRoute from "~/routes/($lang).staff.collections.$slug";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs, userByEmail } from "./helpers";
import { outcome } from "./route-calls";

const staff = demoAccounts.staff.email;
const context = { clientAddress: "127.0.0.1" };
const hour = 3_600_000;

async function post(slug: string, form: Record<string, string>, lang?: string) {
  const path = `${lang ? `/${lang}` : ""}/staff/collections/${slug}`;
  const request = await requestAs(staff, `http://t${path}`, { form });
  return outcome(() => collectionRoute.action({ request, params: { slug, ...(lang ? { lang } : {}) }, context }));
}

/** Posts a form whose field `order` repeats, as the reorder list sends it. */
async function postOrder(slug: string, ids: string[]) {
  const request = await requestAs(staff, `http://t/staff/collections/${slug}`, { form: { intent: "reorder-products" } });
  const body = new URLSearchParams(await request.text());
  for (const id of ids) body.append("order", id);
  return outcome(() =>
    collectionRoute.action({ request: new Request(request.url, { method: "POST", headers: request.headers, body }), params: { slug }, context }),
  );
}

async function snapshot(collectionId: string) {
  const [items, audits, messages] = await Promise.all([
    db().collectionItem.findMany({ where: { collectionId }, orderBy: { position: "asc" }, select: { productId: true, position: true } }),
    db().auditLog.count(),
    db().outboxMessage.count(),
  ]);
  return { items, audits, messages };
}

async function visibleProductIds(count: number, skip = 0) {
  const rows = await db().product.findMany({ where: { status: "ACTIVE", hiddenAt: null }, orderBy: { slug: "asc" }, skip, take: count, select: { id: true } });
  return rows.map((row) => row.id);
}

async function createThroughConsole(titleEn: string) {
  const request = await requestAs(staff, "http://t/staff/collections", { form: { intent: "create", titleTh: "ของฝากปีใหม่", titleEn } });
  const got = await outcome(() => listRoute.action({ request, params: {}, context }));
  expect(got.status).toBe(302);
  const slug = got.location!.split("/").pop()!;
  return db().collection.findUniqueOrThrow({ where: { slug } });
}

describe("the home page's collections", () => {
  it("shows only published collections whose schedule includes now, in staff's order", async () => {
    const now = new Date("2026-12-01T05:00:00Z");
    const [a, b, c] = await visibleProductIds(3);
    const make = (slug: string, position: number, data: { published?: boolean; startsAt?: Date; endsAt?: Date }) =>
      db().collection.create({
        data: { slug, titleTh: slug, titleEn: slug, position: -100 + position, published: true, ...data, items: { create: [{ productId: a, position: 0 }, { productId: b, position: 1 }, { productId: c, position: 2 }] } },
      });
    await make("window-open", 2, { startsAt: new Date(now.getTime() - hour), endsAt: new Date(now.getTime() + hour) });
    await make("starts-exactly-now", 1, { startsAt: now });
    await make("not-yet", 0, { startsAt: new Date(now.getTime() + 1000) });
    await make("ended", 0, { endsAt: now });
    await make("unpublished", 0, { published: false });

    const shown = (await homeCollections({ itemsEach: 8, now })).map((collection) => collection.slug);
    expect(shown.slice(0, 2)).toEqual(["starts-exactly-now", "window-open"]);
    expect(shown).not.toContain("not-yet");
    expect(shown).not.toContain("ended");
    expect(shown).not.toContain("unpublished");
    // The same collections, an hour and a second later: the window has closed, the later one has begun.
    const later = (await homeCollections({ itemsEach: 8, now: new Date(now.getTime() + hour + 1000) })).map((collection) => collection.slug);
    expect(later).toContain("not-yet");
    expect(later).not.toContain("window-open");
  });
});

describe("staff editing a collection", () => {
  it("creates, fills, orders, schedules and publishes one; each change is audited and reaches page caches", async () => {
    const collection = await createThroughConsole("New Year gifts");
    expect(collection.slug).toBe("new-year-gifts");
    expect(collection.published).toBe(false);
    const [first, second] = await visibleProductIds(2, 10);
    expect((await post(collection.slug, { intent: "add-product", productId: first })).status).toBe(200);
    expect((await post(collection.slug, { intent: "add-product", productId: second })).status).toBe(200);
    expect((await post(collection.slug, { intent: "move-product", productId: second, offset: "-1" })).status).toBe(200);
    expect((await snapshot(collection.id)).items.map((item) => item.productId)).toEqual([second, first]);

    const pageCaches = await db().outboxMessage.count({ where: { topic: "PAGE_CACHE", payload: { equals: { reason: "collections" } } } });
    const start = new Date(Date.now() + 2 * hour);
    const local = new Date(start.getTime() + 7 * hour).toISOString().slice(0, 16);
    const update = await post(collection.slug, { intent: "update", titleTh: "ของฝากปีใหม่", titleEn: "New Year gifts", startsAt: local, endsAt: "" });
    expect(update.status).toBe(200);
    const saved = await db().collection.findUniqueOrThrow({ where: { id: collection.id } });
    expect(saved.startsAt?.toISOString()).toBe(new Date(Math.floor(start.getTime() / 60_000) * 60_000).toISOString());
    // Now, and once more when the schedule starts, so cached home pages show it on time.
    const scheduled = await db().outboxMessage.findMany({ where: { topic: "PAGE_CACHE", availableAt: { gt: new Date(Date.now() + hour) } } });
    expect(scheduled.map((message) => message.availableAt.toISOString())).toContain(saved.startsAt!.toISOString());
    expect(await db().outboxMessage.count({ where: { topic: "PAGE_CACHE", payload: { equals: { reason: "collections" } } } })).toBeGreaterThan(pageCaches);

    expect((await post(collection.slug, { intent: "publish" })).status).toBe(200);
    expect((await db().collection.findUniqueOrThrow({ where: { id: collection.id } })).published).toBe(true);
    // Published, but not before its start.
    expect((await homeCollections({ itemsEach: 8 })).map((c) => c.slug)).not.toContain(collection.slug);
    const atStart = await homeCollections({ itemsEach: 8, now: saved.startsAt! });
    expect(atStart.find((c) => c.slug === collection.slug)?.products.map((p) => p.id)).toEqual([second, first]);

    const actions = await db().auditLog.findMany({ where: { subjectId: collection.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((row) => row.action)).toEqual([
      "collection.create",
      "collection.product.add",
      "collection.product.add",
      "collection.reorder",
      "collection.update",
      "collection.publish",
    ]);
  });

  it("refuses a new order naming a product that is not in the collection, and changes nothing", async () => {
    const collection = await createThroughConsole("Refused order");
    const [a, b, stranger] = await visibleProductIds(3, 20);
    await post(collection.slug, { intent: "add-product", productId: a });
    await post(collection.slug, { intent: "add-product", productId: b });
    const before = await snapshot(collection.id);

    for (const order of [[b, stranger], [b, a, stranger], [b], [a, a]]) {
      const got = await postOrder(collection.slug, order);
      expect(got.status, order.join()).toBe(400);
      expect(got.body).toMatchObject({ error: "console.collections.errors.orderMismatch" });
    }
    expect(await snapshot(collection.id)).toEqual(before);

    const actor = await userByEmail(staff);
    await expect(reorderCollection({ collectionId: collection.id, productIds: [b, stranger], actorId: actor.id })).rejects.toMatchObject({ reason: "orderMismatch" });
    await expect(reorderCollections({ collectionIds: [collection.id], actorId: actor.id })).rejects.toMatchObject({ reason: "orderMismatch" });
    expect(await snapshot(collection.id)).toEqual(before);

    // The right set in a new order is taken.
    expect((await postOrder(collection.slug, [b, a])).status).toBe(200);
    expect((await snapshot(collection.id)).items.map((item) => item.productId)).toEqual([b, a]);
  });

  it("answers other bad input with a clear message in the reader's language and changes nothing", async () => {
    const collection = await createThroughConsole("Bad input");
    const [a] = await visibleProductIds(1, 30);
    await post(collection.slug, { intent: "add-product", productId: a });
    const hidden = await db().product.update({ where: { id: (await visibleProductIds(1, 31))[0] }, data: { hiddenAt: new Date(), hiddenReason: "x" } });
    const before = await snapshot(collection.id);

    const cases: [Record<string, string>, number, string][] = [
      [{ intent: "add-product", productId: hidden.id }, 404, "console.collections.errors.productNotFound"],
      [{ intent: "add-product", productId: "no-such-product" }, 404, "console.collections.errors.productNotFound"],
      [{ intent: "add-product", productId: a }, 409, "console.collections.errors.alreadyInCollection"],
      [{ intent: "remove-product", productId: "not-in-it" }, 404, "console.collections.errors.notInCollection"],
      [{ intent: "move-product", productId: "not-in-it", offset: "1" }, 404, "console.collections.errors.notInCollection"],
    ];
    for (const [form, status, error] of cases) {
      const got = await post(collection.slug, form);
      expect(got.status, form.intent).toBe(status);
      expect(got.body).toMatchObject({ error });
    }
    const schedule = await post(collection.slug, { intent: "update", titleTh: "ก", titleEn: "a", startsAt: "2026-12-02T10:00", endsAt: "2026-12-02T09:00" });
    expect(schedule.status).toBe(400);
    expect(schedule.body).toMatchObject({ result: { error: { endsAt: ["console.collections.errors.scheduleOrder"] } } });
    const noTitle = await post(collection.slug, { intent: "update", titleTh: " ", titleEn: "a" });
    expect(noTitle.body).toMatchObject({ result: { error: { titleTh: ["console.collections.titleRequired"] } } });

    const missing = await post("no-such-collection", { intent: "publish" }, "en");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: "console.collections.errors.collectionNotFound" });
    const loader = await outcome(async () =>
      collectionRoute.loader({ request: await requestAs(staff, "http://t/staff/collections/no-such-collection"), params: { slug: "no-such-collection" }, context }),
    );
    expect(loader.status).toBe(404);

    expect(await snapshot(collection.id)).toEqual(before);
    const actor = await userByEmail(staff);
    await expect(
      updateCollection({ collectionId: collection.id, titleTh: "ก", titleEn: "a", descriptionTh: null, descriptionEn: null, startsAt: new Date(10), endsAt: new Date(5), actorId: actor.id }),
    ).rejects.toBeInstanceOf(CurationError);
  });
});
