/**
 * A group's own Stripe account under Connect (STRIPE_CONNECT=true): the Express account made for
 * it the first time its owner asks (country STRIPE_CONNECT_COUNTRY), kept on the group, and the
 * one-use Account Link that sends the owner through Stripe's onboarding and back to the money
 * page. Whether payouts are enabled is always asked of Stripe, never stored: Stripe alone decides.
 */
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { stripe } from "./providers/stripe.server";

export class StripeConnectOffError extends Error {
  readonly name = "StripeConnectOffError";
}

export const isStripeConnectOn = () => Boolean(config().STRIPE_CONNECT && config().STRIPE_SECRET_KEY);

/**
 * The group's connected account, made now if it has none, and the Account Link to onboard it.
 * The create call's idempotency key is the group's, so two owners pressing at once make one
 * account; the id is written only if the group still has none.
 */
export async function stripeOnboardingLink(input: { groupId: string; actorId: string; refreshUrl: string; returnUrl: string }, client: Client = db()): Promise<string> {
  if (!isStripeConnectOn()) throw new StripeConnectOffError("Stripe Connect is not enabled");
  const group = await db().occupationGroup.findUniqueOrThrow({ where: { id: input.groupId }, select: { id: true, stripeAccountId: true } });
  let accountId = group.stripeAccountId;
  if (!accountId) {
    const account = await stripe().accounts.create(
      {
        type: "express",
        country: config().STRIPE_CONNECT_COUNTRY,
        capabilities: { transfers: { requested: true } },
        metadata: { group_id: group.id },
      },
      { idempotencyKey: `connect-account:${group.id}` },
    );
    accountId = await inTransaction(client, async (tx) => {
      const claimed = await tx.occupationGroup.updateMany({ where: { id: group.id, stripeAccountId: null }, data: { stripeAccountId: account.id } });
      if (claimed.count === 0) return (await tx.occupationGroup.findUniqueOrThrow({ where: { id: group.id }, select: { stripeAccountId: true } })).stripeAccountId ?? account.id;
      await recordAudit(tx, { actorId: input.actorId, groupId: group.id, action: "group.stripe.connect", subjectType: "OccupationGroup", subjectId: group.id, before: { stripeAccountId: null }, after: { stripeAccountId: account.id } });
      return account.id;
    });
  } else {
    await recordAudit(client, { actorId: input.actorId, groupId: group.id, action: "group.stripe.onboarding", subjectType: "OccupationGroup", subjectId: group.id, after: { stripeAccountId: accountId } });
  }
  const link = await stripe().accountLinks.create({ account: accountId, type: "account_onboarding", refresh_url: input.refreshUrl, return_url: input.returnUrl });
  return link.url;
}

export type StripePayoutStatus = { accountId: string; payoutsEnabled: boolean; detailsSubmitted: boolean } | null;

/** Whether Stripe lets the group's connected account take payouts now; null without an account or Connect. */
export async function stripePayoutStatus(groupId: string): Promise<StripePayoutStatus> {
  if (!isStripeConnectOn()) return null;
  const group = await db().occupationGroup.findUnique({ where: { id: groupId }, select: { stripeAccountId: true } });
  if (!group?.stripeAccountId) return null;
  const account = await stripe().accounts.retrieve(group.stripeAccountId);
  return { accountId: account.id, payoutsEnabled: account.payouts_enabled === true, detailsSubmitted: account.details_submitted === true };
}
