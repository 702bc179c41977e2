/**
 * Pieces the staff console's pages share: their title tag, the answer an action gives about one
 * form (a notice, or a refusal in the reader's language), and how that answer is shown.
 */
import type { SubmissionResult } from "@conform-to/react";
import type { MetaFunction } from "@remix-run/node";
import { translator } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";

/** What a console action answers: which form, and either conform's field errors, a refusal (a dictionary key) or a notice. */
export type ConsoleAnswer = {
  formId: string;
  result?: SubmissionResult<string[]>;
  error?: string;
  notice?: string;
  /** Values for the message's placeholders. */
  values?: Record<string, string | number>;
};

/** The page title "<section> · staff console", never indexed. */
export function consoleMeta(section: string): MetaFunction {
  return ({ location }) => {
    const t = translator(langOfPath(location.pathname));
    return [{ title: `${t(`console.nav.${section}`)} · ${t("console.title")}` }, { name: "robots", content: "noindex" }];
  };
}

/** The answer's refusal (role=alert) or notice (role=status) when it is about form `formId` (or any form, without one). */
export function AnswerMessage({ answer, formId }: { answer: ConsoleAnswer | undefined | null; formId?: string }) {
  const { t } = useT();
  if (!answer || (formId !== undefined && answer.formId !== formId)) return null;
  if (answer.error) {
    return (
      <p className="form-error" role="alert">
        {t(answer.error, answer.values ?? {})}
      </p>
    );
  }
  if (answer.notice) {
    return (
      <p className="notice" role="status">
        {t(answer.notice, answer.values ?? {})}
      </p>
    );
  }
  return null;
}

/** A field error from conform's reply, translated. */
export function fieldError(answer: ConsoleAnswer | undefined | null, formId: string, field: string): string | undefined {
  if (!answer || answer.formId !== formId) return undefined;
  return answer.result?.error?.[field]?.[0];
}
