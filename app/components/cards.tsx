/** Product and group cards used on listing pages. */
import { Link } from "@remix-run/react";
import { formatMoney } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";
import { ResponsivePicture, type PictureImage } from "./picture";

// Cards sit in a grid of columns at least 9rem wide: two columns on a phone, three or more from
// 40rem on, where a card is never wider than about 240px.
const CARD_SIZES = "(min-width: 40rem) 240px, 50vw";

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

/**
 * A card's picture as few bytes as say it: where its files live and the widths stored in each
 * format (`${base}/${width}.${format}`), or the product's artwork. Cards are most of a listing
 * page's weight, and each card's data is sent twice (the HTML, then the data to hydrate it).
 */
export type CardPicture = { width: number; height: number; base: string; avif: number[]; webp: number[] } | { art: string };

const srcset = (base: string, widths: number[], format: string) => widths.map((width) => `${base}/${width}.${format} ${width}w`).join(", ");

/** A name in the page's language, or the Thai one marked so when the group gave no English. */
export type Text = { text: string; thai?: true };

/**
 * A name, and the text after it, as one text node where it can be (React marks the seam between
 * two adjacent text nodes with a comment, and a listing has a few dozen cards); a Thai-only name
 * on an English page is marked lang="th".
 */
function Shown({ value, then = "" }: { value: Text; then?: string }) {
  return value.thai ? (
    <>
      <span lang="th">{value.text}</span>
      {then}
    </>
  ) : (
    <>{`${value.text}${then}`}</>
  );
}

/**
 * What a product card shows, in the page's language only (app/web/cards.server.ts makes it from
 * a `ProductCardData` row): a listing page's loader data was mostly both languages of every card.
 */
export interface ProductCardView {
  slug: string;
  title: Text;
  priceSatang: number;
  unit: string;
  madeToOrder: boolean;
  /** Who made it and where, when the page is not the group's own. */
  by?: { group: Text; province: string };
  picture: CardPicture;
}

function CardImage({ picture, priority }: { picture: CardPicture; priority: boolean }) {
  if ("art" in picture) return <img src={picture.art} alt="" width={400} height={400} loading={priority ? "eager" : "lazy"} decoding="async" />;
  // The <img> falls back to the WebP nearest 640 px, for a browser that ignores srcset.
  const fallback = picture.webp.reduce((best, width) => (Math.abs(width - 640) < Math.abs(best - 640) ? width : best), picture.webp[0]);
  return (
    <ResponsivePicture
      avif={srcset(picture.base, picture.avif, "avif")}
      webp={srcset(picture.base, picture.webp, "webp")}
      src={`${picture.base}/${fallback}.webp`}
      sizes={CARD_SIZES}
      width={picture.width}
      height={picture.height}
      alt=""
      priority={priority}
    />
  );
}

/** `to` replaces the product page's address (the search page sends it through /search/open to note the click). */
export function ProductCard({ product, priority = false, to }: { product: ProductCardView; priority?: boolean; to?: string }) {
  const { t, lang } = useT();
  return (
    <li className="card">
      <Link to={to ?? href(lang, `/products/${product.slug}`)} className="card-link">
        <CardImage picture={product.picture} priority={priority} />
        <span className="card-title">
          <Shown value={product.title} />
        </span>
      </Link>
      {product.by ? (
        <span className="card-meta">
          <Shown value={product.by.group} then={` · ${product.by.province}`} />
        </span>
      ) : null}
      <span className="card-price">
        {`${formatMoney(product.priceSatang, lang)} `}
        <span className="unit">{`/ ${product.unit}`}</span>
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

/** What a group card shows, in the page's language only (see `ProductCardView`). */
export interface GroupCardView {
  slug: string;
  name: Text;
  village: Text;
  province: string;
  memberCount: number;
  /** Absent on compact cards, which show no picture. */
  picture?: CardPicture;
}

/**
 * A group in a list. A card made without a picture is compact: the home page lists groups
 * below its products, and more pictures there made a phone wait longer for the first
 * screen (Lighthouse LCP) for pictures nobody had reached.
 */
export function GroupCard({ group }: { group: GroupCardView }) {
  const { t, lang } = useT();
  return (
    <li className={group.picture ? "card group-card" : "card group-card compact"}>
      <Link to={href(lang, `/groups/${group.slug}`)} className="card-link">
        {group.picture ? <CardImage picture={group.picture} priority={false} /> : null}
        <span className="card-title">
          <Shown value={group.name} />
        </span>
      </Link>
      <span className="card-meta">
        <Shown value={group.village} then={` · ${group.province}`} />
      </span>
      <span className="card-meta">{t("group.members", { count: group.memberCount })}</span>
    </li>
  );
}
