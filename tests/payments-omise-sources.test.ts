/**
 * Paying an Omise order by PromptPay or a bank's app, with Omise's HTTP intercepted in-process
 * (msw) and answers in the shapes Omise documents: the server makes the source with the secret
 * key for the exact total (POST /sources) and charges it; PromptPay shows the charge's own QR on
 * the order page with the amount and pays the order only when the charge fetched back from Omise
 * is successful; a banking app sends the buyer to the charge's authorize_uri and back to the order
 * page, which fetches the charge again (a failed one leaves the order waiting); a charge fetched
 * back with another amount or currency is refused; a bank Omise does not have here is refused with
 * a 400 and nothing is sent to Omise. ledger:check holds after each.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { checkLedger } from "~/modules/ledger/check.server";
import { listenWithPromptPayGroups, omiseChargeLookup, orderPageData, payOnOrderPage, placeAtCheckout } from "./payment-fixtures";

vi.hoisted(() => {
  process.env.OMISE_PUBLIC_KEY = "pkey_test_5x0000000000000000";
  process.env.OMISE_SECRET_KEY = "skey_test_5x0000000000000000";
  process.env.PLATFORM_FEE_PERCENT = "5";
});

const QR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
const sources = new Map<string, Record<string, unknown>>();
const charges = new Map<string, Record<string, unknown>>();
const sourceBodies: Record<string, unknown>[] = [];
const chargeBodies: Record<string, unknown>[] = [];

const server = setupServer(
  http.post("https://api.omise.co/sources", async ({ request }) => {
    const body = (await request.json()) as { type: string; amount: number; currency: string };
    sourceBodies.push(body);
    const id = `src_test_5x${sourceBodies.length}z`;
    const source = {
      object: "source",
      id,
      livemode: false,
      location: `/sources/${id}`,
      amount: body.amount,
      currency: body.currency.toUpperCase(),
      type: body.type,
      flow: body.type === "promptpay" ? "offline" : "app_redirect",
      charge_status: "unknown",
      scannable_code: null,
      created_at: "2026-11-28T13:00:00Z",
    };
    sources.set(id, source);
    return HttpResponse.json(source);
  }),
  http.post("https://api.omise.co/charges", async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown> & { amount: number; source: string };
    chargeBodies.push(body);
    const source = sources.get(body.source);
    if (!source) return HttpResponse.json({ object: "error", code: "invalid_source", message: "source was not found" }, { status: 404 });
    const id = `chrg_test_src_${chargeBodies.length}`;
    const promptpay = source.type === "promptpay";
    const charge = {
      object: "charge",
      id,
      livemode: false,
      amount: body.amount,
      currency: "THB",
      status: "pending",
      paid: false,
      authorize_uri: `https://pay.omise.co/payments/pay2_test_${chargeBodies.length}/authorize`,
      fee: Math.round(body.amount * 0.0165),
      fee_vat: Math.round(body.amount * 0.0165 * 0.07),
      failure_code: null,
      failure_message: null,
      refunded_amount: 0,
      metadata: body.metadata,
      return_uri: body.return_uri,
      source: {
        ...source,
        charge_status: "pending",
        scannable_code: promptpay
          ? { object: "barcode", type: "qr", image: { object: "document", livemode: false, id: `docu_test_${chargeBodies.length}`, filename: "qrcode.svg", kind: "qr", download_uri: `https://api.omise.co/charges/${id}/documents/docu_test_${chargeBodies.length}/downloads/AB12` } }
          : null,
      },
    };
    charges.set(id, charge);
    return HttpResponse.json(charge);
  }),
  http.get("https://api.omise.co/charges/:id/documents/:doc/downloads/:file", () => new HttpResponse(QR_SVG, { headers: { "Content-Type": "image/svg+xml" } })),
  omiseChargeLookup(charges),
);

listenWithPromptPayGroups(server);

let buyers = 0;
/** A guest's two-group basket placed at checkout to pay through Omise. */
const placeByOmise = () => placeAtCheckout("OMISE", `omise.source.${++buyers}@example.com`);

const orderPage = (number: string, cookie: string, query = "") => orderPageData<{ card: string | null; omiseQr: string | null; order: { status: string } }>(number, cookie, query);

const pay = payOnOrderPage;

async function ledgerOf(orderId: string) {
  return db().ledgerTransaction.count({ where: { orderId } });
}

/** Omise's answer when the charge is fetched back, changed as Omise would change it. */
function omiseSays(chargeId: string, change: Record<string, unknown>) {
  charges.set(chargeId, { ...charges.get(chargeId), ...change });
}

