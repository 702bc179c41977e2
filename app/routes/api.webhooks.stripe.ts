/**
 * `POST /api/webhooks/stripe`: Stripe's events, believed only with a valid Stripe-Signature
 * (providers/stripe.server.ts). A bad or missing signature is a 400 and changes nothing; a session
 * we never made, or an amount or currency that is not its payment's, a 422 (logged).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { WebhookRejectedError } from "~/modules/payments/providers/omise/webhook.server";
import { handleStripeWebhook } from "~/modules/payments/providers/stripe.server";
import { PaymentMismatchError, UnknownPaymentError } from "~/modules/payments/settlement.server";

const MAX_BODY = 256 * 1024;

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const body = await request.text();
  if (body.length > MAX_BODY) return new Response("Too large", { status: 413 });
  try {
    const result = await handleStripeWebhook(body, request.headers.get("Stripe-Signature"));
    return Response.json({ ok: true, result: result.kind });
  } catch (error) {
    if (error instanceof WebhookRejectedError) return new Response(error.message, { status: 400 });
    if (error instanceof UnknownPaymentError || error instanceof PaymentMismatchError) {
      console.error(`stripe webhook refused: ${error.message}`);
      return new Response("Refused", { status: 422 });
    }
    throw error;
  }
}

export function loader() {
  return new Response("Method not allowed", { status: 405 });
}
