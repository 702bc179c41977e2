import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import { expect, test, type TestProduct } from "./fixtures";
import type { Page } from "@playwright/test";

function photoForm(page: Page, product: TestProduct) {
  return page.locator("form").filter({ has: page.getByLabel(`Photo of ${product.titleEn}`) });
}

function gallery(page: Page) {
  return page.getByRole("list", { name: "Product photos" });
}

test("a group owner adds a photo and sees it on the product page; a text file is refused", async ({ page, makeGroup, signIn }) => {
  // Axe on the workspace, two uploads and image checks: more than the default budget on a busy machine.
  test.slow();
  const group = await makeGroup();
  const [product] = group.products;
  // Before: the product has no photo, so the page shows its drawn placeholder.
  await page.goto(`/en/products/${product.slug}`);
  await expect(gallery(page).locator("picture")).toHaveCount(0);
  await expect(gallery(page).getByRole("img")).toHaveAttribute("src", /^\/art\//);

  await signIn(group.owner);
  await page.goto(`/en/groups/${group.slug}/manage/products/${product.id}`);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  await photoForm(page, product).getByLabel(`Photo of ${product.titleEn}`).setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Order 20 more baskets for the Songkran fair\n"),
  });
  await photoForm(page, product).getByRole("button", { name: "Upload photo" }).click();
  await expect(photoForm(page, product).getByRole("alert")).toHaveText("This file is not an image. Please choose a JPEG, PNG, WebP or AVIF file");

  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 120, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();
  await photoForm(page, product).getByLabel(`Photo of ${product.titleEn}`).setInputFiles({ name: "basket.jpg", mimeType: "image/jpeg", buffer: photo });
  await photoForm(page, product).getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByRole("status")).toHaveText("Photo added; it is now the product's first photo");

  // After: the product page shows that photo, in every size, from the image pipeline.
  await page.goto(`/en/products/${product.slug}`);
  await expect(gallery(page).locator("picture")).toHaveCount(1);
  const avif = await gallery(page).locator("picture").first().locator('source[type="image/avif"]').getAttribute("srcset");
  expect(avif).toMatch(/^\/media\/images\/[0-9a-f]+\/320\.avif 320w, .+ 640w, .+ 1024w$/);
  const image = gallery(page).getByRole("img").first();
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const file = await page.request.get(avif!.split(" ")[0]);
  expect(file.headers()["content-type"]).toBe("image/avif");
  expect(file.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  // A 1200 × 900 upload is never upscaled: its largest stored width is 1024, at the photo's shape.
  const stored = await sharp(await (await page.request.get(avif!.split(", ").at(-1)!.split(" ")[0])).body()).metadata();
  expect([stored.width, stored.height]).toEqual([1024, 768]);
});