describe("Omise PromptPay and banking apps", () => {
  it("PromptPay: a source for the exact total, the charge's QR with the amount on the order page, paid only once the charge fetched back is successful", async () => {
    const { order, cookie, csrf } = await placeByOmise();
    expect(await orderPage(order.number, cookie)).toMatchObject({ omiseQr: null, order: { status: "PENDING_PAYMENT" } });
    expect(await pay(order.number, cookie, csrf, { omiseSource: "promptpay" })).toMatchObject({ status: 302, location: `http://test.local/orders/${order.number}` });
    expect(sourceBodies.at(-1)).toEqual({ type: "promptpay", amount: order.totalSatang, currency: "THB" });
    const chargeId = [...charges.keys()].at(-1)!;
    expect(chargeBodies.at(-1)).toMatchObject({ amount: order.totalSatang, currency: "THB", source: [...sources.keys()].at(-1), return_uri: `http://test.local/orders/${order.number}?paid=card` });

    const waiting = await orderPage(order.number, cookie);
    expect(waiting).toMatchObject({ card: null, order: { status: "PENDING_PAYMENT" } });
    expect(waiting.omiseQr).toBe(`data:image/svg+xml;base64,${Buffer.from(QR_SVG).toString("base64")}`);
    expect(await db().payment.findFirstOrThrow({ where: { orderId: order.id, providerRef: chargeId } })).toMatchObject({ method: "PROMPTPAY", status: "PENDING" });
    expect(await ledgerOf(order.id)).toBe(0);

    omiseSays(chargeId, { status: "successful", paid: true });
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "paid", omiseQr: null, order: { status: "PAID" } });
    const payment = await db().payment.findFirstOrThrow({ where: { orderId: order.id, providerRef: chargeId } });
    expect(payment.status).toBe("SUCCEEDED");
    expect(await db().ledgerTransaction.count({ where: { paymentId: payment.id, kind: { in: ["sale", "fee.provider"] } } })).toBe(4);
    expect((await checkLedger()).problems).toEqual([]);
  });

  it("a banking app: the buyer goes to the charge's authorize_uri; back with a failed charge, the order still waits and nothing is booked", async () => {
    const { order, cookie, csrf } = await placeByOmise();
    const sent = await pay(order.number, cookie, csrf, { omiseSource: "mobile_banking_kbank" });
    const chargeId = [...charges.keys()].at(-1)!;
    expect(sent).toMatchObject({ status: 302, location: charges.get(chargeId)!.authorize_uri });
    expect(sourceBodies.at(-1)).toEqual({ type: "mobile_banking_kbank", amount: order.totalSatang, currency: "THB" });
    expect(await db().payment.findFirstOrThrow({ where: { orderId: order.id, providerRef: chargeId } })).toMatchObject({ method: "MOBILE_BANKING", status: "PENDING" });

    omiseSays(chargeId, { status: "failed", failure_code: "payment_rejected", failure_message: "the payment was rejected by the bank" });
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "failed", order: { status: "PENDING_PAYMENT" } });
    expect(await db().payment.findFirstOrThrow({ where: { orderId: order.id, providerRef: chargeId } })).toMatchObject({ status: "FAILED" });
    expect(await ledgerOf(order.id)).toBe(0);
    expect((await checkLedger()).problems).toEqual([]);
  });

  it("refuses a charge fetched back with another amount or currency: the order is not paid and nothing is booked", async () => {
    const { order, cookie, csrf } = await placeByOmise();
    expect(await pay(order.number, cookie, csrf, { omiseSource: "promptpay" })).toMatchObject({ status: 302 });
    const chargeId = [...charges.keys()].at(-1)!;
    expect((charges.get(chargeId)!.metadata as { order_id: string }).order_id).toBe(order.id);
    for (const forged of [{ amount: order.totalSatang - 100 }, { currency: "USD" }]) {
      omiseSays(chargeId, { status: "successful", paid: true, amount: order.totalSatang, currency: "THB", ...forged });
      expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "notYet", order: { status: "PENDING_PAYMENT" } });
      expect(await db().payment.findFirstOrThrow({ where: { orderId: order.id, providerRef: chargeId } })).toMatchObject({ status: "PENDING" });
      expect(await ledgerOf(order.id)).toBe(0);
    }
    expect((await checkLedger()).problems).toEqual([]);
  });

  it("refuses a bank Omise does not offer here with a 400 in the buyer's words, sending nothing to Omise", async () => {
    const { order, cookie, csrf } = await placeByOmise();
    const before = { sources: sourceBodies.length, charges: chargeBodies.length, payments: await db().payment.findMany({ where: { orderId: order.id } }) };
    for (const omiseSource of ["mobile_banking_xyz", "internet_banking_bbl", "card", ""]) {
      expect(await pay(order.number, cookie, csrf, { omiseSource })).toMatchObject({ status: 400, body: { error: "pay.omise.unknownSource" } });
    }
    expect({ sources: sourceBodies.length, charges: chargeBodies.length, payments: await db().payment.findMany({ where: { orderId: order.id } }) }).toEqual(before);
  });
});
