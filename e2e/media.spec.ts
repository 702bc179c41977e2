import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";

const product = { slug: "ban-thon-krajood-water-hyacinth", title: "Water hyacinth basket" };

async function signInAsOwner(page: Page) {
  await page.goto("/en/signin");
  await page.getByLabel("Email").fill("owner.ban-thon-krajood@demo.sammachip.test");
  await page.getByLabel("Password").fill("sammachip-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
}

function photoForm(page: Page) {
  return page.locator("form").filter({ has: page.getByLabel(`Photo of ${product.title}`) });
}

/** The first picture's AVIF srcset; null while the page still shows the SVG art (the demo pictures are drawn after the store opens). */
async function mainImageSrcset(page: Page) {
  await page.goto(`/en/products/${product.slug}`);
  const avif = page.locator("picture").first().locator('source[type="image/avif"]');
  return (await avif.count()) > 0 ? avif.getAttribute("srcset") : null;
}

test("a group owner adds a photo and sees it on the product page; a text file is refused", async ({ page }) => {
  const before = await mainImageSrcset(page);
  await signInAsOwner(page);
  await page.goto("/en/groups/ban-thon-krajood/manage");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  await photoForm(page).getByLabel(`Photo of ${product.title}`).setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Order 20 more baskets for the Songkran fair\n"),
  });
  await photoForm(page).getByRole("button", { name: "Upload photo" }).click();
  await expect(photoForm(page).getByRole("alert")).toHaveText("This file is not an image. Please choose a JPEG, PNG, WebP or AVIF file");

  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 120, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();
  await photoForm(page).getByLabel(`Photo of ${product.title}`).setInputFiles({ name: "basket.jpg", mimeType: "image/jpeg", buffer: photo });
  await photoForm(page).getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByRole("status")).toHaveText("Photo added; it is now the product's first photo");

  const after = await mainImageSrcset(page);
  expect(after).toMatch(/\/media\/images\/[0-9a-f]+\/320\.avif 320w, .+ 640w, .+ 1024w$/);
  expect(after).not.toBe(before);
  const image = page.getByRole("img", { name: product.title }).first();
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const avif = await page.request.get(after!.split(" ")[0]);
  expect(avif.headers()["content-type"]).toBe("image/avif");
  expect(avif.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});
