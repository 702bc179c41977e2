/**
 * Omise: the platform collects a basket's whole payment (a card through an Omise.js token, so
 * card numbers never reach this server; PromptPay or a mobile-banking app through a source), and
 * pays each group later from its Omise balance through a transfer to the group's Omise recipient.
 * Nothing Omise sends is believed until the charge is fetched back from Omise: the 3-D Secure
 * return, the webhook and the pay page all end in `refreshOmiseCharge`.
 */
import { db } from "~/db/client.server";
import { inTransaction } from "~/db/transaction.server";
import type { PaymentMethod } from "~/generated/prisma/enums";
import type { PaymentPort, PayoutGroup, PayoutRail } from "../../port";
import { openPlatformPayment, settlePlatformPayment, type ChargeState, type SettleOutcome } from "../../settlement.server";
import { OmiseError, omiseApi, omiseFee, type OmiseCharge } from "./api.server";

/** The mobile-banking apps Omise opens in Thailand (source types), in the order the pay page lists them. */
export const omiseBankApps = ["mobile_banking_kbank", "mobile_banking_scb", "mobile_banking_bay", "mobile_banking_bbl", "mobile_banking_ktb"] as const;
export type OmisePayMethod = "card" | "promptpay" | (typeof omiseBankApps)[number];

/** Omise's minimum: a transfer needs more than 30 baht; less stays held until more is released. */
export const OMISE_MIN_TRANSFER_SATANG = 3_001;

export const omise: PaymentPort = {
  provider: "OMISE",
  paysUpFront: true,
  collectedBy: "platform",
  // The platform pays each group out later, so each must have payout details staff verified.
  offeredFor: (groups) => groups.length > 0 && groups.every((group) => group.payoutVerifiedAt !== null),
  async start(tx, order, { expiresAt }) {
    await tx.payment.create({
      data: { orderId: order.id, provider: "OMISE", method: "CARD", amountSatang: order.totalSatang, expiresAt, idempotencyKey: `omise:${order.id}:1` },
    });
  },
  async nextStep(order) {
    return { kind: "page", path: `/orders/${order.number}/pay` };
  },
  async refund({ payment, refund }) {
    if (!payment.providerRef) return { status: "FAILED", providerRef: null, failureReason: "no Omise charge" };
    // Omise keeps no idempotency key: look for a refund this one already made before making it.
    const made = (await omiseApi.listRefunds(payment.providerRef)).data.find((item) => item.metadata?.refund_id === refund.id);
    const answer = made ?? (await omiseApi.createRefund(payment.providerRef, { amount: refund.amountSatang, metadata: { refund_id: refund.id } }, refund.idempotencyKey));
    if (answer.amount !== refund.amountSatang) return { status: "FAILED", providerRef: answer.id, failureReason: `Omise refunded ${answer.amount}` };
    // Omise answers a refund "pending" until the card network takes it, then "closed"; a refund
    // it could not make is "failed" (or "reversed"). Older answers carry no status: made.
    if (answer.status === "pending") return { status: "PENDING", providerRef: answer.id };
    return { status: answer.status === "failed" || answer.status === "reversed" ? "FAILED" : "SUCCEEDED", providerRef: answer.id };
  },
};

/** A charge as our settlement understands it. */
export function chargeState(charge: OmiseCharge): ChargeState {
  const status = charge.status === "successful" ? "succeeded" : charge.status === "pending" ? "pending" : charge.status === "reversed" ? "failed" : charge.status;
  return { status, amountSatang: charge.amount, currency: charge.currency, feeSatang: omiseFee(charge), failureReason: charge.failure_message ?? charge.failure_code };
}

/** Re-fetches a payment's charge from Omise and applies what Omise says. */
export async function refreshOmiseCharge(paymentId: string): Promise<{ outcome: SettleOutcome; charge: OmiseCharge } | null> {
  const payment = await db().payment.findUnique({ where: { id: paymentId }, select: { id: true, provider: true, providerRef: true } });
  if (!payment || payment.provider !== "OMISE" || !payment.providerRef) return null;
  const charge = await omiseApi.retrieveCharge(payment.providerRef);
  return { outcome: await settlePlatformPayment({ provider: "OMISE", paymentId: payment.id, state: chargeState(charge) }), charge };
}

