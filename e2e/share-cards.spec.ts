/**
 * A link preview shows the product: the page's og:image is its share card in the page's
 * language, and after the group uploads a photo the card draws that photo.
 */
import sharp from "sharp";
import { expect, test } from "./fixtures";
import { hydrated } from "./hydrated";

test("the share card shows the photo a group uploads", async ({ page, makeGroup, signIn }) => {
  test.slow(); // an upload and three card drawings on a busy two-core machine
  const group = await makeGroup();
  const [product] = group.products;
  await page.goto(`/en/products/${product.slug}`);
  const cardUrl = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(cardUrl).toMatch(new RegExp(`/og/product/${product.slug}\\.en\\.png$`));
  const before = await page.request.get(cardUrl!);
  expect(before.status()).toBe(200);
  expect(before.headers()["content-type"]).toBe("image/png");

  await signIn(group.owner);
  await page.goto(`/en/groups/${group.slug}/manage/products/${product.id}`);
  await hydrated(page);
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 20, g: 160, b: 60 } } }).jpeg().toBuffer();
  const form = page.locator("form").filter({ has: page.getByLabel(`Photo of ${product.titleEn}`) });
  await form.getByLabel(`Photo of ${product.titleEn}`).setInputFiles({ name: "basket.jpg", mimeType: "image/jpeg", buffer: photo });
  await form.getByRole("button", { name: "Upload photo" }).click();
  // Encoding the photo's six variants beside another worker's browser can outlast the default 5 s.
  await expect(page.getByRole("status")).toHaveText("Photo added; it is now the product's first photo", { timeout: 20_000 });

  const after = await page.request.get(cardUrl!);
  const card = await after.body();
  expect(await sharp(card).metadata()).toMatchObject({ width: 1200, height: 630 });
  // The left square is the photo now.
  const [r, g, b] = await sharp(card).extract({ left: 315, top: 315, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
  expect(Math.abs(r - 20) + Math.abs(g - 160) + Math.abs(b - 60)).toBeLessThan(40);
  expect(card.equals(await before.body())).toBe(false);
  // The product page's gallery holds the photo alone (the fixture's products have no artwork row).
  await page.goto(`/en/products/${product.slug}`);
  await expect(page.getByRole("list", { name: "Product photos" }).locator("picture")).toHaveCount(1);
});

test("a missing or hidden product has no share card", async ({ page, makeGroup, db }) => {
  const group = await makeGroup();
  const [product] = group.products;
  expect((await page.request.get(`/og/product/${product.slug}.png`)).status()).toBe(200);
  await db.product.update({ where: { id: product.id }, data: { hiddenAt: new Date(), hiddenReason: "e2e" } });
  expect((await page.request.get(`/og/product/${product.slug}.png`)).status()).toBe(404);
  expect((await page.request.get("/og/product/no-such-product.png")).status()).toBe(404);
  expect((await page.request.get(`/og/group/${group.slug}.en.png`)).status()).toBe(200);
});
