import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./hydrated";

// A group no other journey edits, on a phone-sized screen.
const group = "yang-talat-rice";
test.use({ viewport: { width: 360, height: 740 } });

async function signInAsOwner(page: Page) {
  await page.goto("/en/signin");
  await page.getByLabel("Email").fill(`owner.${group}@demo.sammachip.test`);
  await page.getByLabel("Password").fill("sammachip-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
}

function addForm(page: Page) {
  return page.getByRole("region", { name: "Add a shipping method" });
}

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a group owner adds a courier on a phone; a fee above the ceiling is refused", async ({ page }) => {
    await signInAsOwner(page);
    await page.goto(`/en/groups/${group}/manage`);
    await page.getByRole("link", { name: "Shipping" }).click();
    await expect(page.getByRole("heading", { name: "Shipping", level: 2 })).toBeVisible();
    await fitsTheScreen(page);

    await addForm(page).getByLabel("Method").selectOption({ label: "Kerry Express" });
    await addForm(page).getByLabel("Fee (baht)").fill("5000.01");
    await addForm(page).getByRole("button", { name: "Add a shipping method" }).click();
    await expect(addForm(page).getByRole("alert")).toHaveText("Please enter the fee in baht, from 0 to 5,000, with at most 2 decimals");
    await expect(page.getByRole("heading", { name: "Kerry Express", level: 3 })).toHaveCount(0);

    await addForm(page).getByLabel("Fee (baht)").fill("38.50");
    await addForm(page).getByLabel("Extra fee per kilogram beyond the first (baht)").fill("12");
    await addForm(page).getByRole("button", { name: "Add a shipping method" }).click();
    await expect(page.getByRole("status")).toHaveText("Shipping method added");
    const added = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Kerry Express", level: 3 }) });
    await expect(added).toContainText("Fee ฿38.50, plus ฿12 per kilogram beyond the first");
    await fitsTheScreen(page);
  });
});

test("with JavaScript, a bad fee is caught before posting, and the page passes axe", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto(`/en/groups/${group}/manage/shipping`);
  await hydrated(page);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  let posted = false;
  page.on("request", (request) => {
    if (request.method() === "POST") posted = true;
  });
  await addForm(page).getByLabel("Method").selectOption({ label: "J&T Express" });
  await addForm(page).getByLabel("Fee (baht)").fill("12.345");
  await addForm(page).getByRole("button", { name: "Add a shipping method" }).click();
  await expect(addForm(page).getByRole("alert")).toHaveText("Please enter the fee in baht, from 0 to 5,000, with at most 2 decimals");
  expect(posted).toBe(false);
});
