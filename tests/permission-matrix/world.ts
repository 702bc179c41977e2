/**
 * The people and rows the permission matrix acts with. One target group (a demo group) with a
 * member, a member in the committee's treasurer seat, a manager and its owner; the owner of another group; a consumer; staff; and nobody
 * signed in. Factories make a fresh row for each request, so an allowed request never spoils the
 * next one (a listing hidden once cannot be hidden again).
 */
import crypto from "node:crypto";
import sharp from "sharp";
import { db } from "~/db/client.server";
import { slipStorage } from "~/modules/payments/slips.server";
import { confirmPaymentReceived } from "~/modules/orders/lifecycle.server";
import { addProductPhoto } from "~/modules/media/media.server";
import { addGroupDocument } from "~/modules/groups/documents.server";
import { inviteMember } from "~/modules/groups/invitations.server";
import { order } from "../order-fixtures";
import { hashPassword } from "~/modules/accounts/password.server";
import { unfollowToken } from "~/modules/follows/unfollow-token.server";
import { demoAccounts } from "../../prisma/seed/demo";
import { cookiesFor } from "../helpers";

export const roles = ["guest", "consumer", "outsider", "member", "treasurer", "manager", "owner", "staff"] as const;
export type Role = (typeof roles)[number];

const TARGET = "ban-thon-krajood";
const OTHER = "chonnabot-mudmee";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function makeWorld() {
  const database = db();
  const group = await database.occupationGroup.findUniqueOrThrow({ where: { slug: TARGET }, select: { id: true, slug: true, provinceId: true } });
  const template = await database.product.findFirstOrThrow({ where: { groupId: group.id }, orderBy: { slug: "asc" } });

  async function userWithRole(role: "MEMBER" | "MANAGER", committeeRole: "TREASURER" | null = null) {
    const name = committeeRole ? committeeRole.toLowerCase() : role.toLowerCase();
    const user = await database.user.create({
      data: { email: `${name}.matrix@test.local`, name: `${name} of ${TARGET}`, passwordHash: "x" },
    });
    await database.groupMembership.create({ data: { userId: user.id, groupId: group.id, role, committeeRole } });
    return user.email;
  }

  const emails: Record<Role, string | null> = {
    guest: null,
    consumer: demoAccounts.consumer.email,
    outsider: demoAccounts.ownerOf(OTHER).email,
    member: await userWithRole("MEMBER"),
    // A plain member by permission role, elected treasurer: confirms money, nothing more.
    treasurer: await userWithRole("MEMBER", "TREASURER"),
    manager: await userWithRole("MANAGER"),
    owner: demoAccounts.ownerOf(TARGET).email,
    staff: demoAccounts.staff.email,
  };
  const ownerId = (await database.user.findUniqueOrThrow({ where: { email: emails.owner! }, select: { id: true } })).id;
  const cookies = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await cookiesFor(emails[role])] as const))) as Record<
    Role,
    { cookie: string; csrf: string }
  >;

  /** A fresh product of the target group, for sale and visible to buyers. */
  async function product(data: { hiddenAt?: Date; hiddenReason?: string } = {}) {
    const { id: _id, slug: _slug, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = template;
    return database.product.create({ data: { ...copy, slug: unique("matrix-product"), status: "ACTIVE", stock: 5, ...data }, select: { id: true, slug: true } });
  }

  const userIdOf = async (role: Role) => (emails[role] ? (await database.user.findUniqueOrThrow({ where: { email: emails[role] } })).id : null);
  const knownPassword = "matrix-password-2570";
  let knownHash: string | undefined;

  let document: { id: string } | undefined;

  return {
    group,
    cookies,
    knownPassword,
    /** The role's own email (null for a guest). */
    emailOf: (role: Role) => emails[role],
    /** A new session of the role's user, for routes that end or replace the session they come with. */
    freshCookies: (role: Role) => cookiesFor(emails[role]),
    /** The target group's province slug. */
    provinceSlug: async () => (await database.province.findUniqueOrThrow({ where: { id: group.provinceId }, select: { slug: true } })).slug,
    /** One registration document of the target group (made once: a group may hold only a few). */
    async document() {
      document ??= await addGroupDocument({ groupId: group.id, actorId: ownerId, kind: "OTOP", fileName: "otop.png", bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: "#ffffff" } }).png().toBuffer() });
      return document;
    },
    /** A fresh open invitation's token (from its link), to a fresh group nobody in the world belongs to. */
    async invitationToken() {
      const invitingGroup = await this.newGroup();
      const { link } = await inviteMember({ groupId: invitingGroup.id, actorId: ownerId, email: `${unique("invited")}@test.local`, role: "MEMBER", origin: "http://test.local", lang: "th" });
      return link.slice(link.lastIndexOf("/") + 1);
    },
    /** Gives every signed-in role the known password, so a password change with it succeeds. */
    async knownPasswords() {
      knownHash ??= await hashPassword(knownPassword);
      await database.user.updateMany({ where: { email: { in: Object.values(emails).filter((email): email is string => email !== null) } }, data: { passwordHash: knownHash } });
    },
    /** A fresh saved address of `role`'s own (the consumer's for a guest, who has none). */
    async addressOf(role: Role) {
      const userId = (await userIdOf(role)) ?? (await userIdOf("consumer"))!;
      const row = await database.address.create({
        data: { userId, recipientName: "สมใจ", phone: "0812345678", line: "1 หมู่ 2", subdistrict: "ชนบท", district: "ชนบท", province: "ขอนแก่น", postcode: "40180" },
        select: { id: true },
      });
      return row.id;
    },
    /** A signed "stop following" token for a fresh follower of the target group. */
    async unfollowToken() {
      const user = await database.user.create({ data: { email: `${unique("follower")}@test.local`, name: "ผู้ติดตาม", passwordHash: "x" } });
      await database.groupFollow.create({ data: { userId: user.id, groupId: group.id } });
      return unfollowToken({ userId: user.id, groupId: group.id });
    },
    /** An unused password-reset token of a fresh account (using it ends that account's sessions, nobody else's). */
    async resetToken() {
      const user = await database.user.create({ data: { email: `${unique("reset")}@test.local`, name: "ลืมรหัส", passwordHash: "x" } });
      const token = crypto.randomBytes(32).toString("base64url");
      const tokenHash = crypto.createHash("sha256").update(token).digest("hex");
      await database.passwordReset.create({ data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + 3_600_000) } });
      return token;
    },
    freshEmail: () => `${unique("forgot")}@test.local`,
    /** A workspace page's path: workspace("products") → /groups/<slug>/manage/products. */
    workspace: (page: string) => `/groups/${group.slug}/manage${page ? `/${page}` : ""}`,
    product,
    hiddenProduct: () => product({ hiddenAt: new Date(), hiddenReason: "ภาพไม่ตรงกับสินค้า" }),
    /** A fresh group in its own province, in the given state. */
    async newGroup(verificationStatus: "VERIFIED" | "SUSPENDED" | "PENDING" = "VERIFIED") {
      const slug = unique("matrix-group");
      return database.occupationGroup.create({
        data: {
          slug,
          nameTh: `กลุ่ม ${slug}`,
          nameEn: `Group ${slug}`,
          storyTh: "เรื่องราว",
          storyEn: "Story",
          villageTh: "บ้าน",
          villageEn: "Ban",
          tambonTh: "ตำบล",
          amphoeTh: "อำเภอ",
          provinceId: group.provinceId,
          foundedYear: 2010,
          memberCount: 12,
          communitySage: "ปราชญ์",
          verificationStatus,
          verifiedAt: verificationStatus === "PENDING" ? null : new Date(),
          suspendedReason: verificationStatus === "SUSPENDED" ? "เอกสารไม่ครบ" : null,
        },
        select: { id: true, slug: true },
      });
    },
    /** A fresh group waiting for staff, with its open application. */
    async verificationRequest() {
      const pending = await this.newGroup("PENDING");
      return database.verificationRequest.create({ data: { groupId: pending.id, kind: "APPLICATION" }, select: { id: true } });
    },
    /** A fresh guest order's number and the phone it was placed with (what "find my order" asks for). */
    async placedOrder() {
      const placed = await order((await product()).slug);
      return { number: placed.order.number, contact: placed.order.phone! };
    },
    /** A fresh NEW group order of the target group, placed through checkout. */
    async groupOrder() {
      const placed = await order((await product()).slug);
      return { id: placed.id };
    },
    /** Records the buyer's money for a group order as received by the group (so it can be refunded). */
    paid: (groupOrderId: string) => confirmPaymentReceived({ groupId: group.id, groupOrderId, actorId: ownerId }),
    /** Moves a group order straight to PACKED, as if accepted and packed. */
    pack: (groupOrderId: string) => database.groupOrder.update({ where: { id: groupOrderId }, data: { status: "PACKED" } }),
    /** A fresh product of the target group with two photos (through the image pipeline). */
    async productWithPhotos() {
      const made = await product();
      const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 90, b: 60 } } }).png().toBuffer();
      for (let photo = 0; photo < 2; photo++) await addProductPhoto({ groupId: group.id, productId: made.id, actorId: ownerId, file: bytes });
      const photos = await database.productImage.findMany({ where: { productId: made.id }, orderBy: { position: "asc" }, select: { id: true } });
      return { ...made, photoIds: photos.map((photo) => photo.id) };
    },
    /** A courier of the target group made for the matrix (one, reused: a group may have at most 20 methods). */
    async shippingMethod() {
      const made = await database.shippingMethod.findFirst({ where: { groupId: group.id, position: { gte: 100 } }, select: { id: true } });
      if (made) return made;
      return database.shippingMethod.create({
        data: { groupId: group.id, kind: "COURIER_KERRY", nameTh: "Kerry", nameEn: "Kerry", feeSatang: 4000, position: 100 + counter },
        select: { id: true },
      });
    },
    /** A fresh plain member of the target group (to change or remove). */
    async membership() {
      const user = await database.user.create({ data: { email: `${unique("member")}@test.local`, name: "สมาชิกทดสอบ", passwordHash: "x" } });
      return database.groupMembership.create({ data: { userId: user.id, groupId: group.id, role: "MEMBER" }, select: { id: true } });
    },
    /** A fresh open invitation to the target group. */
    invitation() {
      return database.invitation.create({
        data: { groupId: group.id, email: `${unique("invited")}@test.local`, role: "MEMBER", tokenHash: crypto.randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000), invitedById: ownerId },
        select: { id: true },
      });
    },
    /** A fresh unpublished collection holding two fresh products. */
    async collection() {
      const [first, second] = [await product(), await product()];
      const slug = unique("matrix-collection");
      const collection = await database.collection.create({
        data: {
          slug,
          titleTh: "ชุดทดสอบ",
          titleEn: "Test collection",
          position: 1000 + counter,
          items: { create: [first, second].map((item, position) => ({ productId: item.id, position })) },
        },
        select: { id: true, slug: true },
      });
      return { ...collection, productIds: [first.id, second.id] };
    },
    publish: (collectionId: string) => database.collection.update({ where: { id: collectionId }, data: { published: true } }),
    /** Every collection's id in home-page order. */
    async collectionOrder() {
      const rows = await database.collection.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { id: true } });
      return rows.map((row) => row.id);
    },
    async deadMessage() {
      return database.outboxMessage.create({
        data: { topic: "EMAIL", payload: { to: "x@test.local", subject: "s", text: "t" }, attempts: 12, deadAt: new Date(), lastError: "SMTP 550" },
        select: { id: true },
      });
    },
    /** A fresh PromptPay order of the target group whose buyer attached a slip, waiting for the group. */
    async slipOrder() {
      const number = unique("SM-2569").toUpperCase();
      const order = await database.order.create({
        data: { number, checkoutKey: number, phone: "0812345678", recipientName: "ผู้ซื้อ", paymentProvider: "PROMPTPAY_DIRECT", totalSatang: 10_000 },
        select: { id: true },
      });
      const groupOrder = await database.groupOrder.create({
        data: { orderId: order.id, groupId: group.id, itemsSatang: 10_000, shippingKind: "PICKUP_CENTRE", shippingNameTh: "รับเอง", shippingNameEn: "Pickup" },
        select: { id: true },
      });
      const key = `slips/${order.id}/matrix.webp`;
      await slipStorage().put(key, await sharp({ create: { width: 40, height: 60, channels: 3, background: "#ffffff" } }).webp().toBuffer(), "image/webp");
      await database.payment.create({
        data: { orderId: order.id, groupOrderId: groupOrder.id, provider: "PROMPTPAY_DIRECT", method: "PROMPTPAY", amountSatang: 10_000, status: "AWAITING_CONFIRMATION", idempotencyKey: number, slipReference: `004:${number}`, slipStorageKey: key },
      });
      return { groupOrderId: groupOrder.id };
    },
    /** A payout of the target group made by hand, in the given state (waiting for staff, or failed). */
    async payout(status: "PENDING" | "FAILED") {
      return database.payout.create({
        data: { groupId: group.id, amountSatang: 12_345, method: "PROMPTPAY", status, idempotencyKey: unique("matrix-payout"), failureReason: status === "FAILED" ? "bank refused" : null },
        select: { id: true },
      });
    },
    /** A small real photo, as the camera input would post it. */
    async photo() {
      const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 60 } } }).png().toBuffer();
      return new File([new Uint8Array(bytes)], "photo.png", { type: "image/png" });
    },
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/**
 * Every public table's contents as one fingerprint per table (row count and a hash of all rows),
 * so "a denied request changed nothing" covers updates as well as inserts and deletes.
 */
export async function fingerprint(): Promise<Record<string, string>> {
  const database = db();
  const tables = await database.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const parts = tables.map(
    ({ name }) => `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS print FROM "${name}" t`,
  );
  const rows = await database.$queryRawUnsafe<{ name: string; print: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}
