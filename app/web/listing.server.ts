/**
 * The HTTP side of listing pages: read the query string, map "no such
 * category/province" and "a page past the end" to 404, and turn the first,
 * next and previous pages into query strings.
 */
import { browseSearch, parseBrowseQuery, type BrowseQuery } from "~/modules/catalog/browse-query";
import { UnknownListingError, type ListingPage } from "~/modules/catalog/browse.server";
import type { Lang } from "~/i18n/i18n";
import { productCards } from "./cards.server";
import { notFound } from "./http.server";
import { slugParam } from "./params";

export async function loadListing<T extends ListingPage>(request: Request, lang: Lang, rawSlug: string | undefined, load: (slug: string, query: BrowseQuery) => Promise<T>) {
  const slug = slugParam(rawSlug);
  if (!slug) throw notFound();
  const query = parseBrowseQuery(new URL(request.url).searchParams);
  let listing: T;
  try {
    listing = await load(slug, query);
  } catch (error) {
    if (error instanceof UnknownListingError) throw notFound(error.message);
    throw error;
  }
  // A well-formed cursor that finds nothing: the page no longer exists (or never did).
  if ((query.after || query.before) && listing.products.length === 0) throw notFound("No such page");
  const { after: _after, before: _before, ...shown } = query;
  const page = Math.min(listing.page, listing.pageCount);
  return {
    ...listing,
    products: productCards(lang, listing.products),
    page,
    query: shown,
    firstSearch: browseSearch(shown),
    nextSearch: listing.next ? browseSearch({ ...shown, after: listing.next }) : null,
    /** Page 2's previous page is the plain listing, so it shares the first page's URL. */
    previousSearch: page > 1 ? browseSearch({ ...shown, before: listing.previous }) : null,
    /** Sorted, filtered or paged views are not indexed (see app/web/seo.ts). */
    isVariant: new URL(request.url).search !== "",
  };
}
