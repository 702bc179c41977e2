/**
 * The group's own Stripe account on its money page (Stripe Connect): whether Stripe lets it take
 * payouts now, as Stripe answered when the page loaded, and for the owner the button that makes
 * the account (the first time) and opens Stripe's onboarding, which comes back to this page.
 */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { useT } from "~/i18n/use-lang";

type Status = { accountId: string; payoutsEnabled: boolean; detailsSubmitted: boolean } | "unknown" | null;

export function StripeConnectPanel({ owner, status, error }: { owner: boolean; status: Status; error: string | null }) {
  const { t } = useT();
  const state = status === null ? "none" : status === "unknown" ? "unknown" : status.payoutsEnabled ? "enabled" : status.detailsSubmitted ? "pending" : "incomplete";
  return (
    <section className="panel stack" aria-labelledby="stripe-connect-title" data-testid="stripe-connect">
      <h3 id="stripe-connect-title">{t("workspace.stripe.title")}</h3>
      <p data-testid="stripe-payouts">{t(`workspace.stripe.state.${state}`)}</p>
      {error ? (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {owner && state !== "enabled" ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="connect-stripe" className="button">
            {t(state === "none" ? "workspace.stripe.connect" : "workspace.stripe.continue")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
