import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { productCard } from "~/web/cards.server";
import { ProductCard } from "./cards";
import { LocalizedStory, LocalizedText } from "./localized-text";

const at = (path: string, node: ReactNode) => renderToString(<MemoryRouter initialEntries={[path]}>{node}</MemoryRouter>);

describe("bilingual text with a missing English", () => {
  it("shows the Thai marked as Thai on an English page and says the English is not yet available", () => {
    const html = at("/en/products/x", <LocalizedStory th="ทอจากกกในหนองน้ำ" en="" />);
    expect(html).toContain("English description not yet available");
    expect(html).toContain('<p lang="th">ทอจากกกในหนองน้ำ</p>');
    const title = at("/en/products/x", <LocalizedText th="เสื่อกก" en="  " note />);
    expect(title).toContain('<span lang="th">เสื่อกก</span>');
    expect(title).toContain("English description not yet available");
  });

  it("shows the English when there is some, and the Thai page never carries the note", () => {
    expect(at("/en/x", <LocalizedStory th="ไทย" en="English story" />)).not.toContain("not yet available");
    expect(at("/en/x", <LocalizedStory th="ไทย" en="English story" />)).toContain("English story");
    const thai = at("/products/x", <LocalizedStory th="ไทย" en="" />);
    expect(thai).not.toContain("ยังไม่มีคำอธิบายภาษาอังกฤษ");
    expect(thai).toContain("ไทย");
  });

  it("marks a Thai-only title on an English card", () => {
    const card = productCard("en", {
      slug: "x",
      titleTh: "เสื่อกก",
      titleEn: "",
      priceSatang: 9900,
      unitTh: "ผืน",
      unitEn: "",
      madeToOrder: false,
      leadTimeDays: null,
      stock: 1,
      category: { slug: "handicraft" },
    });
    expect(
      at(
        "/en",
        <ul>
          <ProductCard product={card} />
        </ul>,
      ),
    ).toContain('<span lang="th">เสื่อกก</span>');
  });
});
