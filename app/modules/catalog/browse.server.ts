/**
 * Category and province listings with sorting, filters and keyset paging.
 * Each page asks for "the next PAGE_SIZE rows after the last one shown" (or,
 * going back, "the PAGE_SIZE rows before the first one shown", read in reverse)
 * on an ordering that ends in id, so a page costs the same at page 1 and page
 * 400 and rows never repeat or go missing between pages while the catalog changes.
 * The orderings match the Product indexes ([categoryId,status,createdAt desc,id]
 * and [categoryId,status,priceSatang,id]; province pages use the
 * [status,createdAt desc,id] / [status,priceSatang,id] ones).
 */
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db/client.server";
import { referenceData } from "~/lib/reference-data.server";
import { PAGE_SIZE, type BrowseQuery, type Cursor } from "./browse-query";
import { availabilityWhere } from "./availability";
import { cardSelect } from "./catalog.server";
import { visibleProducts } from "./visibility";

export class UnknownListingError extends Error {
  readonly name = "UnknownListingError";
}

/** Rows after the cursor. The redundant lte/gte bound lets PostgreSQL start the index scan at the cursor. */
function afterCursor(cursor: Cursor | null): Prisma.ProductWhereInput {
  if (!cursor) return {};
  if (cursor.s === "new") {
    const at = new Date(cursor.t);
    return { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { gt: cursor.id } }] };
  }
  if (cursor.s === "price-asc") {
    return { priceSatang: { gte: cursor.v }, OR: [{ priceSatang: { gt: cursor.v } }, { priceSatang: cursor.v, id: { gt: cursor.id } }] };
  }
  return { priceSatang: { lte: cursor.v }, OR: [{ priceSatang: { lt: cursor.v } }, { priceSatang: cursor.v, id: { lt: cursor.id } }] };
}

/** Rows before the cursor: afterCursor's mirror image, read with the ordering reversed. */
function beforeCursor(cursor: Cursor): Prisma.ProductWhereInput {
  if (cursor.s === "new") {
    const at = new Date(cursor.t);
    return { createdAt: { gte: at }, OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { lt: cursor.id } }] };
  }
  if (cursor.s === "price-asc") {
    return { priceSatang: { lte: cursor.v }, OR: [{ priceSatang: { lt: cursor.v } }, { priceSatang: cursor.v, id: { lt: cursor.id } }] };
  }
  return { priceSatang: { gte: cursor.v }, OR: [{ priceSatang: { gt: cursor.v } }, { priceSatang: cursor.v, id: { gt: cursor.id } }] };
}

function orderFor(sort: BrowseQuery["sort"]): Prisma.ProductOrderByWithRelationInput[] {
  if (sort === "price-asc") return [{ priceSatang: "asc" }, { id: "asc" }];
  if (sort === "price-desc") return [{ priceSatang: "desc" }, { id: "desc" }];
  // id ascending within one instant matches the index's column order, so no extra sort step.
  return [{ createdAt: "desc" }, { id: "asc" }];
}

/** The same ordering backwards (PostgreSQL scans the same index in reverse). */
function reverseOrderFor(sort: BrowseQuery["sort"]): Prisma.ProductOrderByWithRelationInput[] {
  return orderFor(sort).map((order) =>
    Object.fromEntries(Object.entries(order).map(([column, direction]) => [column, direction === "asc" ? "desc" : "asc"])),
  );
}

function filters(query: BrowseQuery): Prisma.ProductWhereInput {
  const where: Prisma.ProductWhereInput = {};
  if (query.cert) where.certifications = { some: { certification: { slug: query.cert } } };
  if (query.ship === "ready") Object.assign(where, availabilityWhere("ready"));
  if (query.ship === "order") Object.assign(where, availabilityWhere("made-to-order"));
  return where;
}

const listingSelect = { ...cardSelect, createdAt: true } as const;
type Card = Prisma.ProductGetPayload<{ select: typeof listingSelect }>;

/** The cursor at a row of the page shown, leading to the page numbered `page`. */
function cursorAt(row: Card, query: BrowseQuery, page: number): Cursor {
  if (query.sort === "new") return { s: "new", t: new Date(row.createdAt).getTime(), id: row.id, p: page };
  return { s: query.sort, v: row.priceSatang, id: row.id, p: page };
}

