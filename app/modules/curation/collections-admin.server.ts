/**
 * Staff editing collections: names, schedule, publishing, which products and in what order, and
 * the order of collections on the home page. Every change is one transaction holding its audit
 * record and a PAGE_CACHE message, so the home page follows at once on every instance; a refused
 * change (CurationError) writes nothing. Only products buyers can see may be added.
 */
import { db, type Tx } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isVisibleProduct, visibleProducts } from "~/modules/catalog/visibility";
import { enqueue } from "~/modules/outbox/outbox.server";
import { CurationError } from "./errors";
import { isReorderOf, moveBy } from "./order";

export type CollectionText = { titleTh: string; titleEn: string; descriptionTh: string | null; descriptionEn: string | null };

// ───── reading, for the console ─────

export function collectionsForStaff(client: Client = db()) {
  return client.collection.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, titleTh: true, titleEn: true, published: true, startsAt: true, endsAt: true, _count: { select: { items: true } } },
  });
}

export async function collectionForStaff(slug: string, client: Client = db()) {
  const collection = await client.collection.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      titleTh: true,
      titleEn: true,
      descriptionTh: true,
      descriptionEn: true,
      published: true,
      startsAt: true,
      endsAt: true,
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          product: {
            select: { id: true, slug: true, titleTh: true, titleEn: true, status: true, hiddenAt: true, group: { select: { nameTh: true, nameEn: true, verificationStatus: true } } },
          },
        },
      },
    },
  });
  if (!collection) return null;
  const { items, ...fields } = collection;
  return { ...fields, products: items.map(({ product }) => ({ ...product, visible: isVisibleProduct(product) })) };
}

/** Products buyers can see that are not in the collection yet, matching `q` (title, slug or group name). */
export function productsToAdd({ collectionId, q, limit = 12 }: { collectionId: string; q: string; limit?: number }, client: Client = db()) {
  const text = q.trim();
  const contains = { contains: text, mode: "insensitive" as const };
  return client.product.findMany({
    where: {
      ...visibleProducts,
      collectionItems: { none: { collectionId } },
      ...(text ? { OR: [{ titleTh: contains }, { titleEn: contains }, { slug: contains }, { group: { nameTh: contains } }, { group: { nameEn: contains } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, slug: true, titleTh: true, titleEn: true, group: { select: { nameTh: true, nameEn: true } } },
  });
}

// ───── changing ─────

type Actor = { actorId: string };

export async function createCollection(input: CollectionText & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const slug = await freeSlug(tx, slugify(input.titleEn));
    const last = await tx.collection.aggregate({ _max: { position: true } });
    const { actorId, ...text } = input;
    const collection = await tx.collection.create({ data: { ...text, slug, position: (last._max.position ?? -1) + 1, published: false }, select: { id: true, slug: true } });
    await recordAudit(tx, { actorId, action: "collection.create", subjectType: "Collection", subjectId: collection.id, after: { slug, ...text } });
    return collection;
  });
}

/** Names, description and schedule. Unpublished collections may be edited freely; nothing shows until published. */
export async function updateCollection(input: { collectionId: string; startsAt: Date | null; endsAt: Date | null } & CollectionText & Actor, client?: Client) {
  if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) throw new CurationError("scheduleOrder");
  return inTransaction(client, async (tx) => {
    const before = await lockedCollection(tx, input.collectionId);
    const { actorId, collectionId, ...after } = input;
    const fields = Object.keys(after) as (keyof typeof after)[];
    const differs = fields.filter((key) => String(before[key] ?? "") !== String(after[key] ?? ""));
    if (differs.length === 0) return;
    await tx.collection.update({ where: { id: collectionId }, data: after });
    await recordAudit(tx, {
      actorId,
      action: "collection.update",
      subjectType: "Collection",
      subjectId: collectionId,
      before: pickJson(before, differs),
      after: pickJson(after, differs),
    });
    await collectionsChanged(tx, { id: collectionId, ...after });
  });
}

export async function setCollectionPublished(input: { collectionId: string; published: boolean } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const before = await lockedCollection(tx, input.collectionId);
    if (before.published === input.published) return;
    await tx.collection.update({ where: { id: input.collectionId }, data: { published: input.published } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.published ? "collection.publish" : "collection.unpublish",
      subjectType: "Collection",
      subjectId: input.collectionId,
      before: { published: before.published },
      after: { published: input.published },
    });
    await collectionsChanged(tx, before);
  });
}

export async function addToCollection(input: { collectionId: string; productId: string } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const collection = await lockedCollection(tx, input.collectionId);
    const product = await tx.product.findFirst({ where: { id: input.productId, ...visibleProducts }, select: { id: true, slug: true } });
    if (!product) throw new CurationError("productNotFound");
    const items = await itemsOf(tx, input.collectionId);
    if (items.some((item) => item.productId === product.id)) throw new CurationError("alreadyInCollection");
    await tx.collectionItem.create({ data: { collectionId: input.collectionId, productId: product.id, position: items.length } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "collection.product.add",
      subjectType: "Collection",
      subjectId: input.collectionId,
      before: { products: items.map((item) => item.product.slug) },
      after: { products: [...items.map((item) => item.product.slug), product.slug] },
    });
    await collectionsChanged(tx, collection);
  });
}

