/**
 * What a listing page's query string may ask for (sort, filters, the page
 * cursor) and the opaque cursor itself. Pure, so it is unit-tested; it uses
 * zod and Buffer, so only loaders import it (the form takes browse-options.ts). Anything odd in the query string is dropped, never an
 * error: a shared or hand-edited link still shows a sensible page.
 */
import { z } from "zod";
import { certificationFilters, shippingFilters, sorts, type CertificationFilter, type ShippingFilter, type Sort } from "./browse-options";

export { certificationFilters, shippingFilters, sorts, type CertificationFilter, type ShippingFilter, type Sort };

export const PAGE_SIZE = 24;

/**
 * Where another page starts: the sort key and id of the row at the edge of the
 * page shown (keyset paging), and that page's number for "page 3 of 9". In
 * `after` it leads to the rows after that one (the next page); in `before`, to
 * the rows before it (the previous page).
 */
const cursorSchema = z.discriminatedUnion("s", [
  z.object({ s: z.literal("new"), t: z.number().int().min(0).max(8.64e15), id: z.string().min(1).max(40), p: z.number().int().min(2).max(100_000) }),
  z.object({ s: z.enum(["price-asc", "price-desc"]), v: z.number().int().min(0).max(2_000_000_000), id: z.string().min(1).max(40), p: z.number().int().min(2).max(100_000) }),
]);
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** The cursor in `after` or `before`, or null when it is missing, malformed, or made for another sort. */
export function decodeCursor(raw: string | null | undefined, sort: Sort): Cursor | null {
  if (!raw || raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success && parsed.data.s === sort ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface BrowseQuery {
  sort: Sort;
  cert: CertificationFilter | null;
  ship: ShippingFilter | null;
  /** At most one of the two is set: a page is reached forwards or backwards. */
  after: Cursor | null;
  before: Cursor | null;
}

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().catch(null);

const querySchema = z.object({
  sort: z.enum(sorts).catch("new"),
  cert: oneOf(certificationFilters),
  ship: oneOf(shippingFilters),
});

/** Reads a listing's query string; unknown or repeated-odd values fall back to defaults. */
export function parseBrowseQuery(search: URLSearchParams): BrowseQuery {
  const { sort, cert, ship } = querySchema.parse({
    sort: search.get("sort") ?? undefined,
    cert: search.get("cert"),
    ship: search.get("ship"),
  });
  const after = decodeCursor(search.get("after"), sort);
  const before = after ? null : decodeCursor(search.get("before"), sort);
  return { sort, cert, ship, after, before };
}

/** The query string for a listing link: defaults are left out so URLs stay short and canonical-looking. */
export function browseSearch(query: {
  sort: Sort;
  cert: CertificationFilter | null;
  ship: ShippingFilter | null;
  after?: Cursor | null;
  before?: Cursor | null;
}): string {
  const params = new URLSearchParams();
  if (query.sort !== "new") params.set("sort", query.sort);
  if (query.cert) params.set("cert", query.cert);
  if (query.ship) params.set("ship", query.ship);
  if (query.after) params.set("after", encodeCursor(query.after));
  else if (query.before) params.set("before", encodeCursor(query.before));
  const text = params.toString();
  return text ? `?${text}` : "";
}
