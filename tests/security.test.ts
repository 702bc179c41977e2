/**
 * Probes of the HTTP boundary, each as it was found against a running store:
 * requests a browser never sends but an attacker does, oversized bodies,
 * redirect targets that leave the site, CSRF tokens from elsewhere, framing,
 * and client addresses behind a proxy. Through the real middleware and the
 * real route actions (tests/http-harness.ts); a 500 is never acceptable.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { db } from "~/db/client.server";
import { csrfCookieFor, csrfToken } from "~/web/csrf.server";
import { DEMO_PASSWORD, demoAccounts } from "../prisma/seed/demo";
import { cookiesFor } from "./helpers";
import { send, startStore } from "./http-harness";

const form = "application/x-www-form-urlencoded";
let store: Awaited<ReturnType<typeof startStore>>;
let warn: MockInstance<typeof console.warn>;
let error: MockInstance<typeof console.error>;

beforeAll(async () => {
  store = await startStore();
});
afterAll(() => store.close());
beforeEach(async () => {
  store.reached.length = 0;
  store.failures.length = 0;
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  error = vi.spyOn(console, "error").mockImplementation(() => {});
  await db().loginAttempt.deleteMany();
});
afterEach(() => {
  // Nothing here is a failure of the store: no stack traces, no unexpected errors.
  expect(error).not.toHaveBeenCalled();
  expect(store.failures).toEqual([]);
  vi.restoreAllMocks();
});

/** The one log line of a refusal, e.g. "415 POST /signin: form body expected …". */
function logged(): string[] {
  return warn.mock.calls.map((call) => String(call[0]));
}

/** A same-origin form post, as the sign-in page's own form sends it. */
function post(path: string, fields: Record<string, string>, cookie = "", extra: Record<string, string> = {}) {
  return send(store.port, "POST", path, {
    headers: { "Content-Type": form, Origin: store.origin, Cookie: cookie, ...extra },
    body: new URLSearchParams(fields).toString(),
  });
}

async function sessions() {
  return db().session.count();
}

describe("methods and bodies a browser never sends", () => {
  it.each(["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])("%s gets 405 with Allow, and reaches nothing", async (method) => {
    const answer = await send(store.port, method, "/signin", { headers: { "Content-Type": form }, body: "a=b" });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD, POST");
    expect(store.reached).toEqual([]);
    expect(logged()).toEqual([`405 ${method} /signin: method not allowed`]);
  });

  it.each([
    ["application/json", '{"email":"a@b.c"}'],
    ["text/plain", "email=a@b.c"],
    ["application/xml", "<a/>"],
  ])("a POST of %s gets 415", async (type, body) => {
    const answer = await send(store.port, "POST", "/signin", { headers: { "Content-Type": type, Origin: store.origin }, body });
    expect(answer.status).toBe(415);
    expect(logged()).toEqual([`415 POST /signin: form body expected, got ${JSON.stringify(type)}`]);
  });

  it("on any path, not only where a form reader would refuse them", async () => {
    const answer = await send(store.port, "POST", "/anything", { headers: { "Content-Type": "application/json", Origin: store.origin }, body: "{}" });
    expect(answer.status).toBe(415);
    expect(store.reached).toEqual([]);
  });

  it("a POST without a Content-Type gets 415", async () => {
    expect((await send(store.port, "POST", "/signin", { headers: { Origin: store.origin }, body: "x" })).status).toBe(415);
  });

  it("the route actions refuse them too, for whatever gets past the server (415, 405)", async () => {
    const { action } = await import("~/routes/($lang).signin");
    const status = async (request: Request) => {
      try {
        await action({ request, params: {}, context: { clientAddress: "192.0.2.1" } });
        return 200;
      } catch (thrown) {
        return thrown instanceof Response ? thrown.status : 500;
      }
    };
    expect(await status(new Request("http://t/signin", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }))).toBe(415);
    expect(await status(new Request("http://t/signin", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "a=b" }))).toBe(415);
    expect(await status(new Request("http://t/signin", { method: "PUT", headers: { "Content-Type": form }, body: "a=b" }))).toBe(405);
    expect(await status(new Request("http://t/signin", { method: "POST", headers: { "Content-Type": form }, body: "csrf=x&email=a%00b" }))).toBe(400);
  });

  it.each([
    ["a broken percent-encoding", "/products/%E0%A4%A"],
    ["a lone %", "/%"],
    ["a NUL", "/search?q=%00"],
  ])("a path with %s gets 400", async (_name, path) => {
    const answer = await send(store.port, "GET", path);
    expect(answer.status).toBe(400);
    expect(store.reached).toEqual([]);
    expect(logged()).toHaveLength(1);
  });

  it("a Host header that is no host name gets 400 (it broke `new URL` in Remix: a 500)", async () => {
    for (const host of ["a b", "[::1", "evil.example/path"]) {
      expect((await send(store.port, "GET", "/", { headers: { Host: host } })).status, host).toBe(400);
    }
    expect(store.reached).toEqual([]);
  });
});

