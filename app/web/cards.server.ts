/**
 * Cards as listing pages send them: each product or group row cut down to what its card shows,
 * in the page's language, with the picture's srcsets written once here. A listing's loader data
 * is serialised into the page for hydration, so both languages of every card and the stored
 * image variants (keys, heights, URLs) used to be most of a page's weight.
 */
import type { CardPicture, GroupCardData, GroupCardView, ProductCardData, ProductCardView, Text } from "~/components/cards";
import { productArt } from "~/components/cards";
import type { PictureImage } from "~/components/picture";
import type { Lang } from "~/i18n/i18n";
import { localized, pick } from "~/i18n/localized";
import { variantsOf } from "~/modules/media/variants";

/** One array per list of widths, so the data sent to the browser names each list once. */
const widthLists = new Map<string, number[]>();
const widthList = (widths: number[]) => {
  const key = widths.join(",");
  if (!widthLists.has(key)) widthLists.set(key, widths);
  return widthLists.get(key)!;
};

/**
 * A stored image as a card's picture. Every variant's URL is `${base}/${width}.${format}` (the
 * storage key is the image's folder); an image whose URLs do not fit, or with no WebP, gets null
 * and the card shows the artwork rather than a broken picture.
 */
export function cardPicture(image: PictureImage): CardPicture | null {
  const variants = variantsOf(image.variants);
  const first = variants[0];
  if (!first) return null;
  const base = first.url.slice(0, first.url.length - `/${first.width}.${first.format}`.length);
  if (!variants.every((variant) => variant.url === `${base}/${variant.width}.${variant.format}`)) return null;
  const widths = (format: string) => widthList(variants.filter((variant) => variant.format === format).map((variant) => variant.width).sort((a, b) => a - b));
  const webp = widths("webp");
  if (webp.length === 0) return null;
  return { width: image.width, height: image.height, base, avif: widths("avif"), webp };
}

/** A bilingual name for the page's language; on an English page without English, the Thai, marked. */
function text(lang: Lang, th: string, en: string | null | undefined): Text {
  const shown = localized(lang, th, en);
  return shown.missing ? { text: shown.text, thai: true } : { text: shown.text };
}

export function productCard(lang: Lang, product: ProductCardData): ProductCardView {
  const image = product.images?.[0]?.image;
  return {
    slug: product.slug,
    title: text(lang, product.titleTh, product.titleEn),
    priceSatang: product.priceSatang,
    unit: pick(lang, product.unitTh, product.unitEn),
    madeToOrder: product.madeToOrder,
    ...(product.group
      ? { by: { group: text(lang, product.group.nameTh, product.group.nameEn), province: pick(lang, product.group.province.nameTh, product.group.province.nameEn) } }
      : {}),
    picture: (image && cardPicture(image)) ?? { art: productArt(product.slug, product.category.slug) },
  };
}

export function productCards(lang: Lang, products: ProductCardData[]): ProductCardView[] {
  return products.map((product) => productCard(lang, product));
}

/** `withPicture: false` makes a compact card (the home page's list of groups). */
export function groupCard(lang: Lang, group: GroupCardData, { withPicture = true }: { withPicture?: boolean } = {}): GroupCardView {
  const cover = withPicture && group.coverImage ? cardPicture(group.coverImage) : null;
  return {
    slug: group.slug,
    name: text(lang, group.nameTh, group.nameEn),
    village: text(lang, group.villageTh, group.villageEn),
    province: pick(lang, group.province.nameTh, group.province.nameEn),
    memberCount: group.memberCount,
    ...(withPicture ? { picture: cover ?? { art: `/art/group/${encodeURIComponent(group.slug)}.svg` } } : {}),
  };
}

/** A collection's title and note in the page's language, as its shelf on the home page and its own page show them. */
export function collectionHeading(lang: Lang, collection: { slug: string; titleTh: string; titleEn: string; descriptionTh: string | null; descriptionEn: string | null }) {
  return {
    slug: collection.slug,
    title: pick(lang, collection.titleTh, collection.titleEn),
    // An English page without an English note shows the Thai one, marked as Thai.
    description: collection.descriptionTh ? localized(lang, collection.descriptionTh, collection.descriptionEn) : null,
  };
}
