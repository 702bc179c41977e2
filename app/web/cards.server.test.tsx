import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { ProductCard } from "~/components/cards";
import { fallbackSrc, srcsetFor, variantsOf } from "~/modules/media/variants";
import { cardPicture, collectionHeading, productCard } from "./cards.server";

const variants = ["avif", "webp"].flatMap((format) =>
  [640, 320].map((width) => ({ format, width, height: width, key: `images/abc/${width}.${format}`, url: `/media/images/abc/${width}.${format}` })),
);
const image = { width: 640, height: 640, variants };
const row = {
  slug: "mat",
  titleTh: "เสื่อกก",
  titleEn: "Sedge mat",
  priceSatang: 45_000,
  unitTh: "ผืน",
  unitEn: "piece",
  madeToOrder: false,
  leadTimeDays: null,
  stock: 3,
  category: { slug: "handicraft" },
  group: { nameTh: "กลุ่มจักสาน", nameEn: "Weavers", province: { nameTh: "นราธิวาส", nameEn: "Narathiwat" } },
  images: [{ image }],
};
const html = (lang: "th" | "en") =>
  renderToString(
    <MemoryRouter initialEntries={[lang === "en" ? "/en" : "/"]}>
      <ul>
        <ProductCard product={productCard(lang, row)} />
      </ul>
    </MemoryRouter>,
  );

describe("a product card's data", () => {
  it("names the image's folder and widths once, and the card draws the same srcsets as the stored variants", () => {
    const picture = cardPicture(image);
    expect(picture).toEqual({ width: 640, height: 640, base: "/media/images/abc", avif: [320, 640], webp: [320, 640] });
    const card = html("en");
    const stored = variantsOf(variants);
    expect(card).toContain(`srcSet="${srcsetFor(stored, "avif")}"`);
    expect(card).toContain(`srcSet="${srcsetFor(stored, "webp")}"`);
    expect(card).toContain(`src="${fallbackSrc(stored)}"`);
    // Cards with the same sizes share one list, which the page's data then names once.
    expect((cardPicture({ ...image }) as { webp: number[] }).webp).toBe((picture as { webp: number[] }).webp);
  });

  it("is in the page's language only", () => {
    expect(productCard("en", row)).toMatchObject({ title: { text: "Sedge mat" }, unit: "piece", by: { group: { text: "Weavers" }, province: "Narathiwat" } });
    expect(productCard("th", row)).toMatchObject({ title: { text: "เสื่อกก" }, unit: "ผืน", by: { group: { text: "กลุ่มจักสาน" }, province: "นราธิวาส" } });
    expect(JSON.stringify(productCard("en", row))).not.toMatch(/เสื่อ|variants|key|thai/);
  });

  it("marks a title or group name given only in Thai on an English card", () => {
    const thaiOnly = { ...row, titleEn: "", group: { ...row.group, nameEn: "" } };
    expect(productCard("en", thaiOnly)).toMatchObject({ title: { text: "เสื่อกก", thai: true }, by: { group: { text: "กลุ่มจักสาน", thai: true } } });
    const card = renderToString(
      <MemoryRouter initialEntries={["/en"]}>
        <ul>
          <ProductCard product={productCard("en", thaiOnly)} />
        </ul>
      </MemoryRouter>,
    );
    expect(card).toContain('<span lang="th">เสื่อกก</span>');
    expect(card).toContain('<span lang="th">กลุ่มจักสาน</span>');
  });

  it("falls back to the artwork for an image whose files do not sit in one folder", () => {
    const scattered = { ...image, variants: variants.map((variant, index) => (index === 1 ? { ...variant, url: "https://elsewhere.example/x.avif" } : variant)) };
    expect(cardPicture(scattered)).toBeNull();
    expect(productCard("th", { ...row, images: [{ image: scattered }] }).picture).toEqual({ art: "/art/handicraft/mat.svg" });
  });
});

describe("a collection's heading", () => {
  const collection = { slug: "kitchen", titleTh: "ครัวชุมชน", titleEn: "Village kitchen", descriptionTh: "น้ำพริกสูตรโบราณ", descriptionEn: null };

  it("is in the page's language, and an English page without an English note shows the Thai one, marked", () => {
    expect(collectionHeading("th", collection)).toEqual({ slug: "kitchen", title: "ครัวชุมชน", description: { text: "น้ำพริกสูตรโบราณ", lang: "th", missing: false } });
    expect(collectionHeading("en", collection)).toEqual({ slug: "kitchen", title: "Village kitchen", description: { text: "น้ำพริกสูตรโบราณ", lang: "th", missing: true } });
    expect(collectionHeading("en", { ...collection, descriptionTh: null }).description).toBeNull();
  });
});