describe("cross-origin posts", () => {
  it("are refused with 403 before the body is read, by Origin", async () => {
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1", "not a url"]) {
      const answer = await send(store.port, "POST", "/signin", { headers: { "Content-Type": form, Origin: origin }, body: "a=b" });
      expect(answer.status, origin).toBe(403);
    }
    expect(store.reached).toEqual([]);
    expect(logged()[0]).toBe('403 POST /signin: cross-origin POST from "https://evil.example"');
  });

  it("and by Sec-Fetch-Site when a browser sends no Origin", async () => {
    const answer = await send(store.port, "POST", "/anything", { headers: { "Content-Type": form, "Sec-Fetch-Site": "cross-site" }, body: "a=b" });
    expect(answer.status).toBe(403);
    expect((await send(store.port, "POST", "/anything", { headers: { "Content-Type": form, "Sec-Fetch-Site": "same-origin" }, body: "a=b" })).status).toBe(200);
  });

  it("a forged X-Forwarded-Host from a client that is not our proxy is dropped, not believed", async () => {
    const answer = await send(store.port, "POST", "/anything", {
      headers: { "Content-Type": form, Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
      body: "a=b",
    });
    expect(answer.status).toBe(403);
    // Same-origin with the header: accepted, and the header never reaches Remix (whose own
    // origin check compared it to Origin and threw, a 500).
    expect((await send(store.port, "POST", "/anything", { headers: { "Content-Type": form, Origin: store.origin, "X-Forwarded-Host": "other" }, body: "a=b" })).status).toBe(200);
    expect(store.reached[0]!.headers["x-forwarded-host"]).toBeUndefined();
    expect(store.reached[0]!.headers.origin).toBeUndefined();
  });

  it("PUBLIC_URL's origin is this site's own, behind a proxy that rewrites Host", async () => {
    const behind = await startStore({ PUBLIC_URL: "https://shop.example" });
    try {
      const answer = await send(behind.port, "POST", "/anything", { headers: { "Content-Type": form, Origin: "https://shop.example" }, body: "a=b" });
      expect(answer.status).toBe(200);
      expect((await send(behind.port, "POST", "/anything", { headers: { "Content-Type": form, Origin: "https://evil.example" }, body: "a=b" })).status).toBe(403);
    } finally {
      await behind.close();
    }
  });

  it("a trusted proxy's X-Forwarded-Host and -Proto make the origin", async () => {
    const behind = await startStore({ TRUST_PROXY: "loopback" });
    try {
      const headers = { "Content-Type": form, Origin: "https://shop.example", "X-Forwarded-Host": "shop.example", "X-Forwarded-Proto": "https" };
      expect((await send(behind.port, "POST", "/anything", { headers, body: "a=b" })).status).toBe(200);
      expect((await send(behind.port, "POST", "/anything", { headers: { ...headers, "X-Forwarded-Proto": "http" }, body: "a=b" })).status).toBe(403);
    } finally {
      await behind.close();
    }
  });
});

describe("oversized form bodies", () => {
  const fiveMegabytes = Buffer.alloc(5 * 1024 * 1024, "a");

  it("8 parallel 5 MB posts with a Content-Length each get 413, refused before anything reads them", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => send(store.port, "POST", "/signin", { headers: { "Content-Type": form, Origin: store.origin }, body: fiveMegabytes })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(413));
    expect(logged()).toEqual(Array(8).fill(`413 POST /signin: body of ${fiveMegabytes.length} bytes is over 65536`));
    expect(await db().loginAttempt.count()).toBe(0);
  });

  it("8 parallel 5 MB chunked posts (no length declared) get 413 from the action, which stops reading at 64 KiB", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        send(store.port, "POST", "/signin", { headers: { "Content-Type": form, Origin: store.origin }, body: fiveMegabytes, chunked: true }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(413));
    expect(logged()).toEqual(Array(8).fill("413 POST /signin: form body over 65536 bytes"));
  });

  it("the connection still serves the next request", async () => {
    await send(store.port, "POST", "/signin", { headers: { "Content-Type": form, Origin: store.origin }, body: Buffer.alloc(100_000, "a"), chunked: true });
    expect((await send(store.port, "GET", "/")).status).toBe(200);
  });
});

