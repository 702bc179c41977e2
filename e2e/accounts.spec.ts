/**
 * Accounts: signing up, in and out through the store's own forms (the only tests that sign in
 * through the UI), and the group workspace refused to a consumer. Every account is the test's own.
 */
import { expect, test } from "./fixtures";

test("a visitor signs up, signs out and signs in again", async ({ page, forgetAccountAfterwards }) => {
  const email = `somsri.${Date.now()}.${test.info().workerIndex}@example.com`;
  forgetAccountAfterwards(email);
  await page.goto("/signup");
  await page.getByLabel("ชื่อที่แสดง").fill("สมศรี");
  await page.getByLabel("อีเมล").fill(email);
  await page.getByLabel("รหัสผ่าน").fill("ผ้าไหมสวยมาก-2569");
  await page.getByRole("button", { name: "สมัครสมาชิก" }).click();
  await expect(page.getByText("เข้าสู่ระบบเป็น สมศรี")).toBeVisible();

  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  await expect(page.getByRole("link", { name: "เข้าสู่ระบบ" })).toBeVisible();
  await expect(page.getByText("เข้าสู่ระบบเป็น สมศรี")).toHaveCount(0);

  await page.getByRole("link", { name: "เข้าสู่ระบบ" }).click();
  await page.getByLabel("อีเมล").fill(email.toUpperCase());
  await page.getByLabel("รหัสผ่าน").fill("ผ้าไหมสวยมาก-2569");
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByText("เข้าสู่ระบบเป็น สมศรี")).toBeVisible();
});

test("bad sign-up input gets field errors in the page's language and keeps what was typed", async ({ page }) => {
  await page.goto("/en/signup");
  await page.getByLabel("Display name").fill("Ann");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Please enter a valid email, such as name@example.com")).toBeVisible();
  await expect(page.getByText("The password must be at least 8 characters")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Display name")).toHaveValue("Ann");
});

test("a wrong password is refused with a message, in Thai", async ({ page, makeUser }) => {
  const user = await makeUser();
  await page.goto("/signin");
  await page.getByLabel("อีเมล").fill(user.email);
  await page.getByLabel("รหัสผ่าน").fill(`${user.password}-wrong`);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("alert")).toHaveText("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
  await expect(page.getByLabel("อีเมล")).toHaveValue(user.email);
  await expect(page.getByText(`เข้าสู่ระบบเป็น ${user.name}`)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("sign-in still works as a plain form", async ({ page, makeUser }) => {
    const user = await makeUser({ name: "Malee Test" });
    await page.goto("/en/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Signed in as Malee Test")).toBeVisible();
  });
});

test("a group owner manages stock; a consumer is refused the workspace", async ({ page, db, makeGroup, makeUser, signIn }) => {
  const group = await makeGroup();
  const [product] = group.products;
  await signIn(group.owner);
  await page.goto(`/en/groups/${group.slug}/manage/products`);
  const stock = page.getByLabel(`In stock ${product.titleEn}`);
  await expect(stock).toHaveValue(String(product.stock));
  await stock.fill("12");
  await stock.locator("xpath=..").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Stock saved");
  expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(12);
  await page.reload();
  await expect(page.getByLabel(`In stock ${product.titleEn}`)).toHaveValue("12");

  await page.context().clearCookies();
  await signIn(await makeUser({ name: "Consumer Test" }));
  const response = await page.goto(`/en/groups/${group.slug}/manage/products`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
});
