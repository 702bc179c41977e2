/** Form pieces: the CSRF field every mutation posts, and a labelled field with its error. */
import { useRouteLoaderData } from "@remix-run/react";
import { useId, type InputHTMLAttributes } from "react";
import type { RootData } from "~/root";
import { useT } from "~/i18n/use-lang";

export function CsrfInput() {
  const root = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="csrf" value={root?.csrf ?? ""} />;
}

export function Field({
  label,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string }) {
  const { t } = useT();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
