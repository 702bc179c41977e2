/**
 * Home: the first few products of each staff-curated collection in their order, the newest
 * products, occupation groups near the buyer's chosen province (a GET form, remembered in a
 * cookie, so it works without JavaScript) or the first by name, and the categories to browse;
 * each list links to the whole of it.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GroupCard, ProductCard, type GroupCardData, type GroupCardView } from "~/components/cards";
import { ServerMarkupList } from "~/components/server-markup";
import { LocalizedParagraph } from "~/components/localized-text";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { categories } from "~/modules/catalog/browse.server";
import { newProducts } from "~/modules/catalog/catalog.server";
import { homeCollections } from "~/modules/curation/collections.server";
import { groupsNear, provincesWithGroups, verifiedGroupList } from "~/modules/groups/groups.server";
import { pageHeaders } from "~/web/cache";
import { collectionHeading, groupCard, productCards } from "~/web/cards.server";
import { requireLang } from "~/web/lang.server";
import { chosenProvince } from "~/web/province-cookie.server";
import { originOf, seoMeta } from "~/web/seo";

/**
 * What the home page shows of each list: two rows of cards on a phone, with a link to the rest
 * (the collection's page, newest products in search, the group directory). The page stays one a
 * cheap phone loads quickly, however many products and groups the market has.
 */
const HOME_COLLECTION_ITEMS = 4;
const HOME_NEW_PRODUCTS = 4;
const HOME_GROUPS = 4;
/** A buyer who chose a province asked for the groups around them: their province's, then the region's. */
const HOME_GROUPS_NEAR = 12;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const provinces = await provincesWithGroups();
  const choice = await chosenProvince(request, (slug) => provinces.some((province) => province.slug === slug));
  const [collections, products, shelves, near, groups] = await Promise.all([
    homeCollections({ itemsEach: HOME_COLLECTION_ITEMS }),
    newProducts({ limit: HOME_NEW_PRODUCTS }),
    categories(),
    choice.slug ? groupsNear({ provinceSlug: choice.slug, limit: HOME_GROUPS_NEAR }) : null,
    choice.slug ? [] : verifiedGroupList({ limit: HOME_GROUPS }),
  ]);
  const compact = (list: GroupCardData[]) => list.map((group) => groupCard(lang, group, { withPicture: false }));
  return data(
    {
      collections: collections.map((collection) => ({
        ...collectionHeading(lang, collection),
        productCount: collection.productCount,
        products: productCards(lang, collection.products),
      })),
      products: productCards(lang, products),
      categories: shelves.map((category) => ({ slug: category.slug, name: pick(lang, category.nameTh, category.nameEn) })),
      provinces: provinces.map((province) => ({ slug: province.slug, name: pick(lang, province.nameTh, province.nameEn) })),
      province: choice.slug,
      near: near ? { own: compact(near.own), region: compact(near.region) } : null,
      groups: compact(groups),
    },
    { headers: choice.setCookie ? { "Set-Cookie": choice.setCookie } : {} },
  );
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ location, matches }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  return seoMeta({ lang, origin: originOf(matches), path: "/", title: t("home.title"), description: t("site.description"), noindex: location.search !== "" });
};

export default function Home() {
  const { collections, products, categories, provinces, province, near, groups } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const chosen = provinces.find((p) => p.slug === province);
  return (
    <div className="page">
      <section className="hero">
        <h1>{t("home.heroTitle")}</h1>
        <p>{t("home.heroText")}</p>
      </section>
      {collections.map((collection, collectionIndex) => (
        <section key={collection.slug} aria-labelledby={`collection-${collection.slug}`} className="collection">
          <h2 id={`collection-${collection.slug}`}>{collection.title}</h2>
          {collection.description ? <LocalizedParagraph value={collection.description} className="lead" /> : null}
          <ServerMarkupList className="grid" data={collection.products}>
            {collection.products.map((product, index) => (
              // The first row of the first collection is what a phone shows first (the LCP):
              // those pictures load at once instead of lazily.
              <ProductCard key={product.slug} product={product} priority={collectionIndex === 0 && index < 2} />
            ))}
          </ServerMarkupList>
          {collection.productCount > collection.products.length ? (
            <p>
              <Link to={href(lang, `/collections/${collection.slug}`)}>{t("store.seeWholeCollection", { count: collection.productCount })}</Link>
            </p>
          ) : null}
        </section>
      ))}
      <section aria-labelledby="products-heading">
        <h2 id="products-heading">{t("store.newProducts")}</h2>
        {products.length === 0 ? (
          <p className="empty">{t("home.empty")}</p>
        ) : (
          <ServerMarkupList className="grid" data-testid="new-products" data={products}>
            {products.map((product) => (
              <ProductCard key={product.slug} product={product} />
            ))}
          </ServerMarkupList>
        )}
        {products.length === HOME_NEW_PRODUCTS ? (
          <p>
            <Link to={`${href(lang, "/search")}?sort=newest`}>{t("store.seeAllNewProducts")}</Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t("store.categories")}</h2>
        <ul className="chips">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link to={href(lang, `/categories/${category.slug}`)} className="chip">
                {category.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("store.groupsNear")}</h2>
        <Form method="get" action={href(lang, "/")} className="province-chooser">
          <label className="field">
            <span>{t("store.province")}</span>
            <select name="province" defaultValue={province ?? ""} aria-describedby="province-hint">
              <option value="">{t("store.anyProvince")}</option>
              {provinces.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t("store.showGroups")}
          </button>
          <p id="province-hint" className="hint">
            {t("store.provinceHint")}
          </p>
        </Form>
        {near && chosen ? (
          <>
            <h3>{t("store.groupsIn", { province: chosen.name })}</h3>
            {near.own.length === 0 ? <p className="empty">{t("store.noGroupsIn")}</p> : <GroupList groups={near.own} testId="groups-in-province" />}
            <p>
              <Link to={href(lang, `/provinces/${chosen.slug}`)}>{t("store.productsOf", { province: chosen.name })}</Link>
            </p>
            {near.region.length > 0 ? (
              <>
                <h3>{t("store.groupsInRegion")}</h3>
                <GroupList groups={near.region} testId="groups-in-region" />
              </>
            ) : null}
          </>
        ) : groups.length === 0 ? (
          <p className="empty">{t("home.groupsEmpty")}</p>
        ) : (
          <GroupList groups={groups} testId="group-list" />
        )}
        <p>
          <Link to={href(lang, "/groups")}>{t("store.seeAllGroups")}</Link>
        </p>
      </section>
    </div>
  );
}

function GroupList({ groups, testId }: { groups: GroupCardView[]; testId: string }) {
  return (
    <ServerMarkupList className="grid" data-testid={testId} data={groups}>
      {groups.map((group) => (
        <GroupCard key={group.slug} group={group} />
      ))}
    </ServerMarkupList>
  );
}
