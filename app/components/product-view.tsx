/**
 * The product page as buyers see it: gallery, title, price, availability, certifications, where
 * the money goes, story, maker and more from the group. One component for the storefront route
 * and the workspace's preview, so a group previews exactly what buyers will get.
 */
import { Link } from "@remix-run/react";
import { AddToCart } from "~/components/add-to-cart";
import { availabilityText, reviveAvailability } from "~/components/availability";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GroupContacts } from "~/components/group-contacts";
import { ProductCard, productArt, type ProductCardView } from "~/components/cards";
import { ServerMarkupList } from "~/components/server-markup";
import { CertificationList } from "~/components/certification-list";
import { LocalizedStory, LocalizedText } from "~/components/localized-text";
import { Picture } from "~/components/picture";
import { PriceBreakdownTable, ShareLinks } from "~/components/product-parts";
import { formatMoney } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import type { ProductPageData } from "~/modules/catalog/catalog.server";
import type { PriceBreakdown } from "~/modules/payouts/price-breakdown";

type Serialized<T> = T extends Date ? string | Date : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T;

export function ProductView({
  product,
  moreFromGroup,
  breakdown,
  orderable,
  availability: rawAvailability,
  preview = false,
}: Omit<ProductPageData, "availability" | "moreFromGroup"> & {
  availability: Serialized<ProductPageData["availability"]>;
  moreFromGroup: ProductCardView[];
  breakdown: PriceBreakdown;
  preview?: boolean;
}) {
  const { t, lang } = useT();
  // Dates may arrive as strings through a loader's JSON.
  const availability = reviveAvailability(rawAvailability);
  const title = pick(lang, product.titleTh, product.titleEn);
  const unit = pick(lang, product.unitTh, product.unitEn);
  const groupName = pick(lang, product.group.nameTh, product.group.nameEn);
  const province = pick(lang, product.group.province.nameTh, product.group.province.nameEn);
  const category = pick(lang, product.category.nameTh, product.category.nameEn);
  const leadTime =
    product.madeToOrder && product.leadTimeDays
      ? t(product.category.slug === "textiles" ? "store.leadTimeTextiles" : "product.leadTime", { count: product.leadTimeDays })
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
          <h1>
            <LocalizedText th={product.titleTh} en={product.titleEn} note />
          </h1>
          <p className="byline">{t("product.by", { group: groupName })}</p>
          <p className="price">
            <span className="visually-hidden">{t("product.price")} </span>
            {formatMoney(product.priceSatang, lang)} <span className="unit">{t("product.perUnit", { unit })}</span>
          </p>
          <p className="availability" data-testid="availability">
            {availabilityText(availability, { unit, leadTime, lang, t })}
          </p>
          {/* A preview shows where the button is, but nothing can be bought from it. */}
          {preview ? null : <AddToCart productId={product.id} maxQuantity={orderable} title={title} />}
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
        <LocalizedStory className="story" th={product.storyTh} en={product.storyEn} />
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
          <ServerMarkupList className="grid" data={moreFromGroup}>
            {moreFromGroup.map((other) => (
              <ProductCard key={other.slug} product={other} />
            ))}
          </ServerMarkupList>
        </section>
      ) : null}
    </article>
  );
}
