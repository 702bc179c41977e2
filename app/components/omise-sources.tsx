/**
 * Paying an Omise order without a card: Omise's PromptPay QR (the charge's own image, with the
 * amount) while that charge waits, and one button per Thai bank's app. Plain forms, so they work
 * without JavaScript; the server makes the source and the charge, then shows the QR here or sends
 * the buyer to the bank's app, which brings them back to this page.
 */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { useT } from "~/i18n/use-lang";

/** The bank apps, as the server's OMISE_SOURCES lists them (kept here so the browser bundle needs no server module). */
const BANK_APPS = ["mobile_banking_kbank", "mobile_banking_scb", "mobile_banking_bay", "mobile_banking_bbl", "mobile_banking_ktb"] as const;

export function OmiseSources({ amount, qr }: { amount: string; qr: string | null }) {
  const { t } = useT();
  return (
    <div className="stack" data-testid="omise-sources">
      {qr ? (
        <figure className="stack">
          <img src={qr} alt={t("pay.omise.qrAlt", { amount })} width={280} height={280} />
          <figcaption>
            <strong>{amount}</strong> · {t("pay.omise.qrHint")}
          </figcaption>
          <a className="button secondary" href={qr} download={qr.startsWith("data:image/png") ? "promptpay.png" : "promptpay.svg"}>
            {t("pay.saveImage")}
          </a>
        </figure>
      ) : null}
      <Form method="post" className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="pay-card" />
        <p className="hint">{t("pay.omise.intro", { amount })}</p>
        {qr ? null : (
          <button type="submit" name="omiseSource" value="promptpay" className="button">
            {t("pay.omise.promptpay", { amount })}
          </button>
        )}
        {BANK_APPS.map((app) => (
          <button key={app} type="submit" name="omiseSource" value={app} className="button secondary">
            {t(`pay.omise.banks.${app}`)}
          </button>
        ))}
      </Form>
    </div>
  );
}