export interface ListingPage {
  products: Card[];
  /** Where the following page starts, or null on the last page. */
  next: Cursor | null;
  /**
   * Where the page before this one starts: null on the first page, and also on
   * the second, whose previous page is simply the listing without a cursor.
   */
  previous: Cursor | null;
  page: number;
  /** Pages counted, at most COUNT_CAP_PAGES; more exist when `totalIsExact` is false. */
  pageCount: number;
  total: number;
  totalIsExact: boolean;
}

/**
 * Counting every matching row costs a scan of the whole range (about 50 ms per
 * request for a category of 12k products), so counts stop here and the page
 * says "more than 1,200" instead; keyset paging itself never needs the total.
 */
export const COUNT_CAP_PAGES = 50;

async function listing(scope: Prisma.ProductWhereInput, query: BrowseQuery): Promise<ListingPage> {
  const base: Prisma.ProductWhereInput = { ...visibleProducts, ...scope, ...filters(query) };
  const [rows, total] = await Promise.all([
    query.before ? rowsBefore(base, query, query.before) : rowsAfter(base, query),
    db().product.count({ where: base, take: COUNT_CAP_PAGES * PAGE_SIZE + 1 }),
  ]);
  const { products, page, hasNext } = rows;
  const first = products.at(0);
  const last = products.at(-1);
  const next = hasNext && last ? cursorAt(last, query, page + 1) : null;
  const previous = page > 2 && first ? cursorAt(first, query, page - 1) : null;
  const totalIsExact = total <= COUNT_CAP_PAGES * PAGE_SIZE;
  const counted = Math.min(total, COUNT_CAP_PAGES * PAGE_SIZE);
  // Past the counted pages, the page being shown is at least the last one there is.
  const pageCount = Math.max(1, Math.ceil(counted / PAGE_SIZE), totalIsExact ? 1 : page);
  return { products, next, previous, page, pageCount, total: counted, totalIsExact };
}

interface PageRows {
  products: Card[];
  page: number;
  hasNext: boolean;
}

/** The page after query.after (or the first page): one row more than shown tells whether another follows. */
async function rowsAfter(base: Prisma.ProductWhereInput, query: BrowseQuery): Promise<PageRows> {
  const rows = await db().product.findMany({
    where: { AND: [base, afterCursor(query.after)] },
    orderBy: orderFor(query.sort),
    take: PAGE_SIZE + 1,
    select: listingSelect,
  });
  return { products: rows.slice(0, PAGE_SIZE), page: query.after?.p ?? 1, hasNext: rows.length > PAGE_SIZE };
}

/**
 * The page before the cursor, read backwards from it. If fewer than a page of
 * rows lie before it (products were added or removed since the link was
 * made), those rows are the start of the listing: the first page is shown.
 */
async function rowsBefore(base: Prisma.ProductWhereInput, query: BrowseQuery, cursor: Cursor): Promise<PageRows> {
  const rows = await db().product.findMany({
    where: { AND: [base, beforeCursor(cursor)] },
    orderBy: reverseOrderFor(query.sort),
    take: PAGE_SIZE + 1,
    select: listingSelect,
  });
  if (rows.length <= PAGE_SIZE) return rowsAfter(base, { ...query, after: null, before: null });
  // The cursor's own row comes after these, so a next page always exists.
  return { products: rows.slice(0, PAGE_SIZE).reverse(), page: cursor.p, hasNext: true };
}

export async function categoryListing(slug: string, query: BrowseQuery) {
  const category = await db().category.findUnique({ where: { slug }, select: { id: true, slug: true, nameTh: true, nameEn: true } });
  if (!category) throw new UnknownListingError(`No category ${slug}`);
  const page = await listing({ categoryId: category.id }, query);
  return { category, ...page };
}

export async function provinceListing(slug: string, query: BrowseQuery) {
  const province = await db().province.findUnique({ where: { slug }, select: { id: true, slug: true, nameTh: true, nameEn: true } });
  if (!province) throw new UnknownListingError(`No province ${slug}`);
  const page = await listing({ group: { ...visibleProducts.group, provinceId: province.id } }, query);
  return { province, ...page };
}

/** Categories in their shelf order, for the home page and navigation. */
export function categories() {
  return referenceData("categories", () => db().category.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { slug: true, nameTh: true, nameEn: true } }));
}
