/**
 * Fixtures for the browser tests, in the spirit of Epic Stack's playwright-utils: each test makes
 * its own users (and, when it changes a group's data, its own verified group with its own
 * products) through Prisma on the e2e server's database, signs in by writing a Session row and
 * setting the signed `__session` cookie, and everything it made is deleted afterwards. No test
 * changes the demo rows another test reads, and only the test of signing in uses the sign-in form.
 *
 * The fixture sets the session cookie only: the pages give a signed-in browser its CSRF token
 * themselves (the root loader), as they would after a real sign-in.
 */
import { test as base, type BrowserContext } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import { createCookie } from "@remix-run/node";
import crypto from "node:crypto";
import { EMBEDDED_DATABASE } from "../app/db/database.server";
import { embeddedDatabaseUrl } from "../app/db/embedded-postgres.server";
import { PrismaClient } from "../app/generated/prisma/client";
import { hashPassword } from "../app/modules/accounts/password.server";
import { productsChanged } from "../app/modules/catalog/changes.server";
import { checkLedger } from "../app/modules/ledger/check.server";
import { e2e } from "./env";

export { expect } from "@playwright/test";

export type TestUser = { id: string; email: string; name: string; password: string };
export type TestProduct = { id: string; slug: string; titleTh: string; titleEn: string; stock: number };
export type TestGroup = { id: string; slug: string; nameTh: string; nameEn: string; provinceSlug: string; owner: TestUser; products: TestProduct[] };

export type ProductSpec = {
  titleTh?: string;
  titleEn?: string;
  /** A demo category's slug; "handicraft" unless given. */
  category?: string;
  priceSatang?: number;
  stock?: number;
  madeToOrder?: boolean;
  createdAt?: Date;
};

type Fixtures = {
  /** A new consumer (or staff) with a known password, deleted after the test. */
  makeUser(options?: { name?: string; role?: "CONSUMER" | "STAFF" }): Promise<TestUser>;
  /**
   * A VERIFIED group owned by a new user, with its own ACTIVE products, deleted after the test.
   * Its products are announced like any product change (search index and page caches follow;
   * the server's outbox worker delivers within about a second).
   */
  makeGroup(options?: { products?: ProductSpec[]; province?: string }): Promise<TestGroup>;
  /** Signs `context` (the page's, unless given) in as `user`. */
  signIn(user: TestUser, context?: BrowserContext): Promise<void>;
  /** A `Cookie` header value that signs a request in as `user` (for API request contexts). */
  sessionCookieFor(user: TestUser): Promise<string>;
  /** An account the test made through the store's own forms, to be deleted afterwards. */
  forgetAccountAfterwards(email: string): void;
};

type WorkerFixtures = { db: PrismaClient };

/** Signed exactly as the server signs it (app/web/session.server.ts), with the pinned secret. */
const sessionCookie = createCookie("__session", { secrets: [e2e.sessionSecret], path: "/", sameSite: "lax", httpOnly: true });

/** Long enough for any test; the row is deleted with its user anyway. */
const SESSION_MS = 24 * 60 * 60 * 1000;

/** Old enough to stay off the home page's "new in the market" shelf that other tests read. */
const LONG_AGO = Date.UTC(2020, 0, 1);

const unique = () => `${test.info().workerIndex}-${crypto.randomBytes(4).toString("hex")}`;

