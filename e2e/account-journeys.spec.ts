/**
 * A buyer's account on a 360 px phone: signing up (and being welcomed), forgetting the password,
 * setting a new one from the mailed link and signing in with it; and following a group from a
 * signed-out visit, hearing about its new product by email, and unfollowing from that email.
 * Every page on the way fits the screen and passes axe.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { linkIn, mailTo } from "./mail";

test.use({ viewport: { width: 360, height: 740 } });

async function expectPhoneReady(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.client);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a buyer signs up, forgets the password, sets a new one from the mailed link and signs in", async ({ page, baseURL, forgetAccountAfterwards }) => {
  test.slow(); // several axe runs and an email through the outbox
  const email = `somying.${Date.now()}.${test.info().workerIndex}@example.com`;
  forgetAccountAfterwards(email);

  await page.goto("/signup");
  await page.getByLabel("ชื่อที่แสดง").fill("สมหญิง");
  await page.getByLabel("อีเมล").fill(email);
  await page.getByLabel("รหัสผ่าน").fill("รหัสเดิม-2569");
  await page.getByRole("button", { name: "สมัครสมาชิก" }).click();
  await expect(page).toHaveURL(/\/account\?welcome=1$/);
  await expect(page.getByRole("heading", { name: "ยินดีต้อนรับ สมหญิง" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ดูสถานะคำสั่งซื้อทั้งหมดของคุณ" })).toHaveAttribute("href", "/orders");
  await expectPhoneReady(page);

  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  await page.goto("/signin");
  await page.getByRole("link", { name: "ลืมรหัสผ่าน?" }).click();
  await expectPhoneReady(page);
  await page.getByLabel("อีเมล").fill(email);
  await page.getByRole("button", { name: "ส่งลิงก์ตั้งรหัสผ่านใหม่" }).click();
  await expect(page.getByRole("status")).toContainText(`ถ้ามีบัญชีที่ใช้ ${email}`);

  const mail = await mailTo(email, "ตั้งรหัสผ่านใหม่");
  const link = linkIn(mail, /\/reset-password\//);
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  await page.goto(link);
  await expectPhoneReady(page);
  await page.getByLabel("รหัสผ่านใหม่", { exact: true }).fill("รหัสใหม่-2570");
  await page.getByRole("button", { name: "บันทึกรหัสผ่านใหม่" }).click();

  await expect(page.getByRole("status")).toContainText("ตั้งรหัสผ่านใหม่แล้ว");
  await expect(page.getByLabel("อีเมล")).toHaveValue(email);
  await page.getByLabel("รหัสผ่าน").fill("รหัสใหม่-2570");
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByText("เข้าสู่ระบบเป็น สมหญิง")).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("alert")).toHaveText("ลิงก์นี้ถูกใช้ไปแล้ว ลิงก์ตั้งรหัสผ่านใช้ได้ครั้งเดียว ขอลิงก์ใหม่ได้ที่นี่");
});

test("a buyer follows a group, hears about its new product by email and unfollows from the email", async ({ page, browser, db, makeGroup, makeUser, signIn }) => {
  test.slow();
  const group = await makeGroup();
  const buyer = await makeUser({ name: "Anong Test" });
  const [template] = group.products;
  const draft = await db.product.create({
    data: {
      ...(await db.product.findUniqueOrThrow({ where: { id: template!.id }, omit: { id: true, slug: true, createdAt: true, updatedAt: true } })),
      slug: `${group.slug}-new`,
      titleTh: "ตะกร้าสานใบใหม่",
      titleEn: "New woven basket",
      status: "DRAFT",
    },
  });

  // Signed out, "follow" goes through sign-in and comes back.
  await page.goto(`/en/groups/${group.slug}`);
  await expect(page.getByTestId("followers")).toHaveText("0 followers");
  await page.getByRole("link", { name: "Follow this group" }).click();
  await page.getByLabel("Email").fill(buyer.email);
  await page.getByLabel("Password").fill(buyer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Follow ${group.nameEn}` })).toBeVisible();
  await expectPhoneReady(page);
  await page.getByRole("button", { name: "Follow this group" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/groups/${group.slug}$`));
  await expect(page.getByTestId("followers")).toHaveText("1 follower");
  await expect(page.getByRole("button", { name: "Unfollow" })).toBeVisible();
  await expectPhoneReady(page);

  // The group puts a new product on sale.
  const owner = await browser.newContext();
  await signIn(group.owner, owner);
  const ownerPage = await owner.newPage();
  await ownerPage.goto(`/en/groups/${group.slug}/manage/products/${draft.id}`);
  await ownerPage.getByRole("button", { name: "Put on sale" }).click();
  await expect(ownerPage).toHaveURL(/saved=status/);
  await owner.close();

  const mail = await mailTo(buyer.email, "ตะกร้าสานใบใหม่");
  expect(mail.subject).toBe(`${group.nameTh} ลงขายสินค้าใหม่: ตะกร้าสานใบใหม่`);
  expect(mail.text).toContain(`/products/${draft.slug}`);

  // One click from the email, in a browser that is not signed in.
  const reader = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const readerPage = await reader.newPage();
  await readerPage.goto(linkIn(mail, /\/unfollow\?token=/));
  await readerPage.getByRole("button", { name: `เลิกติดตาม ${group.nameTh}` }).click();
  await expect(readerPage.getByRole("status")).toHaveText(`เลิกติดตาม ${group.nameTh} แล้ว จะไม่ได้รับอีเมลเรื่องสินค้าใหม่ของกลุ่มนี้อีก`);
  await expectPhoneReady(readerPage);
  await reader.close();
  expect(await db.groupFollow.count({ where: { userId: buyer.id } })).toBe(0);
});
