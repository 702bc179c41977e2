/**
 * Paying by card through Omise at checkout, with Omise's HTTP intercepted in-process (msw) and
 * answers in the shapes Omise documents: with Omise's keys set, checkout offers it; the order page
 * takes only the token Omise.js made (no token, or a malformed one, is refused with a 400 and
 * changes nothing); the charge carries the exact total in THB and a return_uri to the order page;
 * 3-D Secure sends the buyer to Omise's authorize_uri; back on the order page the charge is
 * fetched from Omise before the order shows paid; a declined card shows the failure and a new
 * attempt can pay. ledger:check holds after each.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { checkLedger } from "~/modules/ledger/check.server";
import { offeredPayments } from "~/modules/payments/payments.server";
import { groupA, groupB, listenWithPromptPayGroups, omiseChargeLookup, orderPageData, payOnOrderPage, placeAtCheckout } from "./payment-fixtures";

vi.hoisted(() => {
  process.env.OMISE_PUBLIC_KEY = "pkey_test_5x0000000000000000";
  process.env.OMISE_SECRET_KEY = "skey_test_5x0000000000000000";
  process.env.PLATFORM_FEE_PERCENT = "5";
});

const charges = new Map<string, Record<string, unknown>>();
const posted: Record<string, unknown>[] = [];

/** How Omise answers a card token: 3-D Secure to go through, declined, or paid at once. */
const outcomeOfToken: Record<string, string> = { tokn_test_3ds: "pending", tokn_test_declined: "failed", tokn_test_ok: "successful" };

const server = setupServer(
  http.post("https://api.omise.co/charges", async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown> & { amount: number; card: string };
    posted.push(body);
    const id = `chrg_test_card_${posted.length}`;
    const status = outcomeOfToken[body.card] ?? "failed";
    const charge = {
      object: "charge",
      id,
      livemode: false,
      amount: body.amount,
      currency: "THB",
      status,
      paid: status === "successful",
      authorize_uri: status === "pending" ? `https://api.omise.co/payments/${id}/authorize` : null,
      fee: Math.round(body.amount * 0.0365),
      fee_vat: Math.round(body.amount * 0.0365 * 0.07),
      failure_code: status === "failed" ? "insufficient_fund" : null,
      failure_message: status === "failed" ? "insufficient funds in the account" : null,
      refunded_amount: 0,
      metadata: body.metadata,
      source: null,
      return_uri: body.return_uri,
    };
    charges.set(id, charge);
    return HttpResponse.json(charge);
  }),
  omiseChargeLookup(charges),
);

listenWithPromptPayGroups(server);

let buyers = 0;
/** A guest's two-group basket placed at checkout to pay through Omise. */
const placeByOmise = () => placeAtCheckout("OMISE", `omise.card.${++buyers}@example.com`);

const orderPage = (number: string, cookie: string, query = "") => orderPageData<{ card: string | null; omiseKey: string | null; order: { status: string } }>(number, cookie, query);

const pay = payOnOrderPage;

async function expectLedgerProven() {
  const report = await checkLedger();
  expect(report.problems).toEqual([]);
}

describe("card payment through Omise", () => {
  it("is offered with Omise's keys for groups whose payout details staff verified", async () => {
    const groups = await db().occupationGroup.findMany({ where: { slug: { in: [groupA, groupB] } }, select: { id: true, promptPayId: true, payoutVerifiedAt: true } });
    expect(offeredPayments(groups)).toEqual(["PROMPTPAY_DIRECT", "CASH_ON_PICKUP", "OMISE"]);
    expect(offeredPayments([groups[0], { ...groups[1], payoutVerifiedAt: null }])).not.toContain("OMISE");
  });

  it("charges the token for the exact total, goes through 3-D Secure, and shows the order paid once Omise's charge says so", async () => {
    const { answer, order, cookie, csrf } = await placeByOmise();
    expect(answer.headers.get("Location")).toBe(`/orders/${order.number}?placed=1`);
    expect(await orderPage(order.number, cookie)).toMatchObject({ card: null, omiseKey: "pkey_test_5x0000000000000000", order: { status: "PENDING_PAYMENT" } });

    // No token (no JavaScript) or a malformed one: refused, nothing sent to Omise.
    expect(await pay(order.number, cookie, csrf, {})).toMatchObject({ status: 400, body: { error: "pay.card.needsScript" } });
    expect((await pay(order.number, cookie, csrf, { omiseToken: "4242424242424242" })).status).toBe(400);
    expect(posted.filter((body) => (body.metadata as { order_id: string }).order_id === order.id)).toHaveLength(0);

    const sent = await pay(order.number, cookie, csrf, { omiseToken: "tokn_test_3ds" });
    const charge = posted.at(-1)!;
    const chargeId = [...charges.keys()].at(-1)!;
    expect(sent).toMatchObject({ status: 302, location: `https://api.omise.co/payments/${chargeId}/authorize` });
    expect(charge).toMatchObject({ amount: order.totalSatang, currency: "THB", card: "tokn_test_3ds", return_uri: `http://test.local/orders/${order.number}?paid=card` });
    expect(JSON.stringify(charge)).not.toMatch(/4242/);

    // Back from the bank before Omise settles: not paid; then Omise's charge succeeds.
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "notYet", order: { status: "PENDING_PAYMENT" } });
    charges.set(chargeId, { ...charges.get(chargeId), status: "successful", paid: true, authorize_uri: null });
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "paid", order: { status: "PAID" } });
    const payment = await db().payment.findFirstOrThrow({ where: { orderId: order.id, providerRef: chargeId } });
    expect(payment.status).toBe("SUCCEEDED");
    expect(await db().ledgerTransaction.count({ where: { paymentId: payment.id, kind: { in: ["sale", "fee.provider"] } } })).toBe(4);
    await expectLedgerProven();
  });

  it("shows a declined card as failed, and a new attempt pays", async () => {
    const { order, cookie, csrf } = await placeByOmise();
    expect(await pay(order.number, cookie, csrf, { omiseToken: "tokn_test_declined" })).toMatchObject({ status: 302, location: `http://test.local/orders/${order.number}?paid=card` });
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "failed", order: { status: "PENDING_PAYMENT" } });
    expect(await db().ledgerTransaction.count({ where: { orderId: order.id } })).toBe(0);
    expect(await pay(order.number, cookie, csrf, { omiseToken: "tokn_test_ok" })).toMatchObject({ status: 302, location: `http://test.local/orders/${order.number}?paid=card` });
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "paid", order: { status: "PAID" } });
    const payments = await db().payment.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" }, select: { status: true } });
    expect(payments.map((payment) => payment.status)).toEqual(["FAILED", "SUCCEEDED"]);
    await expectLedgerProven();
  });
});
