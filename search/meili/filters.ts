/**
 * Meilisearch filter expressions built only from parsed, allow-listed filter values. Values are
 * always emitted as double-quoted strings with backslashes and quotes escaped, and numbers are
 * integers from the zod schema, so no user text can change the shape of an expression.
 */
import type { SearchFilters } from "../port.ts";

/** Slugs and keys only: letters, digits and hyphens. Anything else cannot match a real value. */
const SAFE_VALUE = /^[\p{L}\p{N}][\p{L}\p{N}\-_.]*$/u;

export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Matches nothing: no slug or key starts with an underscore. */
const NO_SUCH_VALUE = quote("__no_such_value__");

/** `attr IN [...]`; a list with no plausible value becomes a filter that matches nothing. */
function anyOf(attribute: string, values: readonly string[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  const safe = values.filter((value) => SAFE_VALUE.test(value));
  if (safe.length === 0) return `${attribute} = ${NO_SUCH_VALUE}`;
  return `${attribute} IN [${safe.map(quote).join(", ")}]`;
}

/** One expression per clause; Meilisearch ANDs the array. */
export function buildFilter(filters: SearchFilters): string[] {
  const clauses = [
    anyOf("categorySlug", filters.category),
    anyOf("provinceSlug", filters.province),
    anyOf("certifications", filters.certification),
    filters.availability === "ready" ? "inStock = true" : null,
    filters.availability === "made-to-order" ? "madeToOrder = true" : null,
    Number.isSafeInteger(filters.priceMinSatang) ? `priceSatang >= ${filters.priceMinSatang}` : null,
    Number.isSafeInteger(filters.priceMaxSatang) ? `priceSatang <= ${filters.priceMaxSatang}` : null,
    filters.ships ? "ships = true" : null,
    filters.pickupIn !== undefined ? "pickup = true" : null,
    filters.pickupIn !== undefined ? anyOf("provinceSlug", [filters.pickupIn]) : null,
  ];
  return clauses.filter((clause): clause is string => clause !== null);
}