export const test = base.extend<Fixtures, WorkerFixtures>({
  db: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const url = embeddedDatabaseUrl(e2e.pgPort, EMBEDDED_DATABASE);
      const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],

  makeUser: async ({ db }, use) => {
    const made: TestUser[] = [];
    await use(async ({ name, role = "CONSUMER" } = {}) => {
      const id = unique();
      const password = `e2e-${crypto.randomBytes(9).toString("base64url")}`;
      const email = `e2e.${id}@e2e.sammachip.test`;
      const displayName = name ?? `ผู้ทดสอบ ${id}`;
      const row = await db.user.create({ data: { email, name: displayName, role, passwordHash: await hashPassword(password) } });
      const user = { id: row.id, email, name: displayName, password };
      made.push(user);
      return user;
    });
    await deleteUsers(db, made.map((user) => user.email));
  },

  forgetAccountAfterwards: async ({ db }, use) => {
    const emails: string[] = [];
    await use((email) => void emails.push(email.trim().toLowerCase()));
    await deleteUsers(db, emails);
  },

  makeGroup: async ({ db, makeUser }, use) => {
    const made: string[] = [];
    await use(async ({ products = [{}], province = "trang" } = {}) => {
      const id = unique();
      const owner = await makeUser({ name: `เจ้าของกลุ่ม ${id}` });
      const slug = `e2e-group-${id}`;
      const nameTh = `กลุ่มทดสอบ ${id}`;
      const nameEn = `Test group ${id}`;
      const categories = new Map((await db.category.findMany({ select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
      const group = await db.$transaction(async (tx) => {
        const group = await tx.occupationGroup.create({
          data: {
            slug,
            nameTh,
            nameEn,
            storyTh: "กลุ่มที่สร้างขึ้นสำหรับการทดสอบเท่านั้น",
            storyEn: "A group made for one browser test only.",
            villageTh: "บ้านทดสอบ",
            villageEn: "Ban Thotsop",
            tambonTh: "ทดสอบ",
            amphoeTh: "ทดสอบ",
            province: { connect: { slug: province } },
            foundedYear: 2010,
            memberCount: 12,
            communitySage: "ครูทดสอบ",
            verificationStatus: "VERIFIED",
            verifiedAt: new Date(),
            memberships: { create: { userId: owner.id, role: "OWNER" } },
          },
        });
        const rows = [];
        for (const [index, spec] of products.entries()) {
          const n = index + 1;
          const categoryId = categories.get(spec.category ?? "handicraft");
          if (!categoryId) throw new Error(`makeGroup: no category "${spec.category}" in the demo catalog`);
          rows.push(
            await tx.product.create({
              data: {
                slug: `${slug}-p${n}`,
                groupId: group.id,
                categoryId,
                productType: "e2e-sample",
                // Words no test searches for, so these products never change another test's results.
                titleTh: spec.titleTh ?? `ชิ้นงานทดสอบ ${id} หมายเลข ${n}`,
                titleEn: spec.titleEn ?? `Test piece ${id} no. ${n}`,
                storyTh: "ทำขึ้นสำหรับการทดสอบ",
                storyEn: "Made for a test.",
                priceSatang: spec.priceSatang ?? 25_000 + n * 100,
                unitTh: "ชิ้น",
                unitEn: "piece",
                weightGrams: 300,
                stock: spec.stock ?? 5,
                madeToOrder: spec.madeToOrder ?? false,
                leadTimeDays: spec.madeToOrder ? 14 : null,
                status: "ACTIVE",
                createdAt: spec.createdAt ?? new Date(LONG_AGO + n * 60_000),
              },
              select: { id: true, slug: true, titleTh: true, titleEn: true, stock: true },
            }),
          );
        }
        await productsChanged(tx, rows.map((row) => row.slug));
        return { id: group.id, products: rows };
      });
      made.push(group.id);
      return { id: group.id, slug, nameTh, nameEn, provinceSlug: province, owner, products: group.products };
    });
    for (const groupId of made) await deleteGroup(db, groupId);
  },

  sessionCookieFor: async ({ db }, use) => {
    await use(async (user) => {
      const session = await db.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_MS) } });
      return (await sessionCookie.serialize(session.id)).split(";")[0];
    });
  },

  signIn: async ({ page, baseURL, sessionCookieFor }, use) => {
    await use(async (user, context = page.context()) => {
      const [name, ...value] = (await sessionCookieFor(user)).split("=");
      await context.addCookies([{ name, value: value.join("="), url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    });
  },
});

/** Users by email, with what cascades from them (sessions, memberships) and their sign-in attempts. */
async function deleteUsers(db: PrismaClient, emails: string[]) {
  if (emails.length === 0) return;
  await db.user.deleteMany({ where: { email: { in: emails } } });
  await db.loginAttempt.deleteMany({ where: { key: { in: emails.map((email) => `email:${email}`) } } });
}

/**
 * A fixture group, its products and their photos, and its audit rows; search and page caches are
 * told. First the whole ledger is proved (`ledger:check`): the money the test moved is removed
 * with the group, so this is the last moment it can be checked. Every money movement is written
 * with its cause in one transaction, so other tests running meanwhile never leave it half done.
 */
async function deleteGroup(db: PrismaClient, groupId: string) {
  const ledger = await checkLedger(db);
  if (!ledger.ok) throw new Error(`ledger:check fails before removing a test's group:\n${ledger.problems.join("\n")}`);
  await db.$transaction(async (tx) => {
    const products = await tx.product.findMany({ where: { groupId }, select: { id: true, slug: true } });
    const productIds = products.map((product) => product.id);
    const photos = await tx.productImage.findMany({ where: { productId: { in: productIds } }, select: { imageId: true } });
    // Orders that reached the group go whole (a basket's other groups' parts too): payments and
    // refunds first, as they keep their order on purpose.
    const orders = { groupOrders: { some: { groupId } } };
    await tx.refund.deleteMany({ where: { payment: { order: orders } } });
    await tx.payment.deleteMany({ where: { order: orders } });
    await tx.order.deleteMany({ where: orders });
    await tx.ledgerTransaction.deleteMany({ where: { entries: { some: { groupId } } } });
    await tx.auditLog.deleteMany({ where: { OR: [{ groupId }, { subjectId: { in: [groupId, ...productIds] } }] } });
    // Its payouts (their group orders went with the orders above).
    await tx.payout.deleteMany({ where: { groupId } });
    await tx.shippingMethod.deleteMany({ where: { groupId } });
    await tx.product.deleteMany({ where: { groupId } });
    await tx.image.deleteMany({ where: { id: { in: photos.map((photo) => photo.imageId) }, productImages: { none: {} }, groupCovers: { none: {} } } });
    await tx.occupationGroup.delete({ where: { id: groupId } });
    await productsChanged(tx, products.map((product) => product.slug));
  });
}
