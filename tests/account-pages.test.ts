/**
 * A buyer's account through its routes: the welcome after sign-up, the account page (details,
 * addresses, password), the forgotten-password email and the reset link (good, used twice,
 * expired, never issued), the reset request's limit, and cookies that are Secure only where the
 * browser can keep them. Each refusal is a clear status that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sammachip-accounts-"));
process.env.DATA_DIR = dataDir;

const { db } = await import("~/db/client.server");
const { authenticate, startSession } = await import("~/modules/accounts/accounts.server");
const { hashPassword } = await import("~/modules/accounts/password.server");
const accountRoute = await import("~/routes/($lang).account");
const forgotRoute = await import("~/routes/($lang).forgot-password");
const resetRoute = await import("~/routes/($lang).reset-password.$token");
const signupRoute = await import("~/routes/($lang).signup");
const signinRoute = await import("~/routes/($lang).signin");
const { context, fieldErrors, load, newUser, post } = await import("./group-fixtures");
const { cookiesFor } = await import("./helpers");

afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

const PASSWORD = "old-password-2569";
const limit = { maxAttempts: 50, windowMinutes: 15, maxPerAddress: 1000 };

async function buyerWithPassword(name = "สมใจ") {
  const user = await newUser(name);
  return db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
}

const signsIn = (email: string, password: string, clientAddress = "10.9.0.1") =>
  authenticate({ email, password, clientAddress, limit }).then(
    () => true,
    () => false,
  );

/** The reset link mailed to `email`: the newest EMAIL message's link. */
async function mailedResetLink(email: string): Promise<string | null> {
  const messages = await db().outboxMessage.findMany({ where: { topic: "EMAIL" }, orderBy: { createdAt: "desc" } });
  const mine = messages.map((m) => m.payload as { to: string; text: string }).find((p) => p.to === email);
  return mine ? /http:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mine.text)?.[0] ?? null : null;
}

const forgot = (email: string) => post(forgotRoute.action, null, "http://test.local/forgot-password", {}, { email });

describe("sign-up", () => {
  it("welcomes the new buyer on their account page", async () => {
    const { cookie, csrf } = await cookiesFor(null);
    const request = new Request("http://test.local/signup", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, name: "ใหม่", email: `new.${Date.now()}@example.com`, password: "long-enough-1" }),
    });
    const answer = (await signupRoute.action({ request, params: {}, context })) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/account?welcome=1");
  });
});

