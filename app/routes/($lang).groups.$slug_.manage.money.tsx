/**
 * The group's money page: every order's money to the satang (what the buyer paid, the platform's
 * fee, the provider's fee, the group's share, refunds), where it stands (kept by the group when
 * paid straight to it, held until a date, paid out), the payouts, the balance, and a CSV download.
 * Any member may read it: the group's books are the group's. With Stripe Connect, the owner also
 * connects the group's own Stripe account here (StripeConnectPanel).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { StripeConnectPanel } from "~/components/stripe-connect-panel";
import { formatDate, formatMoney } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";
import { groupMoney } from "~/modules/payments/group-money.server";
import { isStripeConnectOn, StripeConnectOffError, stripeOnboardingLink, stripePayoutStatus, type StripePayoutStatus } from "~/modules/payments/stripe-onboarding.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { publicOrigin } from "~/web/origin.server";
import { readForm } from "~/web/body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role } = await requireWorkspace(request, params, "MEMBER");
  const connect = isStripeConnectOn() ? { owner: role === "OWNER", status: await payoutStatus(group.id) } : null;
  return { slug: group.slug, money: await groupMoney(group.id, { limit: 200 }), connect };
}

/** What Stripe says of the group's account; "unknown" when Stripe cannot be reached (the page still shows the books). */
async function payoutStatus(groupId: string): Promise<StripePayoutStatus | "unknown"> {
  try {
    return await stripePayoutStatus(groupId);
  } catch (error) {
    console.error(`group ${groupId}: Stripe account not fetched: ${error instanceof Error ? error.message : String(error)}`);
    return "unknown";
  }
}

export const moneyIntents = z.discriminatedUnion("intent", [z.object({ intent: z.literal("connect-stripe") })]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, group, user } = await requireWorkspace(request, params, "OWNER");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = moneyIntents.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: "workspace.stripe.invalid" }, { status: 400 });
  const page = `${publicOrigin(request)}${href(lang, `/groups/${group.slug}/manage/money`)}`;
  try {
    return redirect(await stripeOnboardingLink({ groupId: group.id, actorId: user.id, refreshUrl: `${page}?stripe=refresh`, returnUrl: `${page}?stripe=back` }));
  } catch (error) {
    if (error instanceof StripeConnectOffError) return data({ error: "workspace.stripe.off" }, { status: 409 });
    console.error(`group ${group.slug}: Stripe onboarding: ${error instanceof Error ? error.message : String(error)}`);
    return data({ error: "workspace.stripe.unavailable" }, { status: 503 });
  }
}

export default function WorkspaceMoney() {
  const { slug, money, connect } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const { balance } = money;
  return (
    <div className="stack money-page">
      <h2>{t("workspace.nav.money")}</h2>
      {connect ? <StripeConnectPanel owner={connect.owner} status={connect.status} error={answer && "error" in answer ? answer.error : null} /> : null}
      <dl className="money-balance">
        <div>
          <dt>{t("money.balance.share")}</dt>
          <dd data-testid="money-share">{formatMoney(balance.shareSatang, lang)}</dd>
        </div>
        <div>
          <dt>{t("money.balance.owed")}</dt>
          <dd>{formatMoney(balance.owedToGroupSatang, lang)}</dd>
        </div>
        <div>
          <dt>{t("money.balance.held")}</dt>
          <dd>{formatMoney(balance.heldSatang, lang)}</dd>
        </div>
        <div>
          <dt>{t("money.balance.paidOut")}</dt>
          <dd>{formatMoney(balance.paidOutSatang, lang)}</dd>
        </div>
        <div>
          <dt>{t("money.balance.feesHeld")}</dt>
          <dd>{formatMoney(balance.feesHeldByGroupSatang, lang)}</dd>
        </div>
      </dl>
      <p>
        <a className="button secondary" href={href(lang, `/groups/${slug}/manage/money.csv`)} download>
          {t("money.csvLink")}
        </a>
      </p>
      <h3>{t("money.ordersTitle")}</h3>
      {money.rows.length === 0 ? (
        <p className="empty-state">{t("workspace.moneyEmpty")}</p>
      ) : (
        <ul className="plain-list money-rows">
          {money.rows.map((row) => (
            <li key={row.groupOrderId} className="money-row" data-testid={`money-${row.number}`}>
              <p>
                <a href={href(lang, `/groups/${slug}/manage/orders/${row.groupOrderId}`)}>{row.number}</a> · {formatDate(new Date(row.createdAt), lang)}
              </p>
              <dl className="money-split">
                <div>
                  <dt>{t("money.paid")}</dt>
                  <dd>{formatMoney(row.paidSatang, lang)}</dd>
                </div>
                <div>
                  <dt>{t("money.platformFee")}</dt>
                  <dd>{formatMoney(row.platformFeeSatang, lang)}</dd>
                </div>
                <div>
                  <dt>{t("money.providerFee")}</dt>
                  <dd>{formatMoney(row.providerFeeSatang, lang)}</dd>
                </div>
                <div>
                  <dt>{t("money.share")}</dt>
                  <dd>
                    <strong data-testid={`share-${row.number}`}>{formatMoney(row.shareSatang, lang)}</strong>
                  </dd>
                </div>
                {row.refundedSatang > 0 ? (
                  <div>
                    <dt>{t("money.refunded")}</dt>
                    <dd>{formatMoney(row.refundedSatang, lang)}</dd>
                  </div>
                ) : null}
              </dl>
              <p className="hint" data-testid={`state-${row.number}`}>
                {row.heldUntil ? t("money.heldUntil", { date: formatDate(new Date(row.heldUntil), lang) }) : t(`money.state.${row.state}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("money.payoutsTitle")}</h3>
      {money.payouts.length === 0 ? (
        <p className="hint">{t("money.noPayouts")}</p>
      ) : (
        <ul className="plain-list">
          {money.payouts.map((payout) => (
            <li key={payout.id}>
              {formatDate(new Date(payout.paidAt ?? payout.createdAt), lang)} · {formatMoney(payout.amountSatang, lang)} · {t(`money.payoutStatus.${payout.status}`)}
              {payout.reference ? ` · ${payout.reference}` : ""}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
