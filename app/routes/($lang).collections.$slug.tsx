/**
 * A staff-curated collection's own page, /collections/:slug: its title, its note and every product
 * in it a buyer can open, in the order staff set. The home page shows the first few of each live
 * collection and links here. A collection that is a draft, scheduled, ended or empty is not found.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ProductCard } from "~/components/cards";
import { ServerMarkupList } from "~/components/server-markup";
import { LocalizedParagraph } from "~/components/localized-text";
import { href } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { collectionPage } from "~/modules/curation/collections.server";
import { pageHeaders } from "~/web/cache";
import { collectionHeading, productCards } from "~/web/cards.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";
import { listingMeta } from "~/web/seo";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const slug = slugParam(params.slug);
  const collection = slug ? await collectionPage(slug) : null;
  if (!collection) throw notFound("No such collection");
  return { ...collectionHeading(lang, collection), products: productCards(lang, collection.products) };
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location, matches }) =>
  listingMeta(
    langOfPath(location.pathname),
    matches,
    data &&
      ((t) => ({ name: data.title, path: `/collections/${data.slug}`, title: data.title, description: data.description?.text ?? t("site.description"), noindex: location.search !== "" })),
  );

export default function Collection() {
  const { title, description, products } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <section className="page" aria-labelledby="collection-title">
      <Breadcrumbs items={[{ label: t("nav.home"), to: href(lang, "/") }, { label: title }]} />
      <h1 id="collection-title">{title}</h1>
      {description ? <LocalizedParagraph value={description} className="lead" /> : null}
      <p className="hint">{t("store.collectionItems", { count: products.length })}</p>
      <ServerMarkupList className="grid" data-testid="collection-products" data={products}>
        {products.map((product, index) => (
          <ProductCard key={product.slug} product={product} priority={index < 2} />
        ))}
      </ServerMarkupList>
    </section>
  );
}
