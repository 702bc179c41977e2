/**
 * A group's products as it writes them: create, edit, duplicate, and move between draft, active
 * and archived. Every product is reached through `productOfGroup` (the acting group's own), every
 * change is audited and tells search and the page caches (`productsChanged`) in the same
 * transaction, so the storefront follows at once and a rollback leaves no trace.
 */
import crypto from "node:crypto";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import type { ProductStatus } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import { tellFollowersOfNewProduct } from "~/modules/follows/follows.server";
import { provinceSlugOf } from "~/modules/groups/provinces";
import { productsChanged } from "./changes.server";
import { productOfGroup } from "./group-products.server";
import { CAPACITY_MAX, LEAD_TIME_MAX_DAYS, PRICE_MAX_SATANG, STOCK_MAX, WEIGHT_MAX_GRAMS } from "./limits";
import type { ProductForm } from "./product-form";

/** A value the catalog will not take; `field` names the form field (its message is `productEditor.errors.<field>`). */
export class InvalidProductError extends Error {
  readonly name = "InvalidProductError";
  constructor(readonly field: "price" | "cost" | "stock" | "leadTime" | "capacity" | "weight" | "category") {
    super(`Invalid product ${field}`);
  }
}

const within = (value: number | undefined, min: number, max: number) => value === undefined || (Number.isInteger(value) && value >= min && value <= max);

/** The catalog's own limits, whatever the form checked before. */
function check(input: ProductForm) {
  if (!within(input.price, 1, PRICE_MAX_SATANG)) throw new InvalidProductError("price");
  if (!within(input.unitCost, 0, PRICE_MAX_SATANG)) throw new InvalidProductError("cost");
  if (!within(input.stock, 0, STOCK_MAX)) throw new InvalidProductError("stock");
  if (!within(input.weightGrams, 1, WEIGHT_MAX_GRAMS)) throw new InvalidProductError("weight");
  if (input.madeToOrder && (input.leadTimeDays === undefined || !within(input.leadTimeDays, 1, LEAD_TIME_MAX_DAYS))) throw new InvalidProductError("leadTime");
  if (input.madeToOrder && (input.capacityPerWeek === undefined || !within(input.capacityPerWeek, 1, CAPACITY_MAX))) throw new InvalidProductError("capacity");
}

/** The columns a form sets (certifications and category are linked separately). */
function columnsOf(input: ProductForm, categoryId: string) {
  return {
    categoryId,
    titleTh: input.titleTh,
    titleEn: input.titleEn ?? "",
    storyTh: input.storyTh,
    storyEn: input.storyEn ?? "",
    priceSatang: input.price,
    unitTh: input.unitTh,
    unitEn: input.unitEn ?? "",
    weightGrams: input.weightGrams,
    stock: input.stock,
    madeToOrder: Boolean(input.madeToOrder),
    leadTimeDays: input.madeToOrder ? (input.leadTimeDays ?? null) : null,
    capacityPerWeek: input.madeToOrder ? (input.capacityPerWeek ?? null) : null,
    unitCostSatang: input.unitCost ?? null,
  };
}

async function categoryIdOf(client: Client, slug: string) {
  const category = await client.category.findUnique({ where: { slug }, select: { id: true } });
  if (!category) throw new InvalidProductError("category");
  return category.id;
}

async function linkCertifications(client: Client, productId: string, slugs: readonly string[]) {
  const known = await client.certification.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true, slug: true } });
  await client.productCertification.deleteMany({ where: { productId } });
  await client.productCertification.createMany({ data: known.map((certification) => ({ productId, certificationId: certification.id })) });
  return known.map((certification) => certification.slug).sort();
}

/** A new, unused slug: the English title's words when there are some, else the group's slug. */
async function freeProductSlug(client: Client, groupSlug: string, titleEn: string) {
  const stem = (provinceSlugOf(titleEn) ? `${groupSlug}-${provinceSlugOf(titleEn)}` : `${groupSlug}-product`).slice(0, 100).replace(/-+$/, "");
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = attempt === 0 ? stem : `${stem}-${crypto.randomBytes(3).toString("hex")}`;
    if (!(await client.product.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
  return `${stem}-${crypto.randomBytes(8).toString("hex")}`;
}

/** A new product of the group, as a draft (buyers see nothing until it is made active). */
export async function createProduct(input: { groupId: string; actorId: string; product: ProductForm }, client?: Client) {
  check(input.product);
  return inTransaction(client, async (tx) => {
    const group = await tx.occupationGroup.findUniqueOrThrow({ where: { id: input.groupId }, select: { slug: true } });
    const categoryId = await categoryIdOf(tx, input.product.category);
    const slug = await freeProductSlug(tx, group.slug, input.product.titleEn ?? "");
    const created = await tx.product.create({
      data: { ...columnsOf(input.product, categoryId), slug, groupId: input.groupId, productType: input.product.category, status: "DRAFT" },
      select: { id: true, slug: true },
    });
    const certifications = await linkCertifications(tx, created.id, input.product.certifications ?? []);
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "product.create",
      subjectType: "Product",
      subjectId: created.id,
      after: { ...columnsOf(input.product, categoryId), certifications },
    });
    await productsChanged(tx, [created.slug]);
    return created;
  });
}

