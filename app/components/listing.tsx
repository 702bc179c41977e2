/**
 * A product listing with its sort and filter form and paging links, shared by
 * category and province pages. The form is a plain GET form and the paging
 * links are plain links, so browsing works without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { Disclosure } from "./disclosure";
import { ProductCard, type ProductCardView } from "~/components/cards";
import { ServerMarkupList } from "~/components/server-markup";
import { href } from "~/i18n/i18n";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-lang";
import { certificationFilters, shippingFilters, sorts, type CertificationFilter, type ShippingFilter, type Sort } from "~/modules/catalog/browse-options";

export interface ListingProps {
  /** The listing's path without language prefix ("/categories/textiles"). */
  path: string;
  query: { sort: Sort; cert: CertificationFilter | null; ship: ShippingFilter | null };
  products: ProductCardView[];
  page: number;
  pageCount: number;
  total: number;
  totalIsExact: boolean;
  /** Query string of the first page with the same sort and filters ("?sort=…", or ""). */
  firstSearch: string;
  /** Query string of the next page ("?sort=…&after=…"), or null on the last page. */
  nextSearch: string | null;
  /** Query string of the previous page ("?sort=…&before=…", or none for page 1), or null on the first page. */
  previousSearch: string | null;
}

export function Listing({ path, query, products, page, pageCount, total, totalIsExact, firstSearch, nextSearch, previousSearch }: ListingProps) {
  const { t, lang } = useT();
  const filtered = query.sort !== "new" || query.cert !== null || query.ship !== null;
  return (
    <>
      <Disclosure summary={t("store.filters")} className="listing-disclosure">
        <Form method="get" action={href(lang, path)} className="listing-filters" aria-label={t("store.filters")}>
          <label className="field">
            <span>{t("store.sort")}</span>
            <select name="sort" defaultValue={query.sort}>
              {sorts.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`store.sorts.${sort}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("store.certification")}</span>
            <select name="cert" defaultValue={query.cert ?? ""}>
              <option value="">{t("store.anyCertification")}</option>
              {certificationFilters.map((cert) => (
                <option key={cert} value={cert}>
                  {t(`store.certs.${cert}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("store.shipping")}</span>
            <select name="ship" defaultValue={query.ship ?? ""}>
              <option value="">{t("store.anyShipping")}</option>
              {shippingFilters.map((ship) => (
                <option key={ship} value={ship}>
                  {t(`store.ships.${ship}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t("store.apply")}
          </button>
          {filtered ? (
            <Link to={href(lang, path)} className="button secondary">
              {t("store.clearFilters")}
            </Link>
          ) : null}
        </Form>
      </Disclosure>
      <p className="listing-status" role="status">
        {t(totalIsExact ? "store.total" : "store.totalAtLeast", { count: total, shown: formatNumber(total, lang) })} ·{" "}
        {t("store.pageOf", { page, pages: totalIsExact ? String(pageCount) : `${pageCount}+` })}
      </p>
      {products.length === 0 ? (
        <p className="empty">{t("store.noResults")}</p>
      ) : (
        <ServerMarkupList className="grid" data-testid="product-list" data={products}>
          {products.map((product) => (
            <ProductCard key={product.slug} product={product} />
          ))}
        </ServerMarkupList>
      )}
      <nav className="pager" aria-label={t("store.pageOf", { page, pages: totalIsExact ? String(pageCount) : `${pageCount}+` })}>
        {page > 2 ? (
          <Link to={href(lang, path) + firstSearch} className="button secondary">
            {t("store.firstPage")}
          </Link>
        ) : null}
        {previousSearch !== null ? (
          <Link to={href(lang, path) + previousSearch} className="button secondary" rel="prev">
            {t("store.previousPage")}
          </Link>
        ) : null}
        {nextSearch ? (
          <Link to={href(lang, path) + nextSearch} className="button" rel="next">
            {t("store.nextPage")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