describe("redirectTo after sign-in", () => {
  const consumer = demoAccounts.consumer.email;

  it.each([
    ["/%09/evil.example"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["https://evil.example/"],
    ["/%0d%0aSet-Cookie:%20a=b"],
    ["/\r\nSet-Cookie: a=b"],
  ])("%j is refused with 400 before the password is checked: no session, no attempt", async (target) => {
    const { cookie, csrf } = await cookiesFor(null);
    const before = await sessions();
    const answer = await post("/en/signin", { csrf, email: consumer, password: DEMO_PASSWORD, redirectTo: target }, cookie);
    expect(answer.status).toBe(400);
    expect(answer.headers.location).toBeUndefined();
    expect(JSON.parse(answer.body).formError.key).toBe("errors.badRedirect");
    expect(await sessions()).toBe(before);
    expect(await db().loginAttempt.count()).toBe(0);
    expect(logged()).toEqual(["400 POST /en/signin: bad redirectTo"]);
  });

  it("a same-site target is followed", async () => {
    const { cookie, csrf } = await cookiesFor(null);
    const answer = await post("/en/signin", { csrf, email: consumer, password: DEMO_PASSWORD, redirectTo: "/en/products/x?y=1" }, cookie);
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/en/products/x?y=1");
  });

  it("the sign-in page drops an unsafe target from its link, so its form never posts one", async () => {
    const { loader } = await import("~/routes/($lang).signin");
    const load = async (target: string) => {
      const result = (await loader({ request: new Request(`http://t/signin?redirectTo=${encodeURIComponent(target)}`), params: {}, context: { clientAddress: "x" } })) as {
        data: { redirectTo: string | null };
      };
      return result.data.redirectTo;
    };
    expect(await load("/%09/evil.example")).toBeNull();
    expect(await load("/groups/ban-thon-krajood/manage")).toBe("/groups/ban-thon-krajood/manage");
  });
});

describe("CSRF tokens are bound to the session", () => {
  const consumer = demoAccounts.consumer.email;

  it("a token from another signed-in session is refused", async () => {
    const mine = await cookiesFor(consumer);
    const theirs = await cookiesFor(consumer);
    expect((await post("/signout", { csrf: theirs.csrf }, mine.cookie)).status).toBe(403);
    // Their token with my nonce cookie beside my session: only the session differs.
    const anonymous = await cookiesFor(null);
    expect((await post("/signout", { csrf: theirs.csrf }, `${mine.cookie}; ${anonymous.cookie}`)).status).toBe(403);
    expect(logged()).toEqual(Array(2).fill("403 POST /signout: CSRF token missing or invalid"));
    expect((await post("/signout", { csrf: mine.csrf }, mine.cookie)).status).toBe(302);
  });

  it("a signed-in page's token holds whatever nonce cookie the browser ends up with", async () => {
    // A browser restart keeps the session cookie and drops the nonce's; a request sent beside the
    // page (the basket's token fetch, begun before sign-in) may set a nonce cookie after the page came.
    const [session] = (await cookiesFor(consumer)).cookie.split("; ");
    const page = await csrfToken(new Request("http://t/", { headers: { Cookie: session } }));
    expect(page.setCookie).toBeUndefined();
    const beside = await cookiesFor(null);
    expect((await post("/signout", { csrf: page.token }, `${session}; ${beside.cookie}`)).status).toBe(302);
  });

  it("a token from another anonymous visitor is refused", async () => {
    const mine = await cookiesFor(null);
    const theirs = await cookiesFor(null);
    const answer = await post("/signin", { csrf: theirs.csrf, email: consumer, password: DEMO_PASSWORD }, mine.cookie);
    expect(answer.status).toBe(403);
    expect(await db().loginAttempt.count()).toBe(0);
  });

  it("a token from before sign-in does not work after it, and sign-in rotates the nonce", async () => {
    const anonymous = await cookiesFor(null);
    const signIn = await post("/signin", { csrf: anonymous.csrf, email: consumer, password: DEMO_PASSWORD }, anonymous.cookie);
    expect(signIn.status).toBe(302);
    const [session, nonce] = signIn.cookies;
    expect(session).toMatch(/^__session=/);
    expect(nonce).toMatch(/^csrf=/);
    expect(nonce).not.toBe(anonymous.cookie);
    // The captured pre-sign-in token, with the browser's new cookies: refused.
    expect((await post("/signout", { csrf: anonymous.csrf }, `${session}; ${nonce}`)).status).toBe(403);
    // Even with the old nonce kept (only the session changed): refused.
    expect((await post("/signout", { csrf: anonymous.csrf }, `${session}; ${anonymous.cookie}`)).status).toBe(403);
  });

  it("sign-out rotates the nonce too", async () => {
    const anonymous = await cookiesFor(null);
    const signIn = await post("/signin", { csrf: anonymous.csrf, email: consumer, password: DEMO_PASSWORD }, anonymous.cookie);
    const [session, atSignIn] = signIn.cookies;
    const { token } = await csrfToken(new Request("http://t/", { headers: { Cookie: session } }));
    const answer = await post("/signout", { csrf: token }, `${session}; ${atSignIn}`);
    expect(answer.status).toBe(302);
    const atSignOut = answer.cookies.find((pair) => pair.startsWith("csrf="));
    expect(atSignOut).toMatch(/^csrf=/);
    expect(atSignOut).not.toBe(atSignIn);
  });

  it("the nonce cookie is httpOnly and SameSite; in production `__Host-` prefixed, Secure, for the whole site, no Domain", async () => {
    const development = await csrfCookieFor(false).serialize("n");
    expect(development).toMatch(/^csrf=/);
    const production = await csrfCookieFor(true).serialize("n");
    expect(production).toMatch(/^__Host-csrf=/);
    for (const flag of [/; Secure/, /; HttpOnly/, /; SameSite=Lax/, /; Path=\/(;|$)/]) expect(production).toMatch(flag);
    expect(production).not.toMatch(/Domain=/i);
  });
});

describe("sign-in throttling at the route", () => {
  it("answers 429 with Retry-After in seconds, and checks nothing", async () => {
    const email = demoAccounts.staff.email;
    const { cookie, csrf } = await cookiesFor(null);
    for (let i = 0; i < 5; i++) expect((await post("/en/signin", { csrf, email, password: "guess" }, cookie)).status).toBe(401);
    const answer = await post("/en/signin", { csrf, email, password: DEMO_PASSWORD }, cookie);
    expect(answer.status).toBe(429);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(answer.headers["retry-after"])).toBeLessThanOrEqual(30);
    expect(JSON.parse(answer.body).formError).toMatchObject({ key: "errors.tooManyAttempts" });
    expect(await db().loginAttempt.count({ where: { key: `email:${email}` } })).toBe(5);
  });
});

