/** Form pieces: the CSRF field every mutation posts, and a labelled field with its error. */
import { useMatches } from "@remix-run/react";
import { useId, type InputHTMLAttributes } from "react";
import { useT } from "~/i18n/use-lang";

/** The CSRF token from the deepest route that provides one (the page's own loader, or the root for signed-in users). */
export function useCsrfToken(): string {
  for (const match of [...useMatches()].reverse()) {
    const token = (match.data as { csrf?: unknown } | undefined)?.csrf;
    if (typeof token === "string" && token !== "") return token;
  }
  return "";
}

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useCsrfToken()} />;
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
