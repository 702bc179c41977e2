/**
 * The search page's URL (`/search?q=…&category=…&min=…&page=…`) as a SearchQuery, and back.
 * Delivery is `near=<province>&delivery=ships|pickup`: "ships to my province" (the group posts or
 * couriers, which reach every province) or "pickup near me" (a pickup in the province chosen).
 * Anything malformed falls back to "not given" rather than an error: a search URL is often typed,
 * truncated or pasted, and should always give a page. Prices are baht in the URL (what shoppers
 * type) and satang inside; the page number is clamped, never rejected.
 */
import { z } from "zod";
import { AVAILABILITY } from "./document.ts";
import { type Lang, MAX_PAGE, type SearchQuery, SORTS, parseSearchQuery } from "./port.ts";

export const DELIVERY_CHOICES = ["ships", "pickup"] as const;

/** Ten million baht: no product costs more; larger numbers are typing accidents. */
const MAX_BAHT = 10_000_000;

const baht = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/)
  .transform((value) => Math.round(Number(value) * 100))
  .refine((satang) => satang <= MAX_BAHT * 100)
  .optional()
  .catch(undefined);

const page = z
  .string()
  .trim()
  .regex(/^-?\d{1,12}$/)
  .transform((value) => Math.min(MAX_PAGE, Math.max(1, Number(value))))
  .catch(1);

const urlSchema = z.object({
  q: z.string().catch(""),
  category: z.array(z.string()).catch([]),
  province: z.array(z.string()).catch([]),
  certification: z.array(z.string()).catch([]),
  availability: z.enum(AVAILABILITY).optional().catch(undefined),
  min: baht,
  max: baht,
  sort: z.enum(SORTS).catch("relevance"),
  page,
  near: z.string().trim().regex(/^[a-z0-9-]{1,100}$/).optional().catch(undefined),
  delivery: z.enum(DELIVERY_CHOICES).optional().catch(undefined),
});

export function searchQueryFromUrl(params: URLSearchParams, lang: Lang): SearchQuery {
  const first = (name: string) => params.get(name) ?? undefined;
  const parsed = urlSchema.parse({
    q: first("q") ?? "",
    category: params.getAll("category"),
    province: params.getAll("province"),
    certification: params.getAll("certification"),
    availability: first("availability") || undefined,
    min: first("min") || undefined,
    max: first("max") || undefined,
    sort: first("sort") ?? "relevance",
    page: first("page") ?? "1",
    near: first("near") || undefined,
    delivery: first("delivery") || undefined,
  });
  return parseSearchQuery({
    q: parsed.q,
    lang,
    sort: parsed.sort,
    page: parsed.page,
    filters: {
      category: parsed.category,
      province: parsed.province,
      certification: parsed.certification,
      availability: parsed.availability,
      priceMinSatang: parsed.min,
      priceMaxSatang: parsed.max,
      near: parsed.near,
      ships: parsed.delivery === "ships" ? true : undefined,
      // Pickup near nowhere narrows nothing: the page asks for the province instead.
      pickupIn: parsed.delivery === "pickup" ? parsed.near : undefined,
    },
  });
}

/** Which delivery choice a query holds ("pickup" also when its province is still missing). */
export function deliveryChoice(query: SearchQuery, params?: URLSearchParams): (typeof DELIVERY_CHOICES)[number] | undefined {
  if (query.filters.ships) return "ships";
  if (query.filters.pickupIn !== undefined || params?.get("delivery") === "pickup") return "pickup";
  return undefined;
}

/** The query string for a query, with `changes` applied: links keep every filter the page had. */
export function searchUrlParams(query: SearchQuery, changes: { page?: number; q?: string } = {}): string {
  const params = new URLSearchParams();
  const q = changes.q ?? query.q;
  if (q) params.set("q", q);
  const { filters } = query;
  for (const value of filters.category ?? []) params.append("category", value);
  for (const value of filters.province ?? []) params.append("province", value);
  for (const value of filters.certification ?? []) params.append("certification", value);
  if (filters.availability) params.set("availability", filters.availability);
  if (filters.priceMinSatang !== undefined) params.set("min", String(filters.priceMinSatang / 100));
  if (filters.priceMaxSatang !== undefined) params.set("max", String(filters.priceMaxSatang / 100));
  if (filters.near) params.set("near", filters.near);
  if (filters.ships) params.set("delivery", "ships");
  else if (filters.pickupIn) params.set("delivery", "pickup");
  if (query.sort !== "relevance") params.set("sort", query.sort);
  const pageNumber = changes.page ?? query.page;
  if (pageNumber > 1) params.set("page", String(pageNumber));
  return params.toString();
}