export async function removeFromCollection(input: { collectionId: string; productId: string } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const collection = await lockedCollection(tx, input.collectionId);
    const items = await itemsOf(tx, input.collectionId);
    const removed = items.find((item) => item.productId === input.productId);
    if (!removed) throw new CurationError("notInCollection");
    await tx.collectionItem.delete({ where: { id: removed.id } });
    const kept = items.filter((item) => item !== removed);
    await writePositions(tx, kept.map((item) => item.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "collection.product.remove",
      subjectType: "Collection",
      subjectId: input.collectionId,
      before: { products: items.map((item) => item.product.slug) },
      after: { products: kept.map((item) => item.product.slug) },
    });
    await collectionsChanged(tx, collection);
  });
}

/**
 * Puts the collection's products in the order of `productIds`, which must name every product in
 * it exactly once: a list with another product, or one missing (someone else changed the
 * collection meanwhile), is refused and nothing changes.
 */
export async function reorderCollection(input: { collectionId: string; productIds: readonly string[] } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const collection = await lockedCollection(tx, input.collectionId);
    const items = await itemsOf(tx, input.collectionId);
    if (!isReorderOf(items.map((item) => item.productId), input.productIds)) throw new CurationError("orderMismatch");
    const byProduct = new Map(items.map((item) => [item.productId, item]));
    const ordered = input.productIds.map((id) => byProduct.get(id)!);
    if (ordered.every((item, index) => item === items[index])) return;
    await writePositions(tx, ordered.map((item) => item.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "collection.reorder",
      subjectType: "Collection",
      subjectId: input.collectionId,
      before: { products: items.map((item) => item.product.slug) },
      after: { products: ordered.map((item) => item.product.slug) },
    });
    await collectionsChanged(tx, collection);
  });
}

/** One product one place up (−1) or down (+1): the move-up/move-down buttons. */
export async function moveInCollection(input: { collectionId: string; productId: string; offset: -1 | 1 } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    await lockedCollection(tx, input.collectionId);
    const ids = (await itemsOf(tx, input.collectionId)).map((item) => item.productId);
    const productIds = moveBy(ids, input.productId, input.offset);
    if (!productIds) throw new CurationError("notInCollection");
    await reorderCollection({ collectionId: input.collectionId, productIds, actorId: input.actorId }, tx);
  });
}

/** The home page's order of collections; `collectionIds` must name every collection exactly once. */
export async function reorderCollections(input: { collectionIds: readonly string[] } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const current = await lockedCollectionOrder(tx);
    if (!isReorderOf(current.map((row) => row.id), input.collectionIds)) throw new CurationError("orderMismatch");
    if (current.every((row, index) => row.id === input.collectionIds[index])) return;
    for (const [position, id] of input.collectionIds.entries()) await tx.collection.update({ where: { id }, data: { position } });
    const slugs = new Map(current.map((row) => [row.id, row.slug]));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "collections.reorder",
      subjectType: "Collection",
      subjectId: "home",
      before: { collections: current.map((row) => row.slug) },
      after: { collections: input.collectionIds.map((id) => slugs.get(id)!) },
    });
    await enqueue(tx, "PAGE_CACHE", { reason: "collections" });
  });
}

export async function moveCollection(input: { collectionId: string; offset: -1 | 1 } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const ids = (await lockedCollectionOrder(tx)).map((row) => row.id);
    const collectionIds = moveBy(ids, input.collectionId, input.offset);
    if (!collectionIds) throw new CurationError("collectionNotFound");
    await reorderCollections({ collectionIds, actorId: input.actorId }, tx);
  });
}

// ───── helpers ─────

/** The collection, locked until the transaction ends, so two staff editing it take turns. */
async function lockedCollection(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Collection" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw new CurationError("collectionNotFound");
  return tx.collection.findUniqueOrThrow({
    where: { id },
    select: { id: true, titleTh: true, titleEn: true, descriptionTh: true, descriptionEn: true, published: true, startsAt: true, endsAt: true },
  });
}

async function lockedCollectionOrder(tx: Tx) {
  await tx.$queryRaw`SELECT id FROM "Collection" ORDER BY id FOR UPDATE`;
  return tx.collection.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { id: true, slug: true } });
}

function itemsOf(tx: Tx, collectionId: string) {
  return tx.collectionItem.findMany({
    where: { collectionId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, productId: true, product: { select: { slug: true } } },
  });
}

async function writePositions(tx: Tx, itemIds: readonly string[]) {
  for (const [position, id] of itemIds.entries()) await tx.collectionItem.update({ where: { id }, data: { position } });
}

/**
 * The home page must show the change now, and again when a schedule boundary passes: a cached
 * page would otherwise keep showing (or hiding) the collection for up to PAGE_CACHE_SECONDS.
 */
async function collectionsChanged(tx: Tx, collection: { id: string; startsAt: Date | null; endsAt: Date | null }) {
  await enqueue(tx, "PAGE_CACHE", { reason: "collections" });
  const now = Date.now();
  for (const at of [collection.startsAt, collection.endsAt]) {
    if (at && at.getTime() > now) {
      await enqueue(tx, "PAGE_CACHE", { reason: "collections" }, { availableAt: at, dedupeKey: `collection-schedule:${collection.id}:${at.toISOString()}` });
    }
  }
}

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "collection"
  );
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set((await tx.collection.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function pickJson<T extends Record<string, unknown>>(row: T, keys: readonly string[]) {
  return Object.fromEntries(keys.map((key) => [key, row[key] instanceof Date ? (row[key] as Date).toISOString() : ((row[key] as string | null) ?? null)]));
}
