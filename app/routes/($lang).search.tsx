/**
 * The search page, /search?q= (Thai) and /en/search. A plain GET form, so it works without
 * JavaScript; every filter, sort and page lives in the URL. Any query string gives a normal page:
 * the URL is parsed leniently (search/query-string.ts) and a page past the end shows the last one.
 */
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductCard } from "~/components/cards";
import { SearchFilters, type FacetGroup } from "~/components/search-filters";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { productCardsBySlugs, searchFacetLabels } from "~/modules/catalog/search-page.server";
import { productCards } from "~/web/cards.server";
import { requireLang } from "~/web/lang.server";
import { MAX_PAGE, type SearchQuery, isWordless } from "#search/port.ts";
import { deliveryChoice, searchQueryFromUrl, searchUrlParams } from "#search/query-string.ts";
import { searchProducts } from "~/modules/catalog/search.server";
import { recordSearch } from "~/modules/search-log/log.server";
import { isbot } from "isbot";

// Remix sends a loader's headers with the document only when the route says so.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** Keeps only values the store knows, so a stale or made-up filter widens rather than empties. */
function knownOnly(values: string[] | undefined, known: { value: string }[]): string[] | undefined {
  if (!values?.length) return values;
  const allowed = new Set(known.map((label) => label.value));
  return values.filter((value) => allowed.has(value));
}

/**
 * Notes what buyers look for (app/modules/search-log): the first page of a search with words in
 * it, from a person's browser. Never fails the page: a search is worth more than its record.
 */
async function logSearch(request: Request, query: SearchQuery, total: number): Promise<string | null> {
  if (query.page !== 1 || !query.q || isWordless(query.q) || isbot(request.headers.get("user-agent") ?? "")) return null;
  const { category, province, near } = query.filters;
  try {
    return await recordSearch({
      q: query.q,
      lang: query.lang,
      resultCount: total,
      categorySlug: category?.length === 1 ? category[0] : undefined,
      provinceSlug: near ?? (province?.length === 1 ? province[0] : undefined),
    });
  } catch (error) {
    console.error(`search log: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const labels = await searchFacetLabels();
  const urlParams = new URL(request.url).searchParams;
  const parsed = searchQueryFromUrl(urlParams, lang);
  const near = knownOnly(parsed.filters.near ? [parsed.filters.near] : undefined, labels.province)?.[0];
  let query: SearchQuery = {
    ...parsed,
    filters: {
      ...parsed.filters,
      category: knownOnly(parsed.filters.category, labels.category),
      province: knownOnly(parsed.filters.province, labels.province),
      certification: knownOnly(parsed.filters.certification, labels.certification),
      near,
      pickupIn: parsed.filters.pickupIn === near ? near : undefined,
    },
  };
  let { results, degraded } = await searchProducts(query);
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(results.total / results.perPage)));
  if (results.hits.length === 0 && results.total > 0 && query.page > pages) {
    query = { ...query, page: pages };
    ({ results, degraded } = await searchProducts(query));
  }
  const cards = productCards(lang, await productCardsBySlugs(results.hits.map((hit) => hit.slug)));
  // The page asked for, not the last page shown instead: paging past the end is not a new search.
  const logId = await logSearch(request, { ...query, page: parsed.page }, results.total);
  return data(
    {
      query,
      cards,
      total: results.total,
      pages,
      facets: results.facets,
      didYouMean: results.didYouMean ?? null,
      delivery: deliveryChoice(query, urlParams) ?? null,
      logId,
      wordless: isWordless(query.q),
      degraded,
      labels,
    },
    { headers: { "X-Robots-Tag": "noindex", "Cache-Control": "private, max-age=0" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, location }) => {
  const t = translator(langOfPath(location.pathname));
  const q = loaded?.query.q;
  return [
    { title: `${q ? t("search.titleFor", { q }) : t("search.title")} · ${t("site.name")}` },
    { name: "robots", content: "noindex, follow" },
  ];
};

export default function SearchPage() {
  const { query, cards, total, pages, facets, didYouMean, degraded, labels, delivery, wordless, logId } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const searchPath = href(lang, "/search");
  const groups: FacetGroup[] = [
    { name: "category", legend: t("search.category"), labels: labels.category, counts: facets.category, selected: query.filters.category ?? [] },
    { name: "province", legend: t("search.province"), labels: labels.province, counts: facets.province, selected: query.filters.province ?? [] },
    {
      name: "certification",
      legend: t("search.certification"),
      labels: labels.certification,
      counts: facets.certification,
      selected: query.filters.certification ?? [],
    },
  ];
  return (
    <div className="page search-page">
      <h1>{t("search.heading")}</h1>
      {degraded ? (
        <p className="search-degraded" role="status">
          {t("search.degraded")}
        </p>
      ) : null}
      <div className="search-layout">
        <SearchFilters
          action={searchPath}
          query={query}
          groups={groups}
          availability={facets.availability}
          delivery={delivery ?? undefined}
          deliveryCounts={facets.delivery}
          provinces={labels.province}
        />
        <section aria-labelledby="search-results-heading" className="search-results">
          <h2 id="search-results-heading" className="search-count">
            {query.q ? t("search.resultsFor", { count: total, q: query.q }) : t("search.results", { count: total })}
          </h2>
          {didYouMean ? (
            <p className="did-you-mean">
              {t("search.didYouMean")}{" "}
              <Link to={`${searchPath}?${searchUrlParams(query, { q: didYouMean, page: 1 })}`}>{didYouMean}</Link>?
            </p>
          ) : null}
          {cards.length === 0 ? (
            <div className="search-empty">
              <p className="empty">
                <strong>{t("search.emptyTitle")}</strong> {wordless ? t("search.wordless") : t("search.emptyText")}
              </p>
              <h3>{t("search.browseCategories")}</h3>
              <ul className="chip-list">
                {labels.category.map((category) => (
                  <li key={category.value}>
                    <Link to={`${searchPath}?category=${encodeURIComponent(category.value)}`} className="chip">
                      {pick(lang, category.nameTh, category.nameEn)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <ul className="grid" data-testid="search-results">
              {cards.map((card) => (
                <ProductCard
                  key={card.slug}
                  product={card}
                  to={logId ? `${href(lang, "/search/open")}?${new URLSearchParams({ log: logId, product: card.slug })}` : undefined}
                />
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <nav aria-label={t("search.paging")} className="paging">
              {query.page > 1 ? (
                <Link to={`${searchPath}?${searchUrlParams(query, { page: query.page - 1 })}`} rel="prev">
                  {t("search.previous")}
                </Link>
              ) : null}
              <span>{t("search.pageOf", { page: query.page, pages })}</span>
              {query.page < pages ? (
                <Link to={`${searchPath}?${searchUrlParams(query, { page: query.page + 1 })}`} rel="next">
                  {t("search.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}
