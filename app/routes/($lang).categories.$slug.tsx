/** A category's products, sortable, filterable and paged (keyset), in either language. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Listing } from "~/components/listing";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { categoryListing } from "~/modules/catalog/browse.server";
import { pageHeaders } from "~/web/cache";
import { requireLang } from "~/web/lang.server";
import { loadListing } from "~/web/listing.server";
import { listingMeta } from "~/web/seo";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadListing(request, requireLang(params), params.slug, categoryListing);
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location, matches }) =>
  listingMeta(
    langOfPath(location.pathname),
    matches,
    data &&
      ((t, lang) => {
        const name = pick(lang, data.category.nameTh, data.category.nameEn);
        return { name, path: `/categories/${data.category.slug}`, title: t("store.categoryTitle", { category: name }), description: t("store.categoryDescription", { category: name }), noindex: data.isVariant };
      }),
  );

export default function CategoryPage() {
  const data = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const name = pick(lang, data.category.nameTh, data.category.nameEn);
  return (
    <section className="page" aria-labelledby="listing-title">
      <Breadcrumbs items={[{ label: t("nav.home"), to: href(lang, "/") }, { label: name }]} />
      <h1 id="listing-title">{name}</h1>
      <Listing path={`/categories/${data.category.slug}`} {...data} />
    </section>
  );
}