export class OrderNotPayableError extends Error {
  readonly name = "OrderNotPayableError";
}

export type OmisePayResult =
  | { kind: "redirect"; url: string }
  | { kind: "done"; outcome: SettleOutcome }
  | { kind: "promptpay"; paymentId: string }
  | { kind: "pending" };

const methodOf = (method: OmisePayMethod): PaymentMethod => (method === "card" ? "CARD" : method === "promptpay" ? "PROMPTPAY" : "MOBILE_BANKING");

/**
 * The buyer pays an order: a card token from Omise.js, or a PromptPay or mobile-banking source.
 * One charge at a time: while the current attempt's charge is still open at Omise, it is
 * continued (its 3-D Secure page, its QR) rather than a second one made; a failed or expired one
 * makes room for a new attempt.
 */
export async function payWithOmise(input: { orderId: string; method: OmisePayMethod; token?: string; returnUri: (paymentId: string) => string }): Promise<OmisePayResult> {
  let payment = await openPlatformPayment(input.orderId);
  if (payment?.providerRef) {
    const refreshed = await refreshOmiseCharge(payment.id);
    if (refreshed?.charge.status === "pending") {
      if (refreshed.charge.authorize_uri && payment.method !== "PROMPTPAY") return { kind: "redirect", url: refreshed.charge.authorize_uri };
      return payment.method === "PROMPTPAY" ? { kind: "promptpay", paymentId: payment.id } : { kind: "pending" };
    }
    if (refreshed?.outcome === "succeeded") return { kind: "done", outcome: "succeeded" };
    payment = null;
  }
  if (!payment) payment = await newAttempt(input.orderId);
  if (input.method === "card" && !input.token) throw new OrderNotPayableError("A card payment needs an Omise token");
  // PromptPay and the banking apps: the source is made here with the secret key (it holds no
  // payer data, so Omise.js is not needed), for this attempt's exact amount, then charged.
  const source = input.method === "card" ? null : await omiseApi.createSource({ type: input.method, amount: payment.amountSatang, currency: "THB" }, `source:${payment.id}`);
  if (source && (source.amount !== payment.amountSatang || source.currency.toUpperCase() !== "THB" || source.type !== input.method)) {
    throw new OmiseError(200, "unexpected_source", `Omise made source ${source.id} for ${source.amount} ${source.currency} ${source.type}`);
  }
  const charge = await omiseApi.createCharge(
    {
      amount: payment.amountSatang,
      currency: "THB",
      ...(source ? { source: source.id } : { card: input.token }),
      return_uri: input.returnUri(payment.id),
      description: `Sammachip order ${payment.orderId}`,
      metadata: { order_id: payment.orderId, payment_id: payment.id },
    },
    `charge:${payment.id}`,
  );
  await db().payment.update({ where: { id: payment.id }, data: { providerRef: charge.id, method: methodOf(input.method), redirectUrl: charge.authorize_uri ?? null } });
  const state = chargeState(charge);
  if (state.status !== "pending") return { kind: "done", outcome: await settlePlatformPayment({ provider: "OMISE", paymentId: payment.id, state }) };
  if (charge.authorize_uri && input.method !== "promptpay") return { kind: "redirect", url: charge.authorize_uri };
  return input.method === "promptpay" ? { kind: "promptpay", paymentId: payment.id } : { kind: "pending" };
}

