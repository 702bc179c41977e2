/** Product and group cards used on listing pages. */
import { Link } from "@remix-run/react";
import { formatMoney } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { LocalizedText } from "./localized-text";
import { Picture, type PictureImage } from "./picture";

/** Cards are at most ~400 px wide: one column on phones, a grid beyond. */
// Cards sit in a grid of columns at least 10.5rem wide inside a page at most 72rem wide:
// two columns on a phone, more on larger screens, never wider than about 240px.
const CARD_SIZES = "(min-width: 72rem) 240px, (min-width: 40rem) 33vw, 50vw";

export interface ProductCardData {
  slug: string;
  titleTh: string;
  titleEn: string;
  priceSatang: number;
  unitTh: string;
  unitEn: string;
  madeToOrder: boolean;
  leadTimeDays: number | null;
  stock: number;
  category: { slug: string };
  group?: { nameTh: string; nameEn: string; province: { nameTh: string; nameEn: string } };
  images?: { image: PictureImage }[];
}

export function productArt(slug: string, category: string) {
  return `/art/${encodeURIComponent(category)}/${encodeURIComponent(slug)}.svg`;
}

/** `to` replaces the product page's address (the search page sends it through /search/open to note the click). */
export function ProductCard({ product, priority = false, to }: { product: ProductCardData; priority?: boolean; to?: string }) {
  const { t, lang } = useT();
  return (
    <li className="card product-card">
      <Link to={to ?? href(lang, `/products/${product.slug}`)} className="card-link">
        {product.images?.[0] ? (
          <Picture image={product.images[0].image} alt="" sizes={CARD_SIZES} priority={priority} />
        ) : (
          <img src={productArt(product.slug, product.category.slug)} alt="" width={400} height={400} loading={priority ? "eager" : "lazy"} decoding="async" />
        )}
        <span className="card-title">
          <LocalizedText th={product.titleTh} en={product.titleEn} />
        </span>
      </Link>
      {product.group ? (
        <span className="card-meta">
          {pick(lang, product.group.nameTh, product.group.nameEn)} · {pick(lang, product.group.province.nameTh, product.group.province.nameEn)}
        </span>
      ) : null}
      <span className="card-price">
        {formatMoney(product.priceSatang, lang)} <span className="unit">/ {pick(lang, product.unitTh, product.unitEn)}</span>
      </span>
      {product.madeToOrder ? <span className="badge">{t("product.madeToOrder")}</span> : null}
    </li>
  );
}

export interface GroupCardData {
  slug: string;
  nameTh: string;
  nameEn: string;
  villageTh: string;
  villageEn: string;
  memberCount: number;
  province: { nameTh: string; nameEn: string };
  coverImage?: PictureImage | null;
}

/**
 * A group in a list. `compact` leaves the picture out: the home page lists every
 * group below its products, and thirty more pictures there made a phone wait
 * longer for the first screen (Lighthouse LCP) for pictures nobody had reached.
 */
export function GroupCard({ group, compact = false }: { group: GroupCardData; compact?: boolean }) {
  const { t, lang } = useT();
  return (
    <li className={compact ? "card group-card compact" : "card group-card"}>
      <Link to={href(lang, `/groups/${group.slug}`)} className="card-link">
        {compact ? null : group.coverImage ? (
          <Picture image={group.coverImage} alt="" sizes={CARD_SIZES} />
        ) : (
          <img src={`/art/group/${encodeURIComponent(group.slug)}.svg`} alt="" width={400} height={400} loading="lazy" decoding="async" />
        )}
        <span className="card-title">{pick(lang, group.nameTh, group.nameEn)}</span>
      </Link>
      <span className="card-meta">
        {pick(lang, group.villageTh, group.villageEn)} · {pick(lang, group.province.nameTh, group.province.nameEn)}
      </span>
      <span className="card-meta">{t("group.members", { count: group.memberCount })}</span>
    </li>
  );
}