describe("forgotten password", () => {
  let buyer: Awaited<ReturnType<typeof buyerWithPassword>>;
  beforeAll(async () => {
    buyer = await buyerWithPassword();
  });

  it("answers the same for an address with an account and one without, and mails only the first", async () => {
    const emailsBefore = await db().outboxMessage.count({ where: { topic: "EMAIL" } });
    const known = await forgot(buyer.email);
    const unknown = await forgot("nobody-here@example.com");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    // The same answer, but for the address typed.
    expect({ ...known.data, sentTo: "x" }).toEqual({ ...unknown.data, sentTo: "x" });
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL" } })).toBe(emailsBefore + 1);
    expect(await db().passwordReset.count({ where: { userId: buyer.id } })).toBe(1);
    expect(await mailedResetLink("nobody-here@example.com")).toBeNull();
    expect(await mailedResetLink(buyer.email)).toMatch(/^http:\/\/localhost:\d+\/reset-password\//);
  });

  it("a good link sets the new password once, ends every session, and sends the buyer to sign in", async () => {
    const link = (await mailedResetLink(buyer.email))!;
    const token = link.split("/").pop()!;
    const otherSession = await startSession(buyer.id);
    const page = await load(resetRoute.loader, null, `http://test.local/reset-password/${token}`, { token });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ problem: null });

    const done = await post(resetRoute.action, null, `http://test.local/reset-password/${token}`, { token }, { password: "brand-new-2570" });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/signin?reset=1&email=${encodeURIComponent(buyer.email)}`);
    expect(await db().session.findUnique({ where: { id: otherSession.id } })).toBeNull();
    expect(await signsIn(buyer.email, "brand-new-2570")).toBe(true);
    expect(await signsIn(buyer.email, PASSWORD)).toBe(false);

    // The sign-in page says it and fills in the email.
    const signin = await load(signinRoute.loader, null, `http://test.local/signin?reset=1&email=${encodeURIComponent(buyer.email)}`, {});
    expect(signin.data).toMatchObject({ reset: true, email: buyer.email });

    // Used twice: refused clearly, the password stays the one set.
    const again = await post(resetRoute.action, null, `http://test.local/reset-password/${token}`, { token }, { password: "attacker-choice-1" });
    expect(again.status).toBe(410);
    expect(again.data).toMatchObject({ problem: "used" });
    expect((await load(resetRoute.loader, null, `http://test.local/reset-password/${token}`, { token })).data).toMatchObject({ problem: "used" });
    expect(await signsIn(buyer.email, "brand-new-2570")).toBe(true);
  });

  it("an expired link is refused and changes nothing", async () => {
    const other = await buyerWithPassword("หมดเวลา");
    await forgot(other.email);
    const token = (await mailedResetLink(other.email))!.split("/").pop()!;
    await db().passwordReset.updateMany({ where: { userId: other.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const hashBefore = (await db().user.findUniqueOrThrow({ where: { id: other.id } })).passwordHash;
    const page = await load(resetRoute.loader, null, `http://test.local/reset-password/${token}`, { token });
    expect(page.status).toBe(410);
    expect(page.data).toMatchObject({ problem: "expired" });
    const posted = await post(resetRoute.action, null, `http://test.local/reset-password/${token}`, { token }, { password: "too-late-2570" });
    expect(posted.status).toBe(410);
    expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).passwordHash).toBe(hashBefore);
  });

  it("a link never issued, or mangled, is a 404 and changes nothing", async () => {
    const resetsBefore = await db().passwordReset.count({ where: { usedAt: { not: null } } });
    for (const token of ["A".repeat(43), "short", "../../etc/passwd", "x".repeat(500)]) {
      expect((await load(resetRoute.loader, null, "http://test.local/reset-password/x", { token })).status).toBe(404);
      expect((await post(resetRoute.action, null, "http://test.local/reset-password/x", { token }, { password: "whatever-123" })).status).toBe(404);
    }
    expect(await db().passwordReset.count({ where: { usedAt: { not: null } } })).toBe(resetsBefore);
  });

  it("a too-short new password is a field error and spends nothing", async () => {
    const other = await buyerWithPassword("สั้น");
    await forgot(other.email);
    const token = (await mailedResetLink(other.email))!.split("/").pop()!;
    const posted = await post(resetRoute.action, null, `http://test.local/reset-password/${token}`, { token }, { password: "short" });
    expect(posted.status).toBe(400);
    expect(posted.data).toMatchObject({ fieldErrors: { password: "errors.passwordTooShort" } });
    expect(await db().passwordReset.count({ where: { userId: other.id, usedAt: null } })).toBe(1);
  });

  it("is limited per address: the fourth request in an hour is a 429 and mails nothing", async () => {
    const other = await buyerWithPassword("บ่อย");
    for (let i = 0; i < 3; i++) expect((await forgot(other.email)).status).toBe(200);
    const emails = await db().outboxMessage.count({ where: { topic: "EMAIL" } });
    const fourth = await forgot(other.email);
    expect(fourth.status).toBe(429);
    expect(fourth.data).toMatchObject({ sentTo: null });
    expect((fourth.data as { waitSeconds: number }).waitSeconds).toBeGreaterThan(0);
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL" } })).toBe(emails);
    // The same limit for an address with no account: the answer reveals nothing.
    for (let i = 0; i < 3; i++) await forgot("nobody-either@example.com");
    expect((await forgot("nobody-either@example.com")).status).toBe(429);
  });

  it("refuses posts without the CSRF token", async () => {
    const { cookie } = await cookiesFor(null);
    const emails = await db().outboxMessage.count({ where: { topic: "EMAIL" } });
    const request = new Request("http://test.local/forgot-password", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: buyer.email }),
    });
    const refused = await forgotRoute.action({ request, params: {}, context }).catch((thrown: unknown) => thrown);
    expect((refused as Response).status).toBe(403);
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL" } })).toBe(emails);

    const other = await buyerWithPassword("ไม่มีโทเคน");
    await forgot(other.email);
    const token = (await mailedResetLink(other.email))!.split("/").pop()!;
    const hash = (await db().user.findUniqueOrThrow({ where: { id: other.id } })).passwordHash;
    const reset = new Request(`http://test.local/reset-password/${token}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ password: "no-token-2570" }),
    });
    const refusedReset = await resetRoute.action({ request: reset, params: { token }, context }).catch((thrown: unknown) => thrown);
    expect((refusedReset as Response).status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).passwordHash).toBe(hash);
    expect(await db().passwordReset.count({ where: { userId: other.id, usedAt: null } })).toBe(1);
  });
});

describe("the account page", () => {
  let buyer: Awaited<ReturnType<typeof buyerWithPassword>>;
  const url = "http://test.local/account";
  beforeAll(async () => {
    buyer = await buyerWithPassword("บัญชี");
  });

  it("sends a signed-out visitor to sign in and back; a signed-out post is 401", async () => {
    const page = await load(accountRoute.loader, null, url, {});
    expect(page).toMatchObject({ status: 302, location: "/signin?redirectTo=%2Faccount" });
    expect((await post(accountRoute.action, null, url, {}, { intent: "profile", name: "x", locale: "th" })).status).toBe(401);
  });

  it("saves name, phone (in the addresses' one rule) and language; a bad phone changes nothing", async () => {
    const bad = await post(accountRoute.action, buyer.email, url, {}, { intent: "profile", name: "ใหม่", phone: "12345", locale: "th" });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad)).toEqual({ phone: ["address.errors.phone"] });
    expect((await db().user.findUniqueOrThrow({ where: { id: buyer.id } })).name).toBe("บัญชี");

    const saved = await post(accountRoute.action, buyer.email, url, {}, { intent: "profile", name: "บัญชีใหม่", phone: "+66 81-234-5678", locale: "th" });
    expect(saved.status).toBe(200);
    expect(await db().user.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ name: "บัญชีใหม่", phone: "0812345678", locale: "th" });

    // Choosing English for emails moves the page to English.
    const english = await post(accountRoute.action, buyer.email, url, {}, { intent: "profile", name: "บัญชีใหม่", phone: "", locale: "en" });
    expect(english).toMatchObject({ status: 303, location: "/en/account" });
    expect(await db().user.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ phone: null, locale: "en" });
  });

  it("keeps addresses checked against the Thai dataset; another buyer's cannot be touched", async () => {
    const address = { recipientName: "สมใจ", phone: "0812345678", line: "99 หมู่ 5", province: "ขอนแก่น", district: "ชนบท", subdistrict: "ชนบท", postcode: "40180" };
    const wrong = await post(accountRoute.action, buyer.email, url, {}, { intent: "add-address", ...address, district: "ปทุมวัน" });
    expect(wrong.status).toBe(400);
    expect(Object.keys(fieldErrors(wrong))).toContain("district");
    expect(await db().address.count({ where: { userId: buyer.id } })).toBe(0);

    expect((await post(accountRoute.action, buyer.email, url, {}, { intent: "add-address", ...address })).status).toBe(200);
    expect((await post(accountRoute.action, buyer.email, url, {}, { intent: "add-address", ...address, line: "1 ถนนมิตรภาพ", makeDefault: "on" })).status).toBe(200);
    const saved = await db().address.findMany({ where: { userId: buyer.id }, orderBy: { createdAt: "asc" } });
    expect(saved.map((a) => [a.line, a.isDefault])).toEqual([
      ["99 หมู่ 5", false],
      ["1 ถนนมิตรภาพ", true],
    ]);
    const page = await load(accountRoute.loader, buyer.email, url, {});
    expect((page.data as { account: { addresses: unknown[] } }).account.addresses).toHaveLength(2);

    const stranger = await buyerWithPassword("คนอื่น");
    for (const intent of ["remove-address", "default-address"]) {
      expect((await post(accountRoute.action, stranger.email, url, {}, { intent, addressId: saved[0]!.id })).status).toBe(404);
    }
    expect(await db().address.count({ where: { userId: buyer.id } })).toBe(2);

    expect((await post(accountRoute.action, buyer.email, url, {}, { intent: "remove-address", addressId: saved[1]!.id })).status).toBe(200);
    // The default went with it; the one left becomes the default.
    expect(await db().address.findMany({ where: { userId: buyer.id }, select: { line: true, isDefault: true } })).toEqual([{ line: "99 หมู่ 5", isDefault: true }]);
  });

  it("changes the password only with the current one, and ends the other sessions but not this one", async () => {
    const wrong = await post(accountRoute.action, buyer.email, url, {}, { intent: "password", currentPassword: "not-it", newPassword: "another-2570" });
    expect(wrong.status).toBe(401);
    expect(fieldErrors(wrong)).toEqual({ currentPassword: ["account.wrongPassword"] });
    // Passwords never come back in the answer.
    expect(JSON.stringify(wrong.data)).not.toContain("another-2570");
    expect(await signsIn(buyer.email, PASSWORD)).toBe(true);

    const elsewhere = await startSession(buyer.id);
    const { cookie, csrf } = await cookiesFor(buyer.email);
    const request = new Request(url, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, intent: "password", currentPassword: PASSWORD, newPassword: "another-2570" }),
    });
    const changed = await accountRoute.action({ request, params: {}, context });
    expect(changed).toMatchObject({ data: { done: "passwordChanged" } });
    expect(await db().session.findUnique({ where: { id: elsewhere.id } })).toBeNull();
    const still = await accountRoute.loader({ request: new Request(url, { headers: { Cookie: cookie } }), params: {}, context });
    expect(still).toMatchObject({ account: { email: buyer.email } });
    expect(await signsIn(buyer.email, "another-2570")).toBe(true);
  });

  it("refuses a post without the CSRF token", async () => {
    const { cookie } = await cookiesFor(buyer.email);
    const request = new Request(url, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "profile", name: "csrf", locale: "th" }),
    });
    const refused = await accountRoute.action({ request, params: {}, context }).catch((thrown: unknown) => thrown);
    expect((refused as Response).status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: buyer.id } })).name).not.toBe("csrf");
  });
});

describe("cookies over plain HTTP and over HTTPS", () => {
  it("are plain over HTTP, so a phone on the local network can sign in; Secure and __Host- over HTTPS", async () => {
    const plain = await signinRoute.loader({ request: new Request("http://192.168.1.20:3000/signin"), params: {}, context });
    const plainCookie = (plain as { init: { headers: Record<string, string> } }).init.headers["Set-Cookie"]!;
    expect(plainCookie).toMatch(/^csrf=/);
    expect(plainCookie).not.toMatch(/Secure/);

    const secure = await signinRoute.loader({ request: new Request("https://market.example/signin"), params: {}, context });
    const secureCookie = (secure as { init: { headers: Record<string, string> } }).init.headers["Set-Cookie"]!;
    expect(secureCookie).toMatch(/^__Host-csrf=/);
    expect(secureCookie).toMatch(/; Secure/);
  });
});
