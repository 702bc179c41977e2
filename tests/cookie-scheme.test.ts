/**
 * Signing in to a production store from a phone on the local network over plain HTTP, through
 * the real middleware and sign-in action (tests/http-harness.ts): it used to fail with 403,
 * because every cookie was Secure in production and the browser dropped the CSRF nonce. Cookies
 * are now Secure when the request came over HTTPS, directly or as a trusted proxy says, and not
 * otherwise; a proxy that is not trusted cannot claim HTTPS.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config, parseConfig } from "~/config.server";
import { db } from "~/db/client.server";
import { csrfToken } from "~/web/csrf.server";
import { DEMO_PASSWORD, demoAccounts } from "../prisma/seed/demo";
import { send, startStore } from "./http-harness";

// The whole process as `npm start` runs it: production mode (kept on globalThis by config.server.ts).
const holder = globalThis as { __sammachipConfig?: ReturnType<typeof config> };
const before = config();
holder.__sammachipConfig = parseConfig({ ...process.env, NODE_ENV: "production", SESSION_SECRET: before.SESSION_SECRET ?? "cookie-scheme-test-secret-0123456789abcdef" });
afterAll(() => {
  holder.__sammachipConfig = before;
});

let trusting: Awaited<ReturnType<typeof startStore>>;
let plain: Awaited<ReturnType<typeof startStore>>;
beforeAll(async () => {
  trusting = await startStore({ TRUST_PROXY: "loopback" });
  plain = await startStore();
  await db().loginAttempt.deleteMany();
});
afterAll(async () => {
  await trusting.close();
  await plain.close();
});

/** A signed-out browser's CSRF nonce cookie and token, as the sign-in page at `url` would set them. */
async function signInPage(url: string) {
  const { token, setCookie } = await csrfToken(new Request(url));
  return { cookie: setCookie!.split(";")[0]!, csrf: token };
}

async function signIn(store: typeof plain, host: string, page: { cookie: string; csrf: string }, headers: Record<string, string> = {}) {
  const answer = await send(store.port, "POST", "/signin", {
    headers: { Host: host, Origin: `http://${host}`, "Content-Type": "application/x-www-form-urlencoded", Cookie: page.cookie, ...headers },
    body: new URLSearchParams({ csrf: page.csrf, email: demoAccounts.consumer.email, password: DEMO_PASSWORD }).toString(),
  });
  const setCookies = ([] as string[]).concat(answer.headers["set-cookie"] ?? []);
  return { status: answer.status, session: setCookies.find((line) => line.startsWith("__session=")) ?? "" };
}

describe("cookies and the scheme of the request", () => {
  it("over plain HTTP from the local network, a production store signs in with plain cookies", async () => {
    const page = await signInPage("http://192.168.1.20:3000/signin");
    expect(page.cookie).toMatch(/^csrf=/);
    const answer = await signIn(plain, "192.168.1.20:3000", page);
    expect(answer.status).toBe(302);
    expect(answer.session).not.toBe("");
    expect(answer.session).not.toMatch(/Secure/i);
  });

  it("behind a trusted proxy that says HTTPS, the cookies are Secure and the nonce is __Host-", async () => {
    const page = await signInPage("https://market.example/signin");
    expect(page.cookie).toMatch(/^__Host-csrf=/);
    const answer = await signIn(trusting, "market.example", page, { "X-Forwarded-Proto": "https", Origin: "https://market.example" });
    expect(answer.status).toBe(302);
    expect(answer.session).toMatch(/; Secure/);
  });

  it("a client that is not a trusted proxy cannot claim HTTPS", async () => {
    const page = await signInPage("http://192.168.1.20:3000/signin");
    const answer = await signIn(plain, "192.168.1.20:3000", page, { "X-Forwarded-Proto": "https" });
    expect(answer.status).toBe(302);
    expect(answer.session).not.toMatch(/Secure/i);
  });
});
