/**
 * A group connects its own Stripe account from its money page (STRIPE_CONNECT=true), with Stripe's
 * HTTP intercepted in-process (msw) and answers in Stripe's shapes: the owner alone may; the first
 * time an Express account is made for the group (country STRIPE_CONNECT_COUNTRY, an idempotency key
 * per group) and kept on it with an audit record; the owner is sent to an onboarding Account Link
 * whose refresh and return URLs come back to the money page; a second press reuses the account;
 * the page shows whether Stripe has enabled payouts, as Stripe answers.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import * as moneyRoute from "~/routes/($lang).groups.$slug_.manage.money";
import { load, newGroup, newUser, post } from "./group-fixtures";

vi.hoisted(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_0000000000000000000000";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test0000000000000000000000";
  process.env.STRIPE_CONNECT = "true";
  process.env.STRIPE_CONNECT_COUNTRY = "SG";
});

const accountsMade: { body: URLSearchParams; idempotencyKey: string | null }[] = [];
const links: URLSearchParams[] = [];
const payoutsEnabled = new Map<string, boolean>();

const server = setupServer(
  http.post("https://api.stripe.com/v1/accounts", async ({ request }) => {
    const body = new URLSearchParams(await request.text());
    accountsMade.push({ body, idempotencyKey: request.headers.get("Idempotency-Key") });
    const id = `acct_test_${accountsMade.length}${Date.now()}`;
    return HttpResponse.json({ id, object: "account", type: "express", country: body.get("country"), charges_enabled: false, payouts_enabled: false, details_submitted: false, metadata: { group_id: body.get("metadata[group_id]") } });
  }),
  http.post("https://api.stripe.com/v1/account_links", async ({ request }) => {
    const body = new URLSearchParams(await request.text());
    links.push(body);
    return HttpResponse.json({ object: "account_link", created: 1764320000, expires_at: 1764320300, url: `https://connect.stripe.com/setup/e/${body.get("account")}/link${links.length}` });
  }),
  http.get("https://api.stripe.com/v1/accounts/:id", ({ params }) => {
    const enabled = payoutsEnabled.get(String(params.id)) ?? false;
    return HttpResponse.json({ id: params.id, object: "account", type: "express", country: "SG", charges_enabled: enabled, payouts_enabled: enabled, details_submitted: enabled });
  }),
);

beforeAll(() => server.listen());
afterAll(() => server.close());

let owner: Awaited<ReturnType<typeof newUser>>;
let manager: Awaited<ReturnType<typeof newUser>>;
let group: { id: string; slug: string };
const url = () => `http://t/groups/${group.slug}/manage/money`;
const connect = (email: string, form: Record<string, string> = { intent: "connect-stripe" }) => post(moneyRoute.action, email, url(), { slug: group.slug }, form);
const page = (email: string) => load(moneyRoute.loader, email, url(), { slug: group.slug });
const audits = () => db().auditLog.count({ where: { groupId: group.id } });

beforeEach(async () => {
  owner = await newUser("เจ้าของ");
  group = await newGroup(owner.id);
  manager = await newUser("ผู้จัดการ");
  await db().groupMembership.create({ data: { groupId: group.id, userId: manager.id, role: "MANAGER" } });
});

describe("Stripe Connect onboarding from the money page", () => {
  it("makes the group's Express account once, keeps it, and sends the owner to Stripe's onboarding and back", async () => {
    expect(await page(owner.email)).toMatchObject({ status: 200, data: { connect: { owner: true, status: null } } });
    const before = await audits();
    const first = await connect(owner.email);
    const made = accountsMade.at(-1)!;
    const accountId = (await db().occupationGroup.findUniqueOrThrow({ where: { id: group.id } })).stripeAccountId!;
    expect(accountId).toMatch(/^acct_test_/);
    expect(made.body.get("type")).toBe("express");
    expect(made.body.get("country")).toBe("SG");
    expect(made.body.get("capabilities[transfers][requested]")).toBe("true");
    expect(made.body.get("metadata[group_id]")).toBe(group.id);
    expect(made.idempotencyKey).toBe(`connect-account:${group.id}`);
    expect(first).toMatchObject({ status: 302, location: `https://connect.stripe.com/setup/e/${accountId}/link${links.length}` });
    expect(Object.fromEntries(links.at(-1)!)).toEqual({ account: accountId, type: "account_onboarding", refresh_url: `${url()}?stripe=refresh`, return_url: `${url()}?stripe=back` });
    expect(await audits()).toBeGreaterThan(before);

    // Back from Stripe, details not yet enabled; a second press continues with the same account.
    expect(await page(owner.email)).toMatchObject({ data: { connect: { owner: true, status: { accountId, payoutsEnabled: false } } } });
    const count = accountsMade.length;
    expect(await connect(owner.email)).toMatchObject({ status: 302 });
    expect(accountsMade.length).toBe(count);
    expect(links.at(-1)!.get("account")).toBe(accountId);

    payoutsEnabled.set(accountId, true);
    expect(await page(manager.email)).toMatchObject({ data: { connect: { owner: false, status: { accountId, payoutsEnabled: true } } } });
  });

  it("is the owner's alone: a manager is refused, and nothing is made at Stripe or here", async () => {
    const before = { accounts: accountsMade.length, links: links.length, audits: await audits() };
    expect((await connect(manager.email)).status).toBe(403);
    expect((await connect(owner.email, { intent: "connect-paypal" })).status).toBe(400);
    expect({ accounts: accountsMade.length, links: links.length, audits: await audits() }).toEqual(before);
    expect((await db().occupationGroup.findUniqueOrThrow({ where: { id: group.id } })).stripeAccountId).toBeNull();
  });
});
