/** Products of the occupation groups in one province, sortable, filterable and paged (keyset). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Listing } from "~/components/listing";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { provinceListing } from "~/modules/catalog/browse.server";
import { pageHeaders } from "~/web/cache";
import { requireLang } from "~/web/lang.server";
import { loadListing } from "~/web/listing.server";
import { listingMeta } from "~/web/seo";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadListing(request, requireLang(params), params.slug, provinceListing);
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location, matches }) =>
  listingMeta(
    langOfPath(location.pathname),
    matches,
    data &&
      ((t, lang) => {
        const name = pick(lang, data.province.nameTh, data.province.nameEn);
        return { name, path: `/provinces/${data.province.slug}`, title: t("store.provinceTitle", { province: name }), description: t("store.provinceDescription", { province: name }), noindex: data.isVariant };
      }),
  );

export default function ProvincePage() {
  const data = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const name = pick(lang, data.province.nameTh, data.province.nameEn);
  return (
    <section className="page" aria-labelledby="listing-title">
      <Breadcrumbs items={[{ label: t("nav.home"), to: href(lang, "/") }, { label: name }]} />
      <h1 id="listing-title">{t("store.productsOf", { province: name })}</h1>
      <Listing path={`/provinces/${data.province.slug}`} {...data} />
    </section>
  );
}
