/** Products of the occupation groups in one province, sortable, filterable and paged (keyset). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Listing } from "~/components/listing";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { provinceListing } from "~/modules/catalog/browse.server";
import { pageHeaders } from "~/web/cache";
import { requireLang } from "~/web/lang.server";
import { loadListing } from "~/web/listing.server";
import { absolute, breadcrumbJsonLd, originOf, seoMeta } from "~/web/seo";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadListing(request, requireLang(params), params.slug, provinceListing);
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location, matches }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  if (!data) return [{ title: `${t("errors.notFoundTitle")} · ${t("site.name")}` }];
  const origin = originOf(matches);
  const name = pick(lang, data.province.nameTh, data.province.nameEn);
  const path = `/provinces/${data.province.slug}`;
  return seoMeta({
    lang,
    origin,
    path,
    title: `${t("store.provinceTitle", { province: name })} · ${t("site.name")}`,
    description: t("store.provinceDescription", { province: name }),
    noindex: data.isVariant,
    jsonLd: [breadcrumbJsonLd([{ name: t("nav.home"), url: absolute(origin, lang, "/") }, { name, url: absolute(origin, lang, path) }])],
  });
};

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
