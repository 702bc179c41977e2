/**
 * `POST /api/webhooks/omise`: Omise's event notifications. No cookie, so no CSRF token: nothing
 * in the body is trusted beyond its ids, since the charge is fetched back from Omise before
 * anything changes (providers/omise/webhook.server.ts). A malformed body is a 400; a charge we
 * never made, or one whose amount or currency is not its payment's, a 422 (logged, nothing
 * changed; Omise retries, and a person can look).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleOmiseWebhook, WebhookRejectedError } from "~/modules/payments/providers/omise/webhook.server";
import { PaymentMismatchError, UnknownPaymentError } from "~/modules/payments/settlement.server";

const MAX_BODY = 64 * 1024;

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const text = await request.text();
  if (text.length > MAX_BODY) return new Response("Too large", { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response("Not JSON", { status: 400 });
  }
  try {
    const result = await handleOmiseWebhook(body);
    return Response.json({ ok: true, result: result.kind });
  } catch (error) {
    if (error instanceof WebhookRejectedError) return new Response(error.message, { status: 400 });
    if (error instanceof UnknownPaymentError || error instanceof PaymentMismatchError) {
      console.error(`omise webhook refused: ${error.message}`);
      return new Response("Refused", { status: 422 });
    }
    throw error;
  }
}

export function loader() {
  return new Response("Method not allowed", { status: 405 });
}
