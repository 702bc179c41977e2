/**
 * The group order page's two forms that ask for something: "shipped" (carrier and tracking
 * number) and the cancel confirmation (a reason). Checked by conform with the action's own
 * schemas before posting when JavaScript runs; plain forms otherwise.
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import type { GroupOrderStatus } from "~/generated/prisma/enums";
import { useT } from "~/i18n/use-lang";
import { CARRIERS, carrierName, type Carrier } from "~/modules/orders/carriers";
import { CANCEL_REASON_MAX, cancelIntent, shipIntent } from "~/web/group-order-intents";

type LastResult = SubmissionResult<string[]> | undefined;

export function ShipForm({ action, from, suggested, lastResult }: { action: string; from: GroupOrderStatus; suggested: Carrier; lastResult: LastResult }) {
  const { t, lang } = useT();
  const [form, fields] = useForm({
    id: "ship",
    lastResult,
    constraint: getZodConstraint(shipIntent),
    defaultValue: { carrier: suggested },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: shipIntent }),
  });
  const carrierError = fields.carrier.errors?.[0];
  const trackingError = fields.trackingNumber.errors?.[0];
  return (
    <Form method="post" action={action} className="stack ship-form" {...getFormProps(form)}>
      <h4>{t("inbox.detail.ship")}</h4>
      <CsrfInput />
      <input type="hidden" name="intent" value="ship" />
      <input type="hidden" name="from" value={from} />
      <div className="field">
        <label htmlFor={fields.carrier.id}>{t("inbox.detail.carrier")}</label>
        <select {...getSelectProps(fields.carrier, { ariaAttributes: false })} key={fields.carrier.key} aria-invalid={carrierError ? true : undefined} aria-describedby={carrierError ? fields.carrier.errorId : undefined}>
          {CARRIERS.map((carrier) => (
            <option key={carrier} value={carrier}>
              {carrierName(carrier, lang)}
            </option>
          ))}
        </select>
        {carrierError ? (
          <p id={fields.carrier.errorId} className="field-error" role="alert">
            {t(carrierError)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={fields.trackingNumber.id}>{t("inbox.detail.trackingNumber")}</label>
        <p id={`${fields.trackingNumber.id}-hint`} className="hint">
          {t("inbox.detail.trackingHint")}
        </p>
        <input
          {...getInputProps(fields.trackingNumber, { type: "text", ariaAttributes: false })}
          key={fields.trackingNumber.key}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={trackingError ? true : undefined}
          aria-describedby={[`${fields.trackingNumber.id}-hint`, trackingError ? fields.trackingNumber.errorId : null].filter(Boolean).join(" ")}
        />
        {trackingError ? (
          <p id={fields.trackingNumber.errorId} className="field-error" role="alert">
            {t(trackingError)}
          </p>
        ) : null}
      </div>
      <p>
        <button type="submit" className="button">
          {t("inbox.detail.shipSubmit")}
        </button>
      </p>
    </Form>
  );
}

export function CancelForm({ action, from, lastResult }: { action: string; from: GroupOrderStatus; lastResult: LastResult }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: "cancel",
    lastResult,
    constraint: getZodConstraint(cancelIntent),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelIntent }),
  });
  const error = fields.reason.errors?.[0];
  return (
    <Form method="post" action={action} className="stack" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name="from" value={from} />
      <div className="field">
        <label htmlFor={fields.reason.id}>{t("inbox.detail.reason")}</label>
        <textarea
          {...getTextareaProps(fields.reason, { ariaAttributes: false })}
          key={fields.reason.key}
          rows={3}
          maxLength={CANCEL_REASON_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? fields.reason.errorId : undefined}
        />
        {error ? (
          <p id={fields.reason.errorId} className="field-error" role="alert">
            {t(error)}
          </p>
        ) : null}
      </div>
      <p>
        <button type="submit" className="button danger">
          {t("inbox.detail.cancelSubmit")}
        </button>
      </p>
    </Form>
  );
}