const editableSelect = {
  id: true,
  slug: true,
  categoryId: true,
  titleTh: true,
  titleEn: true,
  storyTh: true,
  storyEn: true,
  priceSatang: true,
  unitTh: true,
  unitEn: true,
  weightGrams: true,
  stock: true,
  madeToOrder: true,
  leadTimeDays: true,
  capacityPerWeek: true,
  unitCostSatang: true,
  status: true,
  certifications: { select: { certification: { select: { slug: true } } } },
} as const;

export async function updateProduct(input: { groupId: string; actorId: string; productId: string; product: ProductForm }, client?: Client) {
  check(input.product);
  return inTransaction(client, async (tx) => {
    const current = await productOfGroup(tx, { groupId: input.groupId, productId: input.productId, lock: true }, editableSelect);
    const categoryId = await categoryIdOf(tx, input.product.category);
    const next = columnsOf(input.product, categoryId);
    await tx.product.update({ where: { id: current.id }, data: next });
    const certifications = await linkCertifications(tx, current.id, input.product.certifications ?? []);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (current[key] !== next[key]) [before[key], after[key]] = [current[key], next[key]];
    }
    const previous = current.certifications.map((row) => row.certification.slug).sort();
    if (previous.join() !== certifications.join()) [before.certifications, after.certifications] = [previous, certifications];
    await recordAudit(tx, { actorId: input.actorId, groupId: input.groupId, action: "product.update", subjectType: "Product", subjectId: current.id, before: before as never, after: after as never });
    await productsChanged(tx, [current.slug]);
    return { id: current.id, slug: current.slug };
  });
}

/** A copy to start a similar product from: a draft with the same texts, terms, photos and certifications. */
export async function duplicateProduct(input: { groupId: string; actorId: string; productId: string; copyTh: string; copyEn: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const source = await productOfGroup(tx, { groupId: input.groupId, productId: input.productId, lock: true }, {
      ...editableSelect,
      productType: true,
      group: { select: { slug: true } },
      images: { orderBy: { position: "asc" }, select: { imageId: true, position: true, altTh: true, altEn: true } },
    });
    const { id: _id, slug: _slug, status: _status, certifications, group, images, ...columns } = source;
    const slug = await freeProductSlug(tx, group.slug, source.titleEn);
    const copy = await tx.product.create({
      data: {
        ...columns,
        slug,
        groupId: input.groupId,
        titleTh: `${source.titleTh} ${input.copyTh}`.slice(0, 200),
        titleEn: source.titleEn ? `${source.titleEn} ${input.copyEn}`.slice(0, 200) : "",
        status: "DRAFT",
        images: { create: images.map(({ imageId, position, altTh, altEn }) => ({ imageId, position, altTh, altEn })) },
      },
      select: { id: true, slug: true },
    });
    await linkCertifications(tx, copy.id, certifications.map((row) => row.certification.slug));
    await recordAudit(tx, { actorId: input.actorId, groupId: input.groupId, action: "product.duplicate", subjectType: "Product", subjectId: copy.id, details: { from: source.id } });
    await productsChanged(tx, [copy.slug]);
    return copy;
  });
}

/** Draft → active (buyers see it, once the group is verified) → archived (gone from the store, kept for orders). */
export async function setProductStatus(input: { groupId: string; actorId: string; productId: string; status: ProductStatus }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const product = await productOfGroup(tx, { groupId: input.groupId, productId: input.productId, lock: true }, { id: true, slug: true, status: true });
    if (product.status === input.status) return product;
    await tx.product.update({ where: { id: product.id }, data: { status: input.status } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "product.status",
      subjectType: "Product",
      subjectId: product.id,
      before: { status: product.status },
      after: { status: input.status },
    });
    await productsChanged(tx, [product.slug]);
    // A draft going on sale is a new product to the group's followers; an archived one coming back is not.
    if (product.status === "DRAFT" && input.status === "ACTIVE") await tellFollowersOfNewProduct(tx, product.id);
    return { ...product, status: input.status };
  });
}

/** A product as its edit form shows it. */
export function productForEdit(groupId: string, productId: string, client: Client = db()) {
  return productOfGroup(client, { groupId, productId }, {
    ...editableSelect,
    hiddenAt: true,
    hiddenReason: true,
    category: { select: { slug: true } },
  });
}

/** The group's products for its product list, by status (all but archived when none is given). */
export function workspaceProducts(groupId: string, status: ProductStatus | null, client: Client = db()) {
  return client.product.findMany({
    where: { groupId, status: status ?? { not: "ARCHIVED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      slug: true,
      titleTh: true,
      titleEn: true,
      stock: true,
      madeToOrder: true,
      status: true,
      priceSatang: true,
      hiddenAt: true,
      category: { select: { slug: true } },
      images: { orderBy: { position: "asc" }, take: 1, select: { image: { select: { width: true, height: true, variants: true } } } },
    },
  });
}

/** Categories to choose from. */
export function categoryChoices(client: Client = db()) {
  return client.category.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { slug: true, nameTh: true, nameEn: true } });
}

/** The certifications a product or group may claim, for checkboxes. */
export function certificationChoices(client: Client = db()) {
  return client.certification.findMany({ orderBy: { slug: "asc" }, select: { slug: true, nameTh: true, nameEn: true } });
}
