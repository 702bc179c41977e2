/**
 * A product: photos, title, price and unit, its story, the group that made
 * it, certifications with what they mean, stock or lead time, where the money
 * goes, share links and more from the same group.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CertificationList } from "~/components/certification-list";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ProductCard, productArt } from "~/components/cards";
import { AddToCart } from "~/components/add-to-cart";
import { availabilityText, reviveAvailability } from "~/components/availability";
import { GroupContacts } from "~/components/group-contacts";
import { PriceBreakdownTable, ShareLinks } from "~/components/product-parts";
import { config } from "~/config.server";
import { Picture } from "~/components/picture";
import { formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { productPage } from "~/modules/catalog/catalog.server";
import { priceBreakdown } from "~/modules/payouts/price-breakdown";
import { pageHeaders } from "~/web/cache";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";
import { absolute, breadcrumbJsonLd, originOf, productJsonLd, seoMeta } from "~/web/seo";

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  const slug = slugParam(params.slug);
  const page = slug ? await productPage(slug) : null;
  if (!page) throw notFound("No such product");
  return { ...page, breakdown: priceBreakdown({ priceSatang: page.product.priceSatang, platformFeePercent: config().PLATFORM_FEE_PERCENT }) };
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
  const image = `/og/product/${product.slug}.png`;
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
  const { product, moreFromGroup, breakdown, orderable, availability: rawAvailability } = useLoaderData<typeof loader>();
  // Dates arrive as strings through the loader's JSON.
  const availability = reviveAvailability(rawAvailability);
  const { t, lang } = useT();
  const title = pick(lang, product.titleTh, product.titleEn);
  const unit = pick(lang, product.unitTh, product.unitEn);
  const groupName = pick(lang, product.group.nameTh, product.group.nameEn);
  const province = pick(lang, product.group.province.nameTh, product.group.province.nameEn);
  const category = pick(lang, product.category.nameTh, product.category.nameEn);
  const leadTime =
    product.madeToOrder && product.leadTimeDays
      ? t(product.category.slug === "textiles" ? "store.leadTimeTextiles" : "product.leadTime", { days: product.leadTimeDays })
      : null;
  return (
    <article className="page product-page">
      <Breadcrumbs
        items={[
          { label: t("nav.home"), to: href(lang, "/") },
          { label: category, to: href(lang, `/categories/${product.category.slug}`) },
          { label: title },
        ]}
      />
      <div className="product-layout">
        <ul className="gallery" aria-label={t("store.gallery")}>
          {product.images.length > 0 ? (
            product.images.map((picture, index) => (
              <li key={picture.position}>
                <Picture
                  className="product-image"
                  image={picture.image}
                  alt={pick(lang, picture.altTh, picture.altEn)}
                  sizes="(min-width: 48rem) 400px, 100vw"
                  priority={index === 0}
                />
              </li>
            ))
          ) : (
            <li>
              <img className="product-image" src={productArt(product.slug, product.category.slug)} alt={t("product.imageAlt", { title })} width={400} height={400} />
            </li>
          )}
        </ul>
        <div className="product-summary">
          <h1>{title}</h1>
          <p className="byline">{t("product.by", { group: groupName })}</p>
          <p className="price">
            <span className="visually-hidden">{t("product.price")} </span>
            {formatMoney(product.priceSatang, lang)} <span className="unit">{t("product.perUnit", { unit })}</span>
          </p>
          <p className="availability" data-testid="availability">
            {availabilityText(availability, { unit, leadTime, lang, t })}
          </p>
          <AddToCart productId={product.id} maxQuantity={orderable} title={title} />
          {product.certifications.length > 0 ? (
            <section aria-labelledby="certs">
              <h2 id="certs" className="small-heading">
                {t("product.certifications")}
              </h2>
              <CertificationList certifications={product.certifications} />
            </section>
          ) : null}
          <PriceBreakdownTable breakdown={breakdown} groupName={groupName} />
          <ShareLinks path={`/products/${product.slug}`} text={t("store.shareText", { title, group: groupName })} />
        </div>
      </div>
      <section aria-labelledby="story">
        <h2 id="story">{t("product.story")}</h2>
        <p className="story">{pick(lang, product.storyTh, product.storyEn)}</p>
      </section>
      <GroupContacts contacts={product.group} groupName={groupName} />
      <section aria-labelledby="maker" className="maker">
        <h2 id="maker">{t("product.madeBy")}</h2>
        <div className="maker-card">
          <img src={`/art/group/${product.group.slug}.svg`} alt="" width={96} height={96} loading="lazy" decoding="async" />
          <p>
            <Link to={href(lang, `/groups/${product.group.slug}`)} className="maker-name">
              {groupName}
            </Link>
            <br />
            {pick(lang, product.group.villageTh, product.group.villageEn)} ·{" "}
            <Link to={href(lang, `/provinces/${product.group.province.slug}`)}>{province}</Link> · {t("group.members", { count: product.group.memberCount })}
          </p>
        </div>
      </section>
      {moreFromGroup.length > 0 ? (
        <section aria-labelledby="more">
          <h2 id="more">{t("product.moreFromGroup")}</h2>
          <ul className="grid">
            {moreFromGroup.map((other) => (
              <ProductCard key={other.slug} product={other} />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
