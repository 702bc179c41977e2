/**
 * The buyer's card payment box on the order page, for an order paid through Stripe's hosted
 * Checkout: what Stripe said when the page fetched the session back, and a button (a plain form,
 * no JavaScript) that sends the buyer to Stripe's page.
 */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { formatMoney } from "~/i18n/format";
import { useT } from "~/i18n/use-lang";

export type CardState = "paid" | "notYet" | "expired" | "unavailable" | null;

export function CardPayment({ amountSatang, state, open }: { amountSatang: number; state: CardState; open: boolean }) {
  const { t, lang } = useT();
  const amount = formatMoney(amountSatang, lang);
  return (
    <section className="panel" aria-labelledby="card-title">
      <h2 id="card-title">{t("pay.card.title")}</h2>
      {state ? (
        <p className={state === "paid" ? "notice notice-box" : "form-error"} role={state === "paid" ? "status" : "alert"}>
          {t(`pay.card.${state}`)}
        </p>
      ) : null}
      {open ? (
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="pay-card" />
          <p className="hint">{t("pay.card.intro", { amount })}</p>
          <p>
            <button type="submit" className="button">
              {t("pay.card.button", { amount })}
            </button>
          </p>
        </Form>
      ) : null}
    </section>
  );
}
