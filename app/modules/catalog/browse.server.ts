/**
 * Category and province listings with sorting, filters and keyset paging.
 * Each page asks for "the next PAGE_SIZE rows after the last one shown" on an
 * ordering that ends in id, so a page costs the same at page 1 and page 400
 * and rows never repeat or go missing between pages while the catalog changes.
 * The orderings match the Product indexes ([categoryId,status,createdAt desc,id]
 * and [categoryId,status,priceSatang,id]; province pages use the
 * [status,createdAt desc,id] / [status,priceSatang,id] ones).
 */
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db/client.server";
import { PAGE_SIZE, type BrowseQuery, type Cursor } from "./browse-query";
import { cardSelect } from "./catalog.server";

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

function orderFor(sort: BrowseQuery["sort"]): Prisma.ProductOrderByWithRelationInput[] {
  if (sort === "price-asc") return [{ priceSatang: "asc" }, { id: "asc" }];
  if (sort === "price-desc") return [{ priceSatang: "desc" }, { id: "desc" }];
  // id ascending within one instant matches the index's column order, so no extra sort step.
  return [{ createdAt: "desc" }, { id: "asc" }];
}

function filters(query: BrowseQuery): Prisma.ProductWhereInput {
  const where: Prisma.ProductWhereInput = {};
  if (query.cert) where.certifications = { some: { certification: { slug: query.cert } } };
  if (query.ship === "ready") where.stock = { gt: 0 };
  if (query.ship === "order") where.madeToOrder = true;
  return where;
}

const listingSelect = { ...cardSelect, createdAt: true } as const;
type Card = Prisma.ProductGetPayload<{ select: typeof listingSelect }>;

function cursorAfter(last: Card, query: BrowseQuery, page: number): Cursor {
  if (query.sort === "new") return { s: "new", t: new Date(last.createdAt).getTime(), id: last.id, p: page + 1 };
  return { s: query.sort, v: last.priceSatang, id: last.id, p: page + 1 };
}

export interface ListingPage {
  products: Card[];
  /** Where the following page starts, or null on the last page. */
  next: Cursor | null;
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
  const base: Prisma.ProductWhereInput = { ...scope, status: "ACTIVE", ...filters(query) };
  const [rows, total] = await Promise.all([
    db().product.findMany({
      where: { AND: [base, afterCursor(query.after)] },
      orderBy: orderFor(query.sort),
      take: PAGE_SIZE + 1,
      select: listingSelect,
    }),
    db().product.count({ where: base, take: COUNT_CAP_PAGES * PAGE_SIZE + 1 }),
  ]);
  const page = query.after?.p ?? 1;
  const products = rows.slice(0, PAGE_SIZE);
  const last = products.at(-1);
  const next = rows.length > PAGE_SIZE && last ? cursorAfter(last, query, page) : null;
  const totalIsExact = total <= COUNT_CAP_PAGES * PAGE_SIZE;
  const counted = Math.min(total, COUNT_CAP_PAGES * PAGE_SIZE);
  // Past the counted pages, the page being shown is at least the last one there is.
  const pageCount = Math.max(1, Math.ceil(counted / PAGE_SIZE), totalIsExact ? 1 : page);
  return { products, next, page, pageCount, total: counted, totalIsExact };
}

export async function categoryListing(slug: string, query: BrowseQuery) {
  const category = await db().category.findUnique({ where: { slug }, select: { id: true, slug: true, nameTh: true, nameEn: true } });
  if (!category) throw new UnknownListingError(`No category ${slug}`);
  const page = await listing({ categoryId: category.id, group: { verificationStatus: "VERIFIED" } }, query);
  return { category, ...page };
}

export async function provinceListing(slug: string, query: BrowseQuery) {
  const province = await db().province.findUnique({ where: { slug }, select: { id: true, slug: true, nameTh: true, nameEn: true } });
  if (!province) throw new UnknownListingError(`No province ${slug}`);
  const page = await listing({ group: { provinceId: province.id, verificationStatus: "VERIFIED" } }, query);
  return { province, ...page };
}

/** Categories in their shelf order, for the home page and navigation. */
export function categories() {
  return db().category.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { slug: true, nameTh: true, nameEn: true } });
}
