/**
 * A product: photos, title, price and unit, its story, the group that made
 * it, certifications with what they mean, stock or lead time, where the money
 * goes, share links and more from the same group.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProductView } from "~/components/product-view";
import { config } from "~/config.server";
import { translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath } from "~/i18n/use-lang";
import { productPage } from "~/modules/catalog/catalog.server";
import { priceBreakdown } from "~/modules/payouts/price-breakdown";
import { pageHeaders } from "~/web/cache";
import { notFound } from "~/web/http.server";
import { productCards } from "~/web/cards.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";
import { absolute, breadcrumbJsonLd, originOf, productJsonLd, seoMeta } from "~/web/seo";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const slug = slugParam(params.slug);
  const page = slug ? await productPage(slug) : null;
  if (!page) throw notFound("No such product");
  return { ...page, moreFromGroup: productCards(lang, page.moreFromGroup), breakdown: priceBreakdown({ priceSatang: page.product.priceSatang, platformFeePercent: config().PLATFORM_FEE_PERCENT }) };
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location, matches }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  if (!data) return [{ title: `${t("product.notFoundTitle")} · ${t("site.name")}` }];
  const { product } = data;
  const origin = originOf(matches);
  const title = pick(lang, product.titleTh, product.titleEn);
  const group = pick(lang, product.group.nameTh, product.group.nameEn);
  const category = pick(lang, product.category.nameTh, product.category.nameEn);
  const path = `/products/${product.slug}`;
  const image = `/og/product/${product.slug}${lang === "en" ? ".en" : ""}.png`;
  const url = absolute(origin, lang, path);
  const availability = data.availability.kind === "soldOut" ? "OutOfStock" : data.availability.kind === "madeToOrder" ? "MadeToOrder" : "InStock";
  return seoMeta({
    lang,
    origin,
    path,
    type: "product",
    title: `${title} · ${group} · ${t("site.name")}`,
    description: pick(lang, product.storyTh, product.storyEn),
    image: { path: image, alt: t("product.imageAlt", { title }) },
    jsonLd: [
      productJsonLd({
        url,
        image: `${origin}${image}`,
        name: title,
        description: pick(lang, product.storyTh, product.storyEn),
        sku: product.slug,
        category,
        priceSatang: product.priceSatang,
        availability,
        group: { name: group, url: absolute(origin, lang, `/groups/${product.group.slug}`) },
      }),
      breadcrumbJsonLd([
        { name: t("nav.home"), url: absolute(origin, lang, "/") },
        { name: category, url: absolute(origin, lang, `/categories/${product.category.slug}`) },
        { name: title, url },
      ]),
    ],
  });
};

export default function ProductPage() {
  return <ProductView {...useLoaderData<typeof loader>()} />;
}
