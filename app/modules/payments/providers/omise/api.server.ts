/**
 * Omise's REST API, the few calls the store makes: charges (create, retrieve, refund), recipients
 * and transfers (payouts), the balance. Written on fetch rather than the `omise` package, which
 * patches Promise.prototype on import, has no timeout and cannot be given one: a hung call must
 * never hold an order's row or a payout's claim. Every answer is parsed with zod before it is
 * believed; an Omise error object becomes an OmiseError with its code.
 */
import { z } from "zod";
import { config } from "~/config.server";

const API = "https://api.omise.co";
const TIMEOUT_MS = 20_000;

export class OmiseError extends Error {
  readonly name = "OmiseError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`Omise ${status} ${code}: ${message}`);
  }
}

const metadata = z.record(z.string(), z.unknown()).nullish();

export const omiseCharge = z.object({
  object: z.literal("charge"),
  id: z.string().min(1),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(["pending", "successful", "failed", "expired", "reversed"]),
  paid: z.boolean().optional(),
  authorize_uri: z.string().nullish(),
  fee: z.number().int().nullish(),
  fee_vat: z.number().int().nullish(),
  failure_code: z.string().nullish(),
  failure_message: z.string().nullish(),
  refunded_amount: z.number().int().nullish(),
  metadata,
  source: z
    .object({
      type: z.string(),
      scannable_code: z.object({ image: z.object({ download_uri: z.string() }) }).nullish(),
    })
    .nullish(),
});
export type OmiseCharge = z.infer<typeof omiseCharge>;

/** A source (PromptPay, a banking app) as Omise answers its creation; a charge then takes its id. */
export const omiseSource = z.object({
  object: z.literal("source"),
  id: z.string().regex(/^src_(test_)?[0-9a-z]+$/),
  type: z.string(),
  flow: z.string(),
  amount: z.number().int(),
  currency: z.string(),
});

export const omiseRefund = z.object({ object: z.literal("refund"), id: z.string(), amount: z.number().int(), currency: z.string(), status: z.string().nullish(), metadata });
const omiseList = <T extends z.ZodType>(item: T) => z.object({ object: z.literal("list"), data: z.array(item) });

export const omiseRecipient = z.object({
  object: z.literal("recipient"),
  id: z.string(),
  active: z.boolean(),
  verified: z.boolean(),
  failure_code: z.string().nullish(),
});

export const omiseTransfer = z.object({
  object: z.literal("transfer"),
  id: z.string(),
  amount: z.number().int(),
  fee: z.number().int().nullish(),
  fee_vat: z.number().int().nullish(),
  sent: z.boolean(),
  paid: z.boolean(),
  failure_code: z.string().nullish(),
  failure_message: z.string().nullish(),
  metadata,
});

const omiseBalance = z.object({ object: z.literal("balance"), transferable: z.number().int(), currency: z.string() });
const omiseErrorBody = z.object({ object: z.literal("error"), code: z.string(), message: z.string() });

/** A webhook's body. Only its ids are used: what it says of the charge is re-fetched from Omise. */
export const omiseEvent = z.object({
  object: z.literal("event"),
  id: z.string().min(1).max(100),
  key: z.string().min(1).max(100),
  data: z.object({ object: z.string(), id: z.string().min(1).max(100) }),
});

async function call<S extends z.ZodType>(schema: S, method: "GET" | "POST" | "DELETE", path: string, body?: unknown, idempotencyKey?: string): Promise<z.infer<S>> {
  const key = config().OMISE_SECRET_KEY;
  if (!key) throw new OmiseError(0, "not_configured", "OMISE_SECRET_KEY is not set");
  const response = await fetch(`${API}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
      Accept: "application/json",
      ...(body ? { "Content-Type": "application/json" } : {}),
      // Omise documents no idempotency; the header costs nothing and callers also look before they create.
      ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const json: unknown = await response.json().catch(() => null);
  const error = omiseErrorBody.safeParse(json);
  if (error.success) throw new OmiseError(response.status, error.data.code, error.data.message);
  if (!response.ok) throw new OmiseError(response.status, "http_error", `unexpected answer to ${method} ${path}`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new OmiseError(response.status, "unexpected_response", `${method} ${path}: ${parsed.error.issues[0]?.message ?? "bad shape"}`);
  return parsed.data;
}

export const omiseApi = {
  /** Made with the secret key, which Omise allows for PromptPay and mobile-banking sources (no payer data in them). */
  createSource: (input: { type: string; amount: number; currency: "THB" }, idempotencyKey: string) => call(omiseSource, "POST", "/sources", input, idempotencyKey),
  createCharge: (input: { amount: number; currency: "THB"; card?: string; source?: string; return_uri: string; description: string; metadata: Record<string, string>; expires_at?: string }, idempotencyKey: string) =>
    call(omiseCharge, "POST", "/charges", input, idempotencyKey),
  retrieveCharge: (id: string) => call(omiseCharge, "GET", `/charges/${encodeURIComponent(id)}`),
  listRefunds: (chargeId: string) => call(omiseList(omiseRefund), "GET", `/charges/${encodeURIComponent(chargeId)}/refunds?limit=100`),
  createRefund: (chargeId: string, input: { amount: number; metadata: Record<string, string> }, idempotencyKey: string) =>
    call(omiseRefund, "POST", `/charges/${encodeURIComponent(chargeId)}/refunds`, input, idempotencyKey),
  createRecipient: (input: { name: string; type: "individual" | "corporation"; description: string; bank_account: { brand: string; number: string; name: string }; metadata: Record<string, string> }, idempotencyKey: string) =>
    call(omiseRecipient, "POST", "/recipients", input, idempotencyKey),
  retrieveRecipient: (id: string) => call(omiseRecipient, "GET", `/recipients/${encodeURIComponent(id)}`),
  createTransfer: (input: { amount: number; recipient: string; metadata: Record<string, string> }, idempotencyKey: string) =>
    call(omiseTransfer, "POST", "/transfers", input, idempotencyKey),
  retrieveTransfer: (id: string) => call(omiseTransfer, "GET", `/transfers/${encodeURIComponent(id)}`),
  listTransfers: () => call(omiseList(omiseTransfer), "GET", "/transfers?limit=100&order=reverse_chronological"),
  destroyTransfer: (id: string) => call(z.object({ id: z.string(), deleted: z.boolean().optional() }), "DELETE", `/transfers/${encodeURIComponent(id)}`),
  balance: () => call(omiseBalance, "GET", "/balance"),
  /** A PromptPay charge's QR image, fetched with the secret key so the buyer's browser never needs it. */
  async download(uri: string): Promise<{ body: Buffer; contentType: string }> {
    const key = config().OMISE_SECRET_KEY;
    if (!key || !uri.startsWith(`${API}/`)) throw new OmiseError(0, "bad_download", "not an Omise download");
    const response = await fetch(uri, { headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new OmiseError(response.status, "download_failed", uri);
    return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get("Content-Type") ?? "image/svg+xml" };
  },
};

/** Omise's charge fee is quoted before VAT; both leave the charge. */
export function omiseFee(charge: { fee?: number | null; fee_vat?: number | null }): number {
  return (charge.fee ?? 0) + (charge.fee_vat ?? 0);
}

export const isOmiseConfigured = () => Boolean(config().OMISE_PUBLIC_KEY && config().OMISE_SECRET_KEY);
