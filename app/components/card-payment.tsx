/**
 * The buyer's card payment box on the order page: what the provider said when the page fetched
 * the payment back, and the way to pay. Stripe: a plain form (no JavaScript) to Stripe's hosted
 * page. Omise: card fields with no `name`, so the browser never posts them here; Omise.js turns
 * them into a one-use token on submit and only the token is posted (without JavaScript the
 * server answers that the card needs it). Omise also takes PromptPay and the banks' apps
 * (OmiseSources), offered first: most Thai buyers pay that way.
 */
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { CsrfInput } from "~/components/forms";
import { OmiseSources } from "~/components/omise-sources";
import { formatMoney } from "~/i18n/format";
import { useT } from "~/i18n/use-lang";

export type CardState = "paid" | "notYet" | "failed" | "unavailable" | null;

type OmiseJs = {
  setPublicKey(key: string): void;
  createToken(kind: "card", card: Record<string, string>, done: (status: number, response: { id?: string; message?: string }) => void): void;
};

const OMISE_JS = "https://cdn.omise.co/omise.js";

/** `promptPay`: Stripe's page offers PromptPay beside card (STRIPE_PROMPTPAY). */
export function CardPayment({ amountSatang, state, open, omiseKey, omiseQr = null, promptPay = false }: { amountSatang: number; state: CardState; open: boolean; omiseKey: string | null; omiseQr?: string | null; promptPay?: boolean }) {
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
      {open && omiseKey ? <OmiseSources amount={amount} qr={omiseQr} /> : null}
      {open && omiseKey ? <OmiseCardForm publicKey={omiseKey} amount={amount} /> : null}
      {open && !omiseKey ? (
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="pay-card" />
          <p className="hint">{t(promptPay ? "pay.card.introPromptPay" : "pay.card.intro", { amount })}</p>
          <p>
            <button type="submit" className="button">
              {t(promptPay ? "pay.card.buttonPromptPay" : "pay.card.button", { amount })}
            </button>
          </p>
        </Form>
      ) : null}
    </section>
  );
}

function OmiseCardForm({ publicKey, amount }: { publicKey: string; amount: string }) {
  const { t } = useT();
  const token = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    if (document.querySelector(`script[src="${OMISE_JS}"]`)) return;
    const script = document.createElement("script");
    script.src = OMISE_JS;
    script.async = true;
    document.head.appendChild(script);
  }, []);

  function tokenize(event: FormEvent<HTMLFormElement>) {
    const omise = (window as unknown as { Omise?: OmiseJs }).Omise;
    // Without Omise.js the form posts no token and the server says why.
    if (!omise || token.current?.value) return;
    event.preventDefault();
    const form = event.currentTarget;
    const field = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    omise.setPublicKey(publicKey);
    omise.createToken(
      "card",
      { name: field("card-name"), number: field("card-number").replace(/\s+/g, ""), expiration_month: field("card-month"), expiration_year: field("card-year"), security_code: field("card-cvc") },
      (status, response) => {
        if (status !== 200 || !response.id) return setRefused(t("pay.card.refused", { message: response.message ?? String(status) }));
        token.current!.value = response.id;
        form.submit();
      },
    );
  }

  return (
    <Form method="post" className="stack" onSubmit={tokenize}>
      <CsrfInput />
      <input type="hidden" name="intent" value="pay-card" />
      <input type="hidden" name="omiseToken" ref={token} />
      <p className="hint">{t("pay.card.omiseIntro")}</p>
      {refused ? (
        <p className="form-error" role="alert">
          {refused}
        </p>
      ) : null}
      {/* No name attributes: these never leave the browser except to Omise. */}
      <label htmlFor="card-name">{t("pay.card.name")}</label>
      <input id="card-name" autoComplete="cc-name" required />
      <label htmlFor="card-number">{t("pay.card.number")}</label>
      <input id="card-number" autoComplete="cc-number" inputMode="numeric" required />
      <label htmlFor="card-month">{t("pay.card.expiryMonth")}</label>
      <input id="card-month" autoComplete="cc-exp-month" inputMode="numeric" maxLength={2} required />
      <label htmlFor="card-year">{t("pay.card.expiryYear")}</label>
      <input id="card-year" autoComplete="cc-exp-year" inputMode="numeric" maxLength={4} required />
      <label htmlFor="card-cvc">{t("pay.card.securityCode")}</label>
      <input id="card-cvc" autoComplete="cc-csc" inputMode="numeric" maxLength={4} required />
      <p>
        <button type="submit" className="button">
          {t("pay.card.button", { amount })}
        </button>
      </p>
    </Form>
  );
}
