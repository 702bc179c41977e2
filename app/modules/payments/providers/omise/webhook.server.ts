/**
 * Omise's webhook. Its body is believed for nothing but ids: the event is kept by its id (so a
 * redelivery is recognised and applied once), and the charge it names is fetched back from Omise
 * and applied through settlement, which checks amount and currency against our payment. Events
 * for other objects are kept and ignored; a charge we never made is refused and changes nothing.
 */
import { db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { UnknownPaymentError, type SettleOutcome } from "../../settlement.server";
import { omiseEvent } from "./api.server";
import { refreshOmiseCharge } from "./omise.server";

export class WebhookRejectedError extends Error {
  readonly name = "WebhookRejectedError";
}

export type WebhookResult = { kind: "applied"; outcome: SettleOutcome } | { kind: "duplicate" } | { kind: "ignored" };

export async function handleOmiseWebhook(body: unknown): Promise<WebhookResult> {
  const parsed = omiseEvent.safeParse(body);
  if (!parsed.success) throw new WebhookRejectedError("Not an Omise event");
  const event = parsed.data;
  const seen = await db().webhookEvent.findUnique({ where: { provider_eventId: { provider: "OMISE", eventId: event.id } }, select: { processedAt: true } });
  if (seen?.processedAt) return { kind: "duplicate" };
  if (event.data.object !== "charge") {
    await remember(event.id, event.key, body, true);
    return { kind: "ignored" };
  }
  const payment = await db().payment.findFirst({ where: { provider: "OMISE", providerRef: event.data.id }, select: { id: true } });
  if (!payment) throw new UnknownPaymentError(`No payment for Omise charge ${event.data.id}`);
  const refreshed = await refreshOmiseCharge(payment.id);
  if (!refreshed) throw new UnknownPaymentError(`No payment for Omise charge ${event.data.id}`);
  await remember(event.id, event.key, body, true);
  return { kind: "applied", outcome: refreshed.outcome };
}

async function remember(eventId: string, type: string, payload: unknown, processed: boolean) {
  try {
    await db().webhookEvent.upsert({
      where: { provider_eventId: { provider: "OMISE", eventId } },
      create: { provider: "OMISE", eventId, type, payload: payload as Prisma.InputJsonValue, processedAt: processed ? new Date() : null },
      update: { processedAt: processed ? new Date() : null },
    });
  } catch (error) {
    // Two deliveries at once: the other one kept it.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
}