/** A fresh attempt for an order still waiting for its money, after the last one failed at Omise. */
async function newAttempt(orderId: string) {
  return inTransaction(db(), async (tx) => {
    const [order] = await tx.$queryRaw<{ id: string; status: string; totalSatang: number; expiresAt: Date | null }[]>`
      SELECT id, status, "totalSatang", "expiresAt" FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    if (!order || order.status !== "PENDING_PAYMENT") throw new OrderNotPayableError("The order is not waiting for payment");
    const open = await openPlatformPayment(orderId, tx);
    if (open) return open;
    const attempts = await tx.payment.count({ where: { orderId } });
    return tx.payment.create({
      data: { orderId, provider: "OMISE", method: "CARD", amountSatang: order.totalSatang, expiresAt: order.expiresAt, idempotencyKey: `omise:${orderId}:${attempts + 1}` },
    });
  });
}

/** The QR image of a PromptPay charge still waiting, fetched from Omise for the buyer's page. */
export async function omisePromptPayImage(paymentId: string) {
  const payment = await db().payment.findUnique({ where: { id: paymentId }, select: { provider: true, providerRef: true, status: true } });
  if (!payment || payment.provider !== "OMISE" || !payment.providerRef || payment.status !== "PENDING") return null;
  const charge = await omiseApi.retrieveCharge(payment.providerRef);
  const uri = charge.source?.scannable_code?.image.download_uri;
  return uri ? omiseApi.download(uri) : null;
}

/** Omise's names for Thai banks, from the Bank of Thailand codes groups give. */
const omiseBrands: Record<string, string> = {
  "002": "bbl",
  "004": "kbank",
  "006": "ktb",
  "011": "ttb",
  "014": "scb",
  "022": "cimb",
  "024": "uob",
  "025": "bay",
  "030": "gsb",
  "033": "ghb",
  "034": "baac",
  "066": "ibank",
  "069": "kk",
  "073": "lhb",
};

/**
 * The group's Omise recipient, created from its verified bank account the first time it is
 * needed. Omise checks a new recipient itself (up to two business days); until it is active and
 * verified no transfer is made.
 */
async function ensureRecipient(group: PayoutGroup): Promise<string | null> {
  if (group.omiseRecipientId) return group.omiseRecipientId;
  const brand = group.payoutBankCode ? omiseBrands[group.payoutBankCode] : undefined;
  if (!brand || !group.payoutAccountNo || !group.payoutAccountName) return null;
  const recipient = await omiseApi.createRecipient(
    {
      name: group.payoutAccountName,
      type: "corporation",
      description: group.nameTh,
      bank_account: { brand, number: group.payoutAccountNo, name: group.payoutAccountName },
      metadata: { group_id: group.id },
    },
    `recipient:${group.id}`,
  );
  await db().occupationGroup.update({ where: { id: group.id }, data: { omiseRecipientId: recipient.id } });
  return recipient.id;
}

export const omiseTransfers: PayoutRail = {
  method: "OMISE_TRANSFER",
  automatic: true,
  minimumSatang: OMISE_MIN_TRANSFER_SATANG,
  async notReady(group) {
    if (!group.payoutVerifiedAt) return "notVerified";
    const recipientId = await ensureRecipient(group);
    if (!recipientId) return "noBankAccount";
    const recipient = await omiseApi.retrieveRecipient(recipientId);
    if (!recipient.active) return "recipientInactive";
    if (!recipient.verified) return "recipientNotVerified";
    return null;
  },
  async send(payout, group) {
    const recipient = group.omiseRecipientId;
    if (!recipient) throw new Error("The group has no Omise recipient");
    // Omise keeps no idempotency key: a retried payout first looks for the transfer it made — one
    // that failed (and was reversed in our ledger) does not count, the retry makes a new one.
    const made = (await omiseApi.listTransfers()).data.find((transfer) => transfer.metadata?.payout_id === payout.id && !transfer.failure_code);
    const transfer = made ?? (await omiseApi.createTransfer({ amount: payout.amountSatang, recipient, metadata: { payout_id: payout.id } }, payout.idempotencyKey));
    if (transfer.amount !== payout.amountSatang) throw new Error(`Omise transfer ${transfer.id} is for ${transfer.amount}, not ${payout.amountSatang}`);
    if (transfer.failure_code) throw new Error(`Omise refused the transfer: ${transfer.failure_message ?? transfer.failure_code}`);
    return { reference: transfer.id, feeSatang: omiseFee(transfer), paid: transfer.paid };
  },
  async undo(reference) {
    await omiseApi.destroyTransfer(reference);
  },
  async check(reference) {
    const transfer = await omiseApi.retrieveTransfer(reference);
    return { paid: transfer.paid, failure: transfer.failure_code ? (transfer.failure_message ?? transfer.failure_code) : null };
  },
};
