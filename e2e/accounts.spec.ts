import { expect, test } from "@playwright/test";

test("a visitor signs up, signs out and signs in again", async ({ page }) => {
  const email = `somsri.${Date.now()}@example.com`;
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

test("a wrong password is refused with a message, in Thai", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("อีเมล").fill("buyer@demo.sammachip.test");
  await page.getByLabel("รหัสผ่าน").fill("wrong-password");
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("alert")).toHaveText("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
  await expect(page.getByLabel("อีเมล")).toHaveValue("buyer@demo.sammachip.test");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("sign-in still works as a plain form", async ({ page }) => {
    await page.goto("/en/signin");
    await page.getByLabel("Email").fill("buyer@demo.sammachip.test");
    await page.getByLabel("Password").fill("sammachip-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Signed in as สมใจ ใจดี")).toBeVisible();
  });
});

test("a group owner manages stock; a consumer is refused the workspace", async ({ page }) => {
  await page.goto("/en/signin");
  await page.getByLabel("Email").fill("owner.ban-thon-krajood@demo.sammachip.test");
  await page.getByLabel("Password").fill("sammachip-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
  await page.goto("/en/groups/ban-thon-krajood/manage/products");
  const stock = page.getByLabel("In stock Krajood sedge mat");
  await stock.fill("12");
  await stock.locator("xpath=..").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Stock saved");
  await expect(page.getByLabel("In stock Krajood sedge mat")).toHaveValue("12");

  await page.getByRole("button", { name: "Sign out" }).click();
  // Let the sign-out finish before navigating, or it may race the next sign-in's cookie.
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/en/signin");
  await page.getByLabel("Email").fill("buyer@demo.sammachip.test");
  await page.getByLabel("Password").fill("sammachip-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
  const response = await page.goto("/en/groups/ban-thon-krajood/manage");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
});
