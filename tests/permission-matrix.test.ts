/**
 * The permission matrix: every route in app/routes (but the three whose right is the basket, the
 * order or the applicant's own draft, NOT_BY_ROLE below), each page's loader and each intent of its
 * action, called as a guest, a consumer, a member of another group, a MEMBER, a MANAGER, an OWNER
 * and STAFF, with real cookies and a valid CSRF token and form. Allowed requests must succeed (and be audited); denied
 * ones must be refused with the guard's status and change nothing at all (every table's rows,
 * the audit log included, hashed before and after).
 *
 * The table lives in permission-matrix/table.ts; a route file on disk that is not in it, or an
 * intent its schema accepts that is not in it, fails here.
 */
import fs from "node:fs";
import path from "node:path";
import type { Params } from "@remix-run/react";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { permissionTable, type FormFields } from "./permission-matrix/table";
import { outcome, type Outcome } from "./route-calls";
import { fingerprint, makeWorld, roles, type Role, type World } from "./permission-matrix/world";

type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown>; [name: string]: unknown };

const modules = import.meta.glob<RouteModule>("../app/routes/*.{ts,tsx}");
const routesDir = path.resolve(__dirname, "../app/routes");
/**
 * The routes whose right is neither a role nor public: the checkout answers by the basket the
 * request holds, an order's page by the order it holds (its link, its contact or its account),
 * and a group application by the applicant's own draft. Their suites (checkout-route.test.ts,
 * orders.test.ts, group-application.test.ts) prove those; every other route is in the table.
 */
const NOT_BY_ROLE = ["($lang).checkout.tsx", "($lang).orders.$number.tsx", "($lang).groups.apply.tsx"];
const onDisk = fs
  .readdirSync(routesDir)
  .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts") && !file.endsWith(".test.tsx") && !NOT_BY_ROLE.includes(file))
  .sort();

const load = (file: string) => modules[`../app/routes/${file}`]();
const context = { clientAddress: "127.0.0.1" };

vi.hoisted(() => {
  // Stripe Connect on, so the money page's owner-only "connect-stripe" intent can succeed.
  process.env.STRIPE_SECRET_KEY = "sk_test_0000000000000000000000";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test0000000000000000000000";
  process.env.STRIPE_CONNECT = "true";
});

/** Stripe's answers to Connect onboarding, in its shapes. */
const stripeServer = setupServer(
  http.post("https://api.stripe.com/v1/accounts", () => HttpResponse.json({ id: `acct_test_${Date.now()}${Math.random().toString(36).slice(2, 8)}`, object: "account", type: "express", payouts_enabled: false, details_submitted: false })),
  http.get("https://api.stripe.com/v1/accounts/:id", ({ params }) => HttpResponse.json({ id: params.id, object: "account", type: "express", payouts_enabled: false, details_submitted: false })),
  http.post("https://api.stripe.com/v1/account_links", () => HttpResponse.json({ object: "account_link", created: 1764320000, expires_at: 1764320300, url: "https://connect.stripe.com/setup/e/acct_test/link" })),
);

let world: World;
beforeAll(async () => {
  stripeServer.listen();
  world = await makeWorld();
});
afterAll(() => stripeServer.close());

/** A route's params read from a path: "($lang).staff.collections.$slug.tsx" + "/staff/collections/x" → {slug: "x"}. */
function paramsFor(file: string, urlPath: string): Params {
  // "[.]" is a literal dot inside a segment ("orders[.]csv" answers /orders.csv).
  const segments = file
    .replace(/\.tsx?$/, "")
    .replaceAll("[.]", "\u0000")
    .split(".")
    .map((segment) => segment.replaceAll("\u0000", "."))
    .filter((segment) => segment !== "($lang)" && segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""));
  const parts = urlPath.split("?")[0]!.split("/").filter(Boolean);
  // A last "$" (a splat) takes the rest of the path as params["*"].
  const splat = segments.at(-1) === "$";
  if (splat ? parts.length < segments.length : parts.length !== segments.length) throw new Error(`${urlPath} does not fit the route ${file}`);
  const params: Record<string, string> = {};
  segments.forEach((segment, index) => {
    if (segment === "$" && splat && index === segments.length - 1) params["*"] = parts.slice(index).join("/");
    else if (segment.startsWith("$")) params[segment.slice(1)] = parts[index];
    else if (segment !== parts[index]) throw new Error(`${urlPath} does not fit the route ${file}`);
  });
  return params;
}

async function request(role: Role, urlPath: string, fields?: FormFields, freshSession = false): Promise<Request> {
  const { cookie, csrf } = freshSession ? await world.freshCookies(role) : world.cookies[role];
  const url = `http://test.local${urlPath}`;
  if (!fields) return new Request(url, { headers: { Cookie: cookie } });
  const entries = Object.entries({ csrf, ...fields }).flatMap(([name, value]) => (Array.isArray(value) ? value.map((each) => [name, each] as const) : [[name, value] as const]));
  if (entries.some(([, value]) => value instanceof File)) {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    return new Request(url, { method: "POST", headers: { Cookie: cookie }, body: form });
  }
  const body = new URLSearchParams(entries as [string, string][]);
  return new Request(url, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body });
}

/**
 * How a guard refuses: a signed-out page visit goes to sign-in, a signed-out post is 401 (or, for
 * a route whose row says `guestPostSignsIn`, a 303 to sign-in and back), anyone else 403.
 */
