/**
 * Which share card a product or group gets, in the page's language: what buyers may see only
 * (a missing, hidden or unverified one has none), its cover photo unless that is still the
 * demo artwork, and its words cut to what the card holds (share-image.ts).
 */
import { db } from "~/db/client.server";
import { formatMoney } from "~/i18n/format";
import { translator, type Lang } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { visibleGroups } from "~/modules/groups/visibility";
import { placeholderKeyOf } from "~/modules/media/placeholders.server";
import { mediaStorage } from "~/modules/media/storage.server";
import { variantsOf } from "~/modules/media/variants";
import { cardText, type ShareCardContent } from "./share-image";
import { drawShareCard, shareCardKey, shareImages } from "./share-image.server";
import { visibleProducts } from "./visibility";

const image = { select: { storageKey: true, variants: true } } as const;

/** An image's files, largest first (WebP before AVIF at one width: quicker to decode); none for the demo artwork. */
function photoKeys(picture: { storageKey: string; variants: unknown } | null | undefined, placeholderKey: string): string[] {
  if (!picture || picture.storageKey === placeholderKey) return [];
  return variantsOf(picture.variants)
    .sort((a, b) => b.width - a.width || (a.format === "webp" ? -1 : 1))
    .map((variant) => variant.key);
}

export async function productShareCard(slug: string, lang: Lang): Promise<ShareCardContent | null> {
  const product = await db().product.findFirst({
    where: { slug, ...visibleProducts },
    select: {
      titleTh: true,
      titleEn: true,
      priceSatang: true,
      unitTh: true,
      unitEn: true,
      category: { select: { slug: true } },
      images: { orderBy: { position: "asc" }, take: 1, select: { image } },
      group: { select: { nameTh: true, nameEn: true, villageTh: true, villageEn: true, province: { select: { nameTh: true, nameEn: true } } } },
    },
  });
  if (!product) return null;
  const { group } = product;
  return {
    brand: translator(lang)("site.name"),
    title: cardText(pick(lang, product.titleTh, product.titleEn), 90),
    price: cardText(`${formatMoney(product.priceSatang, lang)} / ${pick(lang, product.unitTh, product.unitEn)}`, 40),
    lines: [cardText(pick(lang, group.nameTh, group.nameEn), 80), cardText(`${pick(lang, group.villageTh, group.villageEn)} · ${pick(lang, group.province.nameTh, group.province.nameEn)}`, 60)],
    photo: photoKeys(product.images[0]?.image, placeholderKeyOf(slug, product.category.slug)),
    art: { seed: slug, palette: product.category.slug },
  };
}

export async function groupShareCard(slug: string, lang: Lang): Promise<ShareCardContent | null> {
  const group = await db().occupationGroup.findFirst({
    where: { slug, ...visibleGroups },
    select: { nameTh: true, nameEn: true, villageTh: true, villageEn: true, memberCount: true, coverImage: image, province: { select: { nameTh: true, nameEn: true } } },
  });
  if (!group) return null;
  const t = translator(lang);
  return {
    brand: t("site.name"),
    title: cardText(pick(lang, group.nameTh, group.nameEn), 90),
    price: null,
    lines: [cardText(`${pick(lang, group.villageTh, group.villageEn)} · ${pick(lang, group.province.nameTh, group.province.nameEn)}`, 60), t("group.members", { count: group.memberCount })],
    photo: photoKeys(group.coverImage, placeholderKeyOf(slug, "group")),
    art: { seed: slug, palette: "group" },
  };
}

/** The card's PNG, drawn once per content (see share-image.server.ts); null when buyers may not see the product or group. */
export async function shareCardPng(kind: "product" | "group", slug: string, lang: Lang): Promise<Buffer | null> {
  const content = kind === "product" ? await productShareCard(slug, lang) : await groupShareCard(slug, lang);
  if (!content) return null;
  const storage = mediaStorage();
  return shareImages.png(shareCardKey(content), () => drawShareCard(content, (key) => storage.get(key)));
}