describe("security headers", () => {
  it("are on every response: pages, refusals and errors", async () => {
    for (const answer of [
      await send(store.port, "GET", "/"),
      await send(store.port, "TRACE", "/"),
      await send(store.port, "POST", "/x", { headers: { Origin: "https://evil.example" } }),
    ]) {
      const csp = String(answer.headers["content-security-policy"]);
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]{20,}'/);
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "img-src 'self' data:"]) {
        expect(csp).toContain(directive);
      }
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(answer.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(answer.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    }
  });

  it("give each response its own nonce", async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec(String((await send(store.port, "GET", "/")).headers["content-security-policy"]))![1];
    expect(await nonce()).not.toBe(await nonce());
  });

  it("allow images from S3_PUBLIC_URL's origin when set", async () => {
    const withBucket = await startStore({ S3_BUCKET: "b", S3_PUBLIC_URL: "https://cdn.example.com/media" });
    try {
      expect((await send(withBucket.port, "GET", "/")).headers["content-security-policy"]).toContain("img-src 'self' data: https://cdn.example.com;");
    } finally {
      await withBucket.close();
    }
  });
});

describe("the client's address behind a proxy (TRUST_PROXY)", () => {
  it("is the connecting address unless the proxy is trusted", async () => {
    await send(store.port, "GET", "/", { headers: { "X-Forwarded-For": "203.0.113.50" } });
    expect(store.reached[0]!.clientAddress).toBe("127.0.0.1");
  });

  it("is the forwarded address from a trusted proxy, so buyers do not all share the proxy's", async () => {
    const behind = await startStore({ TRUST_PROXY: "1" });
    try {
      await send(behind.port, "GET", "/", { headers: { "X-Forwarded-For": "203.0.113.50" } });
      await send(behind.port, "GET", "/", { headers: { "X-Forwarded-For": "198.51.100.7, 203.0.113.51" } });
      expect(behind.reached.map((request) => request.clientAddress)).toEqual(["203.0.113.50", "203.0.113.51"]);
    } finally {
      await behind.close();
    }
  });
});
