/**
 * A group's products through its workspace routes: created as drafts, edited, duplicated,
 * published and archived, each change audited and followed by search and page caches; bad
 * prices, stock and capacity refused with a message and nothing changed; photos added,
 * reordered, made cover and removed (files no longer used are deleted); a preview of a draft
 * rendered as the product page; the English storefront falling back to Thai and saying so.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { productPage } from "~/modules/catalog/catalog.server";
import { localMediaDir } from "~/modules/media/storage.server";
import * as editRoute from "~/routes/($lang).groups.$slug_.manage.products.$productId";
import * as listRoute from "~/routes/($lang).groups.$slug_.manage.products._index";
import * as newRoute from "~/routes/($lang).groups.$slug_.manage.products.new";
import * as previewRoute from "~/routes/($lang).groups.$slug_.manage_.products.$productId.preview";
import { counts, fieldErrors, load, newGroup, newUser, post, upload } from "./group-fixtures";

let owner: { id: string; email: string };
let member: { id: string; email: string };
let group: { id: string; slug: string };

const base = () => `http://t/groups/${group.slug}/manage/products`;
const params = () => ({ slug: group.slug });

const form = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "save-product",
  titleTh: "เสื่อกกทดสอบ",
  titleEn: "",
  storyTh: "ทอจากกกในหนองน้ำของหมู่บ้าน",
  storyEn: "",
  category: "handicraft",
  price: "1,250.50",
  unitTh: "ผืน",
  unitEn: "mat",
  weightGrams: "900",
  stock: "3",
  unitCost: "400",
  certifications: ["otop"],
  ...overrides,
});

async function createProduct(overrides: Record<string, string | string[]> = {}) {
  const answer = await post(newRoute.action, owner.email, `${base()}/new`, params(), form(overrides));
  expect(answer.status, JSON.stringify(answer.data)).toBe(302);
  const id = answer.location!.split("/").pop()!.split("?")[0];
  return db().product.findUniqueOrThrow({ where: { id }, include: { certifications: { include: { certification: true } } } });
}

const edit = (productId: string, body: Record<string, string | string[]>, email = owner.email) =>
  post(editRoute.action, email, `${base()}/${productId}`, { ...params(), productId }, body);

function photo(seed: number) {
  // A colour of its own per run, so no other test's file is ever shared (files are content-addressed).
  const colour = { r: (seed * 53 + Date.now()) % 255, g: (seed * 97) % 255, b: (Date.now() / 7) % 255 };
  return sharp({ create: { width: 500, height: 400, channels: 3, background: colour } }).jpeg().toBuffer();
}

beforeAll(async () => {
  owner = await newUser("เจ้าของร้าน");
  member = await newUser("สมาชิก");
  const created = await newGroup(owner.id);
  group = created;
  await db().groupMembership.create({ data: { groupId: group.id, userId: member.id, role: "MEMBER" } });
  expect(await db().category.count({ where: { slug: "handicraft" } })).toBe(1);
});

describe("creating and editing a product", () => {
  it("makes a draft in satang, audited and sent to search", async () => {
    const since = new Date();
    const product = await createProduct();
    expect(product).toMatchObject({ status: "DRAFT", priceSatang: 125050, unitCostSatang: 40000, stock: 3, titleEn: "", groupId: group.id });
    expect(product.certifications.map((row) => row.certification.slug)).toEqual(["otop"]);
    expect(await db().auditLog.count({ where: { action: "product.create", subjectId: product.id, actorId: owner.id } })).toBe(1);
    const sync = await db().outboxMessage.findMany({ where: { topic: "SEARCH_SYNC", createdAt: { gte: since } } });
    expect(sync.some((message) => JSON.stringify(message.payload).includes(product.slug))).toBe(true);
  });

  it("refuses prices of zero, below zero and above the ceiling, negative stock and capacity, and made-to-order without its terms", async () => {
    const before = await counts();
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ price: "0" }, { price: ["productEditor.errors.price"] }],
      [{ price: "-5" }, { price: ["productEditor.errors.price"] }],
      [{ price: "1000000.01" }, { price: ["productEditor.errors.price"] }],
      [{ price: "ห้าร้อย" }, { price: ["productEditor.errors.price"] }],
      [{ stock: "-1" }, { stock: ["productEditor.errors.stock"] }],
      [{ madeToOrder: "on", leadTimeDays: "14", capacityPerWeek: "-3" }, { capacityPerWeek: ["productEditor.errors.capacity"] }],
      [{ madeToOrder: "on" }, { leadTimeDays: ["productEditor.errors.leadTime"], capacityPerWeek: ["productEditor.errors.capacity"] }],
      [{ category: "no-such-category" }, { category: ["productEditor.errors.category"] }],
    ];
    for (const [overrides, errors] of cases) {
      const answer = await post(newRoute.action, owner.email, `${base()}/new`, params(), form(overrides));
      expect(answer.status, JSON.stringify(overrides)).toBe(400);
      expect(fieldErrors(answer), JSON.stringify(overrides)).toEqual(errors);
    }
    // The ceiling itself is allowed.
    expect(await counts()).toEqual(before);
    const atCeiling = await createProduct({ price: "1000000" });
    expect(atCeiling.priceSatang).toBe(100_000_000);
  });

  it("edits, publishes, duplicates and archives; a member may look but not change", async () => {
    const product = await createProduct();
    expect((await edit(product.id, form({ price: "99", titleEn: "Sedge mat", madeToOrder: "on", leadTimeDays: "14", capacityPerWeek: "5" }))).status).toBe(302);
    const edited = await db().product.findUniqueOrThrow({ where: { id: product.id } });
    expect(edited).toMatchObject({ priceSatang: 9900, titleEn: "Sedge mat", madeToOrder: true, leadTimeDays: 14, capacityPerWeek: 5 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "product.update", subjectId: product.id } });
    expect(audit.details).toMatchObject({ before: { priceSatang: 125050, titleEn: "" }, after: { priceSatang: 9900, titleEn: "Sedge mat" } });

    const memberAnswer = await edit(product.id, form({ price: "1" }), member.email);
    expect(memberAnswer.status).toBe(403);
    expect((await load(editRoute.loader, member.email, `${base()}/${product.id}`, { ...params(), productId: product.id })).data).toMatchObject({ canEdit: false });

    expect((await edit(product.id, { intent: "set-status", status: "ACTIVE" })).status).toBe(302);
    expect((await productPage(product.slug))?.product.titleEn).toBe("Sedge mat");

    const copied = await edit(product.id, { intent: "duplicate" });
    const copyId = copied.location!.split("/").pop()!.split("?")[0];
    const copy = await db().product.findUniqueOrThrow({ where: { id: copyId }, include: { certifications: true } });
    expect(copy).toMatchObject({ status: "DRAFT", titleTh: "เสื่อกกทดสอบ (สำเนา)", titleEn: "Sedge mat (copy)", priceSatang: 9900, groupId: group.id });
    expect(copy.slug).not.toBe(product.slug);
    expect(copy.certifications).toHaveLength(1);

    await edit(product.id, { intent: "set-status", status: "ARCHIVED" });
    expect(await productPage(product.slug)).toBeNull();
    const list = await load(listRoute.loader, owner.email, `${base()}?status=ARCHIVED`, params());
    expect((list.data!.products as { id: string }[]).map((row) => row.id)).toContain(product.id);
  });

  it("answers a product of another group with 404 and changes nothing", async () => {
    const other = await db().product.findFirstOrThrow({ where: { groupId: { not: group.id } } });
    const before = await db().product.findUniqueOrThrow({ where: { id: other.id } });
    expect((await edit(other.id, form({ price: "1" }))).status).toBe(404);
    expect((await edit(other.id, { intent: "set-status", status: "ARCHIVED" })).status).toBe(404);
    expect((await load(previewRoute.loader, owner.email, `${base()}/${other.id}/preview`, { ...params(), productId: other.id })).status).toBe(404);
    expect(await db().product.findUniqueOrThrow({ where: { id: other.id } })).toEqual(before);
  });

  it("works out the surplus without saving when asked without JavaScript", async () => {
    const product = await createProduct();
    const answer = await edit(product.id, form({ intent: "calculate", price: "500", unitCost: "620" }));
    expect(answer.data).toMatchObject({ calculated: { priceSatang: 50000, costSatang: 62000 } });
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).priceSatang).toBe(125050);
  });
});

describe("a product's photos", () => {
  it("are added, reordered, made cover and removed; a removed photo's files go when nothing uses them", async () => {
    const product = await createProduct();
    const url = `${base()}/${product.id}`;
    const routeParams = { ...params(), productId: product.id };
    const add = async (seed: number) =>
      upload(editRoute.action, owner.email, url, routeParams, { intent: "add-photo" }, { field: "photo", bytes: await photo(seed), name: `IMG_${seed}.jpg`, type: "image/jpeg" });
    expect((await add(1)).data).toMatchObject({ saved: true });
    expect((await add(2)).data).toMatchObject({ saved: true });
    const photos = async () => db().productImage.findMany({ where: { productId: product.id }, orderBy: { position: "asc" }, include: { image: true } });
    const [second, first] = await photos(); // the newest photo comes first
    expect((await photos()).map((row) => row.position)).toEqual([0, 1]);

    await edit(product.id, { intent: "photo-down", photoId: second.id });
    expect((await photos()).map((row) => row.id)).toEqual([first.id, second.id]);
    await edit(product.id, { intent: "photo-cover", photoId: second.id });
    expect((await photos()).map((row) => row.id)).toEqual([second.id, first.id]);
    await edit(product.id, { intent: "photo-up", photoId: first.id });
    expect((await photos()).map((row) => row.id)).toEqual([first.id, second.id]);
    expect(await db().auditLog.count({ where: { subjectId: product.id, action: { in: ["product.image.down", "product.image.cover", "product.image.up"] } } })).toBe(3);

    // A photo of another product is not this product's.
    const foreign = await db().productImage.findFirstOrThrow({ where: { productId: { not: product.id } } });
    expect((await edit(product.id, { intent: "photo-remove", photoId: foreign.id })).status).toBe(404);

    const mediaDir = localMediaDir(config());
    const keys = (second.image.variants as { key: string }[]).map((variant) => variant.key);
    expect(keys.every((key) => fs.existsSync(path.join(mediaDir, key)))).toBe(true);
    expect((await edit(product.id, { intent: "photo-remove", photoId: second.id })).status).toBe(302);
    expect((await photos()).map((row) => [row.id, row.position])).toEqual([[first.id, 0]]);
    expect(await db().image.findUnique({ where: { id: second.imageId } })).toBeNull();
    expect(keys.some((key) => fs.existsSync(path.join(mediaDir, key)))).toBe(false);
    expect(fs.existsSync(path.join(mediaDir, second.image.storageKey, "manifest.json"))).toBe(false);

    // A shared image (a duplicate's photo) stays while the copy uses it.
    const copied = await edit(product.id, { intent: "duplicate" });
    const copyId = copied.location!.split("/").pop()!.split("?")[0];
    await edit(product.id, { intent: "photo-remove", photoId: first.id });
    expect(await db().image.findUnique({ where: { id: first.imageId } })).not.toBeNull();
    expect(await db().productImage.count({ where: { productId: copyId } })).toBe(1);
  });

  it("never collide when two are uploaded at once, and stop at eight", async () => {
    const product = await createProduct();
    const url = `${base()}/${product.id}`;
    const routeParams = { ...params(), productId: product.id };
    const add = async (seed: number) =>
      upload(editRoute.action, owner.email, url, routeParams, { intent: "add-photo" }, { field: "photo", bytes: await photo(seed), name: "p.jpg", type: "image/jpeg" });
    const both = await Promise.all([add(11), add(12)]);
    expect(both.map((answer) => answer.data?.saved)).toEqual([true, true]);
    expect((await db().productImage.findMany({ where: { productId: product.id }, orderBy: { position: "asc" } })).map((row) => row.position)).toEqual([0, 1]);
    for (let seed = 13; seed < 19; seed++) await add(seed);
    expect(await db().productImage.count({ where: { productId: product.id } })).toBe(8);
    const ninth = await add(19);
    expect(ninth).toMatchObject({ status: 409, data: { error: "media.errors.tooManyPhotos" } });
    expect(await db().productImage.count({ where: { productId: product.id } })).toBe(8);
  });
});

describe("what buyers see", () => {
  it("previews a draft exactly as the product page, marked and never indexed", async () => {
    const product = await createProduct();
    const answer = await load(previewRoute.loader, member.email, `${base()}/${product.id}/preview`, { ...params(), productId: product.id });
    expect(answer.data).toMatchObject({ product: { slug: product.slug, titleTh: "เสื่อกกทดสอบ" }, breakdown: { priceSatang: 125050 } });
    expect(await productPage(product.slug)).toBeNull();
    const stranger = await newUser("คนนอก");
    expect((await load(previewRoute.loader, stranger.email, `${base()}/${product.id}/preview`, { ...params(), productId: product.id })).status).toBe(403);

    // Never indexed, never kept by a shared cache.
    expect(previewRoute.headers({} as never)).toMatchObject({ "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" });
  });

  it("keeps an empty English title and story (the storefront then shows the Thai)", async () => {
    const product = await createProduct();
    await edit(product.id, { intent: "set-status", status: "ACTIVE" });
    const page = await productPage(product.slug);
    expect(page?.product).toMatchObject({ titleEn: "", storyEn: "" });
    // The page itself renders the fallback (app/components/localized-text.test.tsx renders it).
  });
});
