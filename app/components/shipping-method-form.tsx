/**
 * The form for one shipping method in a group's workspace (add, or edit an existing one): kind,
 * names, fee, fee per extra kilogram, free-over amount and a market booth's schedule. Amounts are
 * typed in baht. Conform checks it with the page's schema before posting when JavaScript is on;
 * the action checks it again either way and its errors come back here (`lastResult`).
 */
import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { useT } from "~/i18n/use-lang";
import { shippingKinds } from "~/modules/shipping/kinds";
import { satangToBaht } from "~/modules/shipping/method-fields";
import type { ShippingKind } from "~/modules/shipping/kinds";
import type { FormReply } from "~/web/intent.server";

export interface MethodValues {
  id: string;
  kind: ShippingKind;
  nameTh: string;
  nameEn: string;
  feeSatang: number;
  perExtraKgSatang: number;
  freeOverSatang: number | null;
  scheduleTh: string | null;
  scheduleEn: string | null;
}

export function methodDefaults(method: MethodValues | null) {
  if (!method) return { kind: "COURIER_KERRY", fee: "" };
  return {
    kind: method.kind,
    nameTh: method.nameTh,
    nameEn: method.nameEn,
    fee: satangToBaht(method.feeSatang),
    perExtraKg: method.perExtraKgSatang > 0 ? satangToBaht(method.perExtraKgSatang) : "",
    freeOver: method.freeOverSatang === null ? "" : satangToBaht(method.freeOverSatang),
    scheduleTh: method.scheduleTh ?? "",
    scheduleEn: method.scheduleEn ?? "",
  };
}

export function ShippingMethodForm({
  formId,
  schema,
  method,
  lastResult,
  submitLabel,
}: {
  formId: string;
  schema: z.ZodType;
  method: MethodValues | null;
  lastResult?: FormReply["result"];
  submitLabel: string;
}) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: methodDefaults(method),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const field = (name: string) => fields[name as keyof typeof fields] as FieldMetadata<string>;
  return (
    <Form method="post" className="stack shipping-form" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value={method ? "update" : "add"} />
      {method ? <input type="hidden" name="methodId" value={method.id} /> : null}
      {form.errors?.length ? (
        <p className="form-error" role="alert">
          {t(form.errors[0])}
        </p>
      ) : null}
      <Labelled field={field("kind")} label={t("shipping.kind")}>
        <select {...getSelectProps(field("kind"), { ariaAttributes: false })} key={field("kind").key} {...invalid(field("kind"))}>
          {shippingKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`shipping.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </Labelled>
      <TextInput field={field("nameTh")} label={t("shipping.nameTh")} hint={t("shipping.nameHint")} />
      <TextInput field={field("nameEn")} label={t("shipping.nameEn")} hint={t("shipping.nameHint")} />
      <TextInput field={field("fee")} label={t("shipping.fee")} inputMode="decimal" />
      <TextInput field={field("perExtraKg")} label={t("shipping.perExtraKg")} hint={t("shipping.perExtraKgHint")} inputMode="decimal" />
      <TextInput field={field("freeOver")} label={t("shipping.freeOver")} hint={t("shipping.freeOverHint")} inputMode="decimal" />
      <TextInput field={field("scheduleTh")} label={t("shipping.scheduleTh")} hint={t("shipping.scheduleHint")} />
      <TextInput field={field("scheduleEn")} label={t("shipping.scheduleEn")} hint={t("shipping.scheduleHint")} />
      <div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

function invalid(field: FieldMetadata<string>, hint?: boolean) {
  const error = field.errors?.length ? field.errorId : null;
  const describedBy = [error, hint ? `${field.id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
}

function Labelled({ field, label, hint, children }: { field: FieldMetadata<string>; label: string; hint?: string; children: React.ReactNode }) {
  const { t } = useT();
  const error = field.errors?.[0];
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={field.errorId} className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function TextInput({ field, label, hint, inputMode }: { field: FieldMetadata<string>; label: string; hint?: string; inputMode?: "decimal" }) {
  return (
    <Labelled field={field} label={label} hint={hint}>
      <input {...getInputProps(field, { type: "text", ariaAttributes: false })} key={field.key} inputMode={inputMode} {...invalid(field, Boolean(hint))} />
    </Labelled>
  );
}
