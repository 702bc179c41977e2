/**
 * Following a group: the follow route (signed in, signed out, an unknown or hidden group, no
 * CSRF token), the group page's count, the new-product email written with the listing, and the
 * signed unfollow link from that email (good, forged, RFC 8058 one-click).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sammachip-follows-"));
process.env.DATA_DIR = dataDir;

const { db } = await import("~/db/client.server");
const { setProductStatus } = await import("~/modules/catalog/product-editor.server");
const { unfollowToken } = await import("~/modules/follows/unfollow-token.server");
const { emailHandler, mailOnDisk } = await import("~/modules/notifications/email.server");
const { deliverDue } = await import("~/modules/outbox/worker.server");
const followRoute = await import("~/routes/($lang).groups.$slug_.follow");
const groupRoute = await import("~/routes/($lang).groups.$slug");
const unfollowRoute = await import("~/routes/($lang).unfollow");
const { context, load, newGroup, newUser, post } = await import("./group-fixtures");
const { cookiesFor } = await import("./helpers");

afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

let owner: Awaited<ReturnType<typeof newUser>>;
let buyer: Awaited<ReturnType<typeof newUser>>;
let englishBuyer: Awaited<ReturnType<typeof newUser>>;
let group: Awaited<ReturnType<typeof newGroup>>;

beforeAll(async () => {
  owner = await newUser("เจ้าของ");
  buyer = await newUser("ผู้ซื้อ");
  englishBuyer = await newUser("Anna", { locale: "en" });
  group = await newGroup(owner.id);
});

const follows = (userId: string) => db().groupFollow.count({ where: { userId } });
const url = (slug: string) => `http://test.local/groups/${slug}/follow`;

async function draftProduct(title = "เสื่อกก") {
  const category = await db().category.findFirstOrThrow();
  return db().product.create({
    data: {
      slug: `test-product-${Math.random().toString(36).slice(2, 10)}`,
      groupId: group.id,
      categoryId: category.id,
      productType: category.slug,
      titleTh: title,
      titleEn: "Reed mat",
      storyTh: "ทอมือ",
      storyEn: "Hand woven",
      priceSatang: 45_000,
      unitTh: "ผืน",
      unitEn: "mat",
      weightGrams: 500,
      stock: 3,
      status: "DRAFT",
    },
  });
}

describe("following from the group page", () => {
  it("a signed-in buyer follows and unfollows; the page counts followers and knows", async () => {
    let answer = await post(followRoute.action, buyer.email, url(group.slug), { slug: group.slug }, { intent: "follow" });
    expect(answer).toMatchObject({ status: 303, location: `/groups/${group.slug}` });
    expect(await follows(buyer.id)).toBe(1);
    // Following twice changes nothing.
    await post(followRoute.action, buyer.email, url(group.slug), { slug: group.slug }, { intent: "follow" });
    expect(await follows(buyer.id)).toBe(1);

    const page = await load(groupRoute.loader, buyer.email, `http://test.local/groups/${group.slug}`, { slug: group.slug });
    expect(page.data?.follow).toEqual({ followers: 1, following: true, signedIn: true });
    const signedOut = await load(groupRoute.loader, null, `http://test.local/groups/${group.slug}`, { slug: group.slug });
    expect(signedOut.data?.follow).toEqual({ followers: 1, following: false, signedIn: false });

    answer = await post(followRoute.action, buyer.email, url(group.slug), { slug: group.slug }, { intent: "unfollow" });
    expect(answer.status).toBe(303);
    expect(await follows(buyer.id)).toBe(0);
  });

  it("a signed-out visitor is sent to sign in and back, and nothing changes", async () => {
    const before = await db().groupFollow.count();
    const posted = await post(followRoute.action, null, url(group.slug), { slug: group.slug }, { intent: "follow" });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/signin?redirectTo=${encodeURIComponent(`/groups/${group.slug}/follow`)}`);
    const visited = await load(followRoute.loader, null, `http://test.local/en/groups/${group.slug}/follow`, { lang: "en", slug: group.slug });
    expect(visited.status).toBe(302);
    expect(visited.location).toBe(`/en/signin?redirectTo=${encodeURIComponent(`/en/groups/${group.slug}/follow`)}`);
    expect(await db().groupFollow.count()).toBe(before);
  });

  it("an unknown group, or one buyers cannot see, is a 404 for everyone and changes nothing", async () => {
    const hidden = await newGroup(owner.id, "PENDING");
    const before = await db().groupFollow.count();
    for (const slug of ["no-such-group", hidden.slug]) {
      for (const who of [buyer.email, null]) {
        expect((await post(followRoute.action, who, url(slug), { slug }, { intent: "follow" })).status).toBe(404);
        expect((await load(followRoute.loader, who, url(slug), { slug })).status).toBe(404);
      }
    }
    expect((await post(followRoute.action, buyer.email, url("Bad Slug!"), { slug: "Bad Slug!" }, { intent: "follow" })).status).toBe(404);
    expect(await db().groupFollow.count()).toBe(before);
  });

  it("refuses a post without the CSRF token, or with an unknown intent", async () => {
    const { cookie } = await cookiesFor(buyer.email);
    const request = new Request(url(group.slug), {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "follow" }),
    });
    const refused = await followRoute.action({ request, params: { slug: group.slug }, context }).catch((thrown: unknown) => thrown);
    expect((refused as Response).status).toBe(403);
    expect((await post(followRoute.action, buyer.email, url(group.slug), { slug: group.slug }, { intent: "delete-everything" })).status).toBe(400);
    expect(await follows(buyer.id)).toBe(0);
  });
});

describe("the new-product email", () => {
  it("goes to each follower in their language when a draft goes on sale, once, with a working unfollow link", async () => {
    await post(followRoute.action, buyer.email, url(group.slug), { slug: group.slug }, { intent: "follow" });
    await post(followRoute.action, englishBuyer.email, url(group.slug), { slug: group.slug }, { intent: "follow" });
    const product = await draftProduct();
    await db().outboxMessage.deleteMany({ where: { topic: "EMAIL" } });

    await setProductStatus({ groupId: group.id, actorId: owner.id, productId: product.id, status: "ACTIVE" });
    // Archived and listed again: not new, no second email.
    await setProductStatus({ groupId: group.id, actorId: owner.id, productId: product.id, status: "ARCHIVED" });
    await setProductStatus({ groupId: group.id, actorId: owner.id, productId: product.id, status: "ACTIVE" });
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL" } })).toBe(2);

    await deliverDue(db(), emailHandler);
    const mail = await mailOnDisk();
    const thai = mail.find((each) => each.to === buyer.email)!;
    const english = mail.find((each) => each.to === englishBuyer.email)!;
    expect(thai.subject).toBe("กลุ่มทดสอบ ลงขายสินค้าใหม่: เสื่อกก");
    expect(thai.text).toContain(`/products/${product.slug}`);
    expect(english.subject).toBe("Test group has a new product: Reed mat");
    expect(english.text).toContain("/en/unfollow?token=");
    const raw = (await fs.readFile(path.join(dataDir, "mail", thai.name), "utf8")).replace(/\r?\n[ \t]+/g, " ");
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost:\d+\/unfollow\?token=[^>]+>$/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);

    // The link from the email: opening it changes nothing; its one button unfollows, no sign-in.
    const link = new URL(/http:\/\/\S+\/unfollow\?token=\S+/.exec(thai.text)![0]);
    const opened = await unfollowRoute.loader({ request: new Request(link), params: {}, context });
    expect(opened).toMatchObject({ group: { slug: group.slug } });
    expect(await follows(buyer.id)).toBe(1);
    const done = await unfollowRoute.action({
      request: new Request(link, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token: link.searchParams.get("token")! }) }),
      params: {},
      context,
    });
    expect(done).toMatchObject({ done: true });
    expect(await follows(buyer.id)).toBe(0);
    expect(await follows(englishBuyer.id)).toBe(1);
  });

  it("is not sent for a product of a group buyers cannot see", async () => {
    const pending = await newGroup(owner.id, "PENDING");
    await db().groupFollow.create({ data: { userId: buyer.id, groupId: pending.id } });
    const category = await db().category.findFirstOrThrow();
    const product = await db().product.create({
      data: { slug: `pending-${Date.now()}`, groupId: pending.id, categoryId: category.id, productType: category.slug, titleTh: "x", titleEn: "x", storyTh: "x", storyEn: "x", priceSatang: 100, unitTh: "ชิ้น", unitEn: "piece", weightGrams: 100, stock: 1, status: "DRAFT" },
    });
    const before = await db().outboxMessage.count({ where: { topic: "EMAIL" } });
    await setProductStatus({ groupId: pending.id, actorId: owner.id, productId: product.id, status: "ACTIVE" });
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL" } })).toBe(before);
  });
});

describe("the unfollow link", () => {
  it("works as a one-click post from a mail program (RFC 8058)", async () => {
    const token = unfollowToken({ userId: englishBuyer.id, groupId: group.id });
    const request = new Request(`http://test.local/en/unfollow?token=${token}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(await unfollowRoute.action({ request, params: { lang: "en" }, context })).toMatchObject({ done: true });
    expect(await follows(englishBuyer.id)).toBe(0);
  });

  it("refuses a forged, altered or missing token with a 400 and changes nothing", async () => {
    await db().groupFollow.createMany({ data: [{ userId: buyer.id, groupId: group.id }], skipDuplicates: true });
    const good = unfollowToken({ userId: buyer.id, groupId: group.id });
    const [userId, groupId, signature] = good.split(".");
    const bad = [
      "",
      "nonsense",
      `${englishBuyer.id}.${groupId}.${signature}`, // someone else's follow under this signature
      `${userId}.${groupId}.${signature!.slice(0, -2)}AA`,
      `${good}.extra`,
    ];
    for (const token of bad) {
      const query = token ? `?token=${encodeURIComponent(token)}` : "";
      const opened = await unfollowRoute.loader({ request: new Request(`http://test.local/unfollow${query}`), params: {}, context });
      expect(opened).toMatchObject({ init: { status: 400 } });
      const posted = await unfollowRoute.action({
        request: new Request(`http://test.local/unfollow${query}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
        params: {},
        context,
      });
      expect(posted).toMatchObject({ init: { status: 400 } });
    }
    expect(await db().groupFollow.count({ where: { userId: buyer.id, groupId: group.id } })).toBe(1);
  });
});