function expectedDenial(role: Role, method: "GET" | "POST", guestPostSignsIn = false, deniedWith = 403) {
  if (role !== "guest") return { status: deniedWith };
  if (method === "POST" && guestPostSignsIn) return { status: 303, signIn: true };
  return method === "GET" ? { status: 302, signIn: true } : { status: 401 };
}

/** A guard's redirect to sign in: a refusal even though its status is below 400. */
const sentToSignIn = (got: Outcome) => Boolean(got.location?.startsWith("/signin?redirectTo="));

function isDenied(got: Outcome, role: Role, method: "GET" | "POST", guestPostSignsIn = false, deniedWith?: number): boolean {
  const expected = expectedDenial(role, method, guestPostSignsIn, deniedWith);
  if (got.status !== expected.status) return false;
  return !expected.signIn || sentToSignIn(got);
}

const auditCount = (print: Record<string, string>) => Number(print.AuditLog.split(":")[0]);

/** The intents a route's exported schemas accept: every z.discriminatedUnion on "intent" it exports. */
function schemaIntents(module: RouteModule): string[] {
  const found: string[] = [];
  for (const value of Object.values(module)) {
    const def = (value as { _zod?: { def?: { discriminator?: string } } } | null)?._zod?.def;
    if (def?.discriminator !== "intent") continue;
    for (const option of (value as { options: { shape: { intent: { value: string } } }[] }).options) found.push(option.shape.intent.value);
  }
  return found;
}

describe("the permission table", () => {
  it("has a row for every route on disk, and none for a route that is gone", () => {
    expect(onDisk.length).toBeGreaterThan(60);
    for (const file of NOT_BY_ROLE) expect(fs.existsSync(path.join(routesDir, file)), `${file} is still a route`).toBe(true);
    expect(onDisk.filter((file) => !(file in permissionTable)), "route files missing from tests/permission-matrix/table.ts").toEqual([]);
    expect(Object.keys(permissionTable).filter((file) => !onDisk.includes(file)), "rows for route files that do not exist").toEqual([]);
  });

  it.each(onDisk)("matches what %s exports: its loader, its action and every intent its schemas accept", async (file) => {
    const module = await load(file);
    const row = permissionTable[file];
    if (!row) return;
    expect(row.page !== null, "page roles are listed exactly when the route has a loader").toBe(typeof module.loader === "function");
    expect(Object.keys(row.intents ?? {}).length > 0, "intents are listed exactly when the route has an action").toBe(typeof module.action === "function");
    const listed = Object.keys(row.intents ?? {});
    expect(schemaIntents(module).filter((intent) => !listed.includes(intent)), "intents the route accepts but the table does not list").toEqual([]);
  });
});

describe.each(onDisk.filter((file) => file in permissionTable))("%s", (file) => {
  const row = permissionTable[file];

  it.each(roles)("as %s", async (role) => {
    const module = await load(file);
    const problems: string[] = [];

    if (row.page) {
      const c = await row.setup?.(world);
      const urlPath = row.path(world, c);
      const before = await fingerprint();
      const sent = await request(role, urlPath, undefined, row.freshSession);
      const got = await outcome(() => module.loader!({ request: sent, params: paramsFor(file, urlPath), context }));
      if (row.page.includes(role)) {
        if (row.answer !== undefined) {
          if (got.status !== row.answer) problems.push(`page: everyone should get ${row.answer}, answered ${got.status}`);
          else expect(await fingerprint(), `page load as ${role} changed data`).toEqual(before);
        } else if (got.status >= 400 || sentToSignIn(got)) problems.push(`page: allowed but answered ${got.status} ${got.location ?? String(got.body).slice(0, 200)}`);
      } else {
        if (!isDenied(got, role, "GET", false, row.deniedWith)) problems.push(`page: should be denied, answered ${got.status} ${got.location ?? ""}`);
        else expect(await fingerprint(), `page load as ${role} changed data`).toEqual(before);
      }
    }

    for (const [intent, spec] of Object.entries(row.intents ?? {})) {
      const c = await row.setup?.(world);
      const fields = await spec.form(world, c, role);
      const urlPath = row.path(world, c);
      const before = await fingerprint();
      const sent = await request(role, urlPath, { intent, ...fields }, row.freshSession);
      const got = await outcome(() => module.action!({ request: sent, params: paramsFor(file, urlPath), context }));
      const after = await fingerprint();
      const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
      if (spec.allowed.includes(role) && spec.answer !== undefined) {
        if (got.status !== spec.answer) problems.push(`${intent}: everyone should get ${spec.answer}, answered ${got.status}`);
        else if (changed.length > 0) problems.push(`${intent}: answered ${got.status}, yet changed ${changed.join(", ")}`);
      } else if (spec.allowed.includes(role)) {
        if (got.status >= 400 || sentToSignIn(got)) problems.push(`${intent}: allowed but answered ${got.status} ${got.location ?? JSON.stringify(got.body).slice(0, 300)}`);
        else if (spec.audited !== false && auditCount(after) <= auditCount(before)) problems.push(`${intent}: allowed and answered ${got.status}, but wrote no audit record`);
      } else if (!isDenied(got, role, "POST", row.guestPostSignsIn, row.deniedWith)) {
        problems.push(`${intent}: should be denied, answered ${got.status} ${JSON.stringify(got.body).slice(0, 200)}`);
      } else if (changed.length > 0) {
        problems.push(`${intent}: denied, yet changed ${changed.join(", ")}`);
      }
    }

    expect(problems).toEqual([]);
  });
});
