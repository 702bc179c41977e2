/**
 * A group's whole way in, on a phone-sized screen (360×740): a new group applies with a
 * certificate; staff return it with a reason; the group answers; staff verify it; its owner
 * invites a member (who joins through the link), lists a product with two photos from the file
 * input, reorders them and puts it on sale; the product is on the storefront and in search at
 * once. Every workspace page fits 360 px without sideways scrolling. Accounts are made through
 * the sign-up page (staff's is the demo one, only signed in to). Staff then feature the product in
 * a collection scheduled from now, which the home page shows.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { hydrated } from "./hydrated";

const phone = { viewport: { width: 360, height: 740 }, locale: "th-TH", hasTouch: true, isMobile: true };
const run = Date.now().toString(36);
const groupName = `กลุ่มเย็บย่ามทดสอบ ${run}`;
const productTitle = `Quilt${run}`;

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(360);
}

async function signUp(page: Page, name: string, who: string, redirectTo: string) {
  await page.goto(`/signup?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("ชื่อที่แสดง").fill(name);
  await page.getByLabel("อีเมล").fill(`${who}.${run}@example.com`);
  await page.getByLabel("รหัสผ่าน").fill("sammachip-e2e-password");
  await page.getByRole("button", { name: "สมัครสมาชิก" }).click();
}

async function staffPage(browser: Browser) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto("/signin?redirectTo=/staff/verification");
  await page.getByLabel("อีเมล").fill("staff@demo.sammachip.test");
  await page.getByLabel("รหัสผ่าน").fill("sammachip-demo");
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ตรวจสอบกลุ่ม" })).toBeVisible();
  return page;
}

const next = (page: Page) => page.getByRole("button", { name: "บันทึกแล้วไปขั้นต่อไป" }).click();

test("a group applies, is returned, answers, is verified, invites a member and sells a product found in search", async ({ browser }) => {
  test.setTimeout(240_000);
  const owner = await (await browser.newContext(phone)).newPage();

  // ── The application, step by step.
  await signUp(owner, "เจ้าของกลุ่ม", "owner", "/groups/apply");
  await expect(owner.getByRole("heading", { level: 1, name: "สมัครเปิดร้านของกลุ่ม" })).toBeVisible();
  await owner.getByLabel("ชื่อกลุ่ม (ภาษาไทย)").fill(groupName);
  // A province with no demo groups, so the storefront's own journeys count theirs undisturbed.
  await owner.getByLabel("จังหวัด").selectOption("แม่ฮ่องสอน");
  await owner.getByRole("button", { name: "เริ่มกรอกใบสมัคร" }).click();
  await owner.getByLabel("เรื่องราวของกลุ่ม", { exact: true }).fill("แม่ ๆ ในหมู่บ้านเย็บย่ามด้วยมือ ฝ้ายย้อมคราม");
  await fitsPhone(owner);
  await next(owner);

  await expect(owner).toHaveURL(/step=place/);
  await hydrated(owner);
  await owner.getByLabel("หมู่บ้าน", { exact: true }).fill("บ้านโนน หมู่ 3");
  await owner.getByLabel("จังหวัด").selectOption("แม่ฮ่องสอน");
  await expect(owner.getByLabel("อำเภอ").locator("option", { hasText: "ปาย" })).toHaveCount(1);
  await owner.getByLabel("อำเภอ").selectOption("ปาย");
  await expect(owner.getByLabel("ตำบล").locator("option", { hasText: "เวียงใต้" })).toHaveCount(1);
  await owner.getByLabel("ตำบล").selectOption("เวียงใต้");
  await fitsPhone(owner);
  await next(owner);

  await expect(owner).toHaveURL(/step=people/);
  await owner.getByLabel("ปีที่ตั้งกลุ่ม").fill("2548");
  await owner.getByLabel("จำนวนสมาชิก (คน)").fill("15");
  await owner.getByLabel("ปราชญ์ชุมชน").fill("ยายคำ ใจดี");
  await owner.getByLabel("ตำแหน่งของกรรมการคนที่ 1").selectOption("CHAIR");
  await owner.getByLabel("ชื่อกรรมการคนที่ 1").fill("นางสมศรี ทอดี");
  await fitsPhone(owner);
  await next(owner);

  await expect(owner).toHaveURL(/step=contacts/);
  await owner.getByLabel("เบอร์โทรศัพท์ของกลุ่ม").fill("12345");
  await next(owner);
  await expect(owner.getByRole("alert")).toHaveText("เบอร์โทรไม่ถูกต้อง ใส่เบอร์มือถือ 10 หลักหรือเบอร์บ้าน 9 หลัก");
  await owner.getByLabel("เบอร์โทรศัพท์ของกลุ่ม").fill("081 234 5678");
  await next(owner);

  await expect(owner).toHaveURL(/step=payout/);
  await owner.getByLabel("พร้อมเพย์").fill("0812345678");
  await fitsPhone(owner);
  await next(owner);

  await expect(owner).toHaveURL(/step=documents/);
  await owner.getByLabel("ชนิดเอกสาร").selectOption("COMMUNITY_ENTERPRISE");
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  await owner.getByLabel("ไฟล์เอกสาร").setInputFiles({ name: "ทะเบียนวิสาหกิจ.pdf", mimeType: "application/pdf", buffer: pdf });
  await owner.getByRole("button", { name: "แนบเอกสาร" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "แนบเอกสารแล้ว" })).toBeVisible();
  await expect(owner.getByRole("link", { name: "ทะเบียนวิสาหกิจ.pdf" })).toBeVisible();
  await fitsPhone(owner);
  await next(owner);

  await expect(owner).toHaveURL(/step=review/);
  await owner.getByRole("button", { name: "ส่งใบสมัครให้เจ้าหน้าที่ตรวจ" }).click();
  await expect(owner.getByText("ส่งแล้ว รอเจ้าหน้าที่ตรวจสอบ")).toBeVisible();

  // ── Staff return it with a reason.
  const staff = await staffPage(browser);
  await staff.getByRole("link", { name: groupName }).click();
  await expect(staff.getByRole("link", { name: /ทะเบียนวิสาหกิจ\.pdf/ }).first()).toBeVisible();
  await fitsPhone(staff);
  await staff.getByLabel("เหตุผลที่ส่งกลับ").fill("ขอรูปถ่ายกิจกรรมของกลุ่มเพิ่ม");
  await staff.getByRole("button", { name: "ส่งกลับให้กลุ่มแก้ไข" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "ตรวจสอบกลุ่ม" })).toBeVisible();

  // ── The group reads the reason, answers and sends it again.
  await owner.goto("/groups/apply?step=review");
  await expect(owner.getByText("ขอรูปถ่ายกิจกรรมของกลุ่มเพิ่ม")).toBeVisible();
  await owner.getByLabel("คำตอบถึงเจ้าหน้าที่").fill("แนบรูปกิจกรรมเพิ่มแล้ว");
  await owner.getByRole("button", { name: "ส่งใบสมัครอีกครั้ง" }).click();
  await expect(owner.getByText("ส่งแล้ว รอเจ้าหน้าที่ตรวจสอบ")).toBeVisible();

  // ── Staff verify it.
  await staff.goto("/staff/verification");
  await staff.getByRole("link", { name: groupName }).click();
  await expect(staff.getByText("แนบรูปกิจกรรมเพิ่มแล้ว")).toBeVisible();
  await staff.getByRole("button", { name: "อนุมัติ ให้กลุ่มเปิดร้านได้" }).click();
  await expect(staff.getByRole("link", { name: groupName })).toHaveCount(0);

  // ── The owner's workspace: invite a member by phone and hand over the link.
  await owner.goto("/");
  await owner.getByRole("link", { name: `จัดการร้าน ${groupName}` }).click();
  await expect(owner.getByRole("heading", { level: 1, name: `จัดการร้าน: ${groupName}` })).toBeVisible();
  await fitsPhone(owner);
  const workspace = owner.url();
  await owner.goto(`${workspace}/members`);
  await owner.getByLabel("เบอร์โทร").fill("089 111 2222");
  await owner.getByLabel("สิทธิ์ในร้าน").selectOption("MANAGER");
  await owner.getByRole("button", { name: "สร้างลิงก์ชวน" }).click();
  const link = await owner.getByRole("textbox", { name: "ลิงก์ชวน", exact: true }).inputValue();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{32}$/);
  await fitsPhone(owner);

  const memberPage = await (await browser.newContext(phone)).newPage();
  await memberPage.goto(new URL(link).pathname);
  await memberPage.getByRole("main").getByRole("link", { name: "สมัครสมาชิก" }).click();
  await memberPage.getByLabel("ชื่อที่แสดง").fill("สมาชิกใหม่");
  await memberPage.getByLabel("อีเมล").fill(`member.${run}@example.com`);
  await memberPage.getByLabel("รหัสผ่าน").fill("sammachip-e2e-password");
  await memberPage.getByRole("button", { name: "สมัครสมาชิก" }).click();
  await memberPage.getByRole("button", { name: "เข้าร่วมกลุ่ม" }).click();
  await expect(memberPage.getByRole("heading", { level: 1, name: `จัดการร้าน: ${groupName}` })).toBeVisible();
  // The link worked once.
  await memberPage.goto(new URL(link).pathname);
  await expect(memberPage.getByText("ลิงก์นี้ถูกใช้ไปแล้ว")).toBeVisible();
  await owner.reload();
  await expect(owner.getByRole("heading", { level: 3, name: "สมาชิกใหม่" })).toBeVisible();

  // ── A product with two photos, reordered, then put on sale.
  await owner.goto(`${workspace}/products`);
  await fitsPhone(owner);
  await owner.getByRole("link", { name: "เพิ่มสินค้าใหม่" }).click();
  await owner.getByLabel("ชื่อสินค้า (ภาษาไทย)").fill("ย่ามย้อมคราม");
  await owner.getByLabel("ชื่อสินค้า (ภาษาอังกฤษ)").fill(`Indigo ${productTitle}`);
  await owner.getByLabel("หมวดสินค้า").selectOption("handicraft");
  await owner.getByLabel("เรื่องราวของสินค้า", { exact: true }).fill("ฝ้ายปลูกเองย้อมครามธรรมชาติ เย็บมือทีละใบ");
  await owner.getByLabel("ราคาขาย (บาท)").fill("1,250");
  await owner.getByLabel("หน่วย", { exact: true }).fill("ใบ");
  await owner.getByLabel("น้ำหนักต่อหน่วย (กรัม)").fill("900");
  await owner.getByLabel("มีของพร้อมส่ง (จำนวน)").fill("4");
  await hydrated(owner);
  await owner.getByLabel("ต้นทุนต่อหน่วย (บาท)").fill("700");
  // The surplus helper follows the typing: ฿1,250 − ฿0 fee − ฿700 cost.
  await expect(owner.getByTestId("cost-helper")).toContainText("฿550");
  await fitsPhone(owner);
  await owner.getByRole("button", { name: "บันทึกสินค้า" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "บันทึกสินค้าแล้ว" })).toBeVisible();

  const addPhoto = async (colour: string, name: string) => {
    const bytes = await sharp({ create: { width: 900, height: 700, channels: 3, background: colour } }).jpeg().toBuffer();
    await owner.getByLabel(/รูปภาพของ/).setInputFiles({ name, mimeType: "image/jpeg", buffer: bytes });
    await owner.getByRole("button", { name: "อัปโหลดรูป" }).click();
    await expect(owner.getByRole("status").filter({ hasText: "เพิ่มรูปภาพแล้ว" })).toBeVisible();
  };
  await addPhoto("#b5651d", "first.jpg");
  await addPhoto("#2a6f97", "second.jpg");
  await expect(owner.getByTestId("product-photo")).toHaveCount(2);
  const photoSources = () => owner.getByTestId("product-photo").locator("img").evaluateAll((images) => images.map((image) => image.getAttribute("src")));
  const before = await photoSources();
  await owner.getByRole("group", { name: "รูปที่ 2" }).getByRole("button", { name: "ตั้งเป็นรูปปก" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "จัดรูปแล้ว" })).toBeVisible();
  expect(await photoSources()).toEqual([before[1], before[0]]);
  await fitsPhone(owner);
  await owner.getByRole("button", { name: "เปิดขาย" }).click();
  await expect(owner.getByRole("heading", { level: 3, name: "สถานะ: วางขายอยู่" })).toBeVisible();
  await owner.getByRole("link", { name: "ดูตัวอย่างหน้าสินค้า" }).click();
  await expect(owner.getByText("ตัวอย่าง: ผู้ซื้อจะเห็นหน้านี้แบบนี้")).toBeVisible();
  await expect(owner.getByRole("heading", { level: 1, name: "ย่ามย้อมคราม" })).toBeVisible();

  // Every page of the workspace fits the phone.
  for (const section of ["", "/products", "/orders", "/production", "/shipping", "/money", "/members", "/profile"]) {
    await owner.goto(`${workspace}${section}`);
    await expect(owner.getByRole("heading", { level: 1, name: `จัดการร้าน: ${groupName}` })).toBeVisible();
    await fitsPhone(owner);
  }

  // ── Buyers find it at once: on the group's page and in search (after the outbox, a moment).
  const buyer = await (await browser.newContext(phone)).newPage();
  await expect
    .poll(
      async () => {
        await buyer.goto("/search?q=" + encodeURIComponent(productTitle));
        return buyer.getByTestId("search-results").getByText(`ย่ามย้อมคราม`).count();
      },
      { timeout: 10_000 },
    )
    .toBe(1);
  await buyer.getByTestId("search-results").getByRole("link", { name: /ย่ามย้อมคราม/ }).click();
  await expect(buyer.getByRole("heading", { level: 1, name: "ย่ามย้อมคราม" })).toBeVisible();
  await expect(buyer.getByText(groupName).first()).toBeVisible();
  await fitsPhone(buyer);
  await buyer.goto(buyer.url().replace(/(:\d+)\//, "$1/en/"));
  await expect(buyer.getByRole("heading", { level: 1, name: `Indigo ${productTitle}` })).toBeVisible();

  // ── Staff feature it in a collection scheduled from now, and the home page shows it.
  const collection = `New makers ${run}`;
  await staff.goto("/en/staff/collections");
  await staff.getByLabel("Name (Thai)").fill(`ผู้ผลิตหน้าใหม่ ${run}`);
  await staff.getByLabel("Name (English)").fill(collection);
  await staff.getByRole("button", { name: "Create collection" }).click();
  await staff.getByPlaceholder("Find a product by its name or its group's").fill(`Indigo ${productTitle}`);
  await staff.getByPlaceholder("Find a product by its name or its group's").press("Enter");
  await staff.getByRole("button", { name: `Add: Indigo ${productTitle}` }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Product added to the collection" })).toBeVisible();
  await staff.getByLabel("Starts").fill(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16));
  await staff.getByRole("button", { name: "Save", exact: true }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await staff.getByRole("button", { name: "Publish" }).click();
  await expect(staff.getByText("On the home page", { exact: true })).toBeVisible();
  await expect
    .poll(
      async () => {
        await buyer.goto("/en");
        return buyer.getByRole("region", { name: collection }).getByRole("link", { name: new RegExp(`Indigo ${productTitle}`) }).count();
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
});
