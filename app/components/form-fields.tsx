/**
 * Fields for intent forms (conform + zod): a labelled input, textarea or select with its hint
 * and its error, translated from the dictionary key the schema gave. The schema is checked in
 * the browser before posting when JavaScript runs, and by the action in every case; without
 * JavaScript the browser's own checks (required, min, max) come from the same schema.
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { InputHTMLAttributes, ReactNode } from "react";
import type { z } from "zod";
import { useT } from "~/i18n/use-lang";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>;

/** What an action answers about one form; `formId` tells the page which form it was. */
export type FormAnswer = { formId: string; result: SubmissionResult<string[]> };

/** The action's answer for this form, if the last post was this form's. */
export function lastResultFor(answer: unknown, formId: string): SubmissionResult<string[]> | undefined {
  const reply = answer as Partial<FormAnswer> | undefined;
  return reply && reply.formId === formId ? reply.result : undefined;
}

/** A conform form checked by `schema` (one intent's schema). */
export function useIntentForm(
  id: string,
  schema: z.ZodType<Record<string, unknown>>,
  options: { lastResult?: SubmissionResult<string[]>; defaultValue?: Record<string, unknown> } = {},
) {
  const [form, fields] = useForm({
    id,
    lastResult: options.lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: options.defaultValue as never,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { form, fields: fields as Record<string, any>, formProps: getFormProps(form) };
}

function describedBy(meta: Meta, hint: boolean) {
  return [meta.errors?.length ? meta.errorId : null, hint ? `${meta.id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell({ meta, label, hint, children }: { meta: Meta; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  const { t } = useT();
  const error = meta.errors?.[0];
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={`${meta.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={meta.errorId} className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  ...rest
}: { meta: Meta; label: ReactNode; hint?: ReactNode; type?: "text" | "email" | "tel" | "number" | "url" } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <input
        {...getInputProps(meta, { type, ariaAttributes: false })}
        key={meta.key}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, Boolean(hint))}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextAreaField({ meta, label, hint, rows = 5 }: { meta: Meta; label: ReactNode; hint?: ReactNode; rows?: number }) {
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <textarea
        {...getTextareaProps(meta, { ariaAttributes: false })}
        key={meta.key}
        rows={rows}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, Boolean(hint))}
      />
    </FieldShell>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  placeholder,
  onChange,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <select
        {...getSelectProps(meta, { ariaAttributes: false })}
        key={meta.key}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, Boolean(hint))}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Errors that belong to the whole form (a domain rule that names no single field). */
export function FormErrors({ errors }: { errors?: string[] }) {
  const { t } = useT();
  if (!errors?.length) return null;
  return (
    <p className="form-error" role="alert">
      {t(errors[0])}
    </p>
  );
}
