/** The error page in the reader's language: 404, 401 (sign in), 403, another refused request (400, 413 …), or a plain 500. */
import { Link } from "@remix-run/react";
import { href } from "~/i18n/i18n";
import type { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";

/** The error page's heading and text for a status; the heading is also the document's title. */
export function errorWords(status: number, t: ReturnType<typeof translator>): [title: string, text: string] {
  return status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundText")]
      : status === 401 || status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenText")]
        : status >= 400 && status < 500
          ? [t("errors.badRequestTitle"), t("errors.badRequestText")]
          : [t("errors.serverTitle"), t("errors.serverText")];
}

export function ErrorPage({ status }: { status: number }) {
  const { t, lang } = useT();
  const [title, text] = errorWords(status, t);
  return (
    <section className="page narrow error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <p className="actions">
        {status === 401 ? (
          <Link className="button" to={href(lang, "/signin")}>
            {t("nav.signIn")}
          </Link>
        ) : null}
        <Link className="button secondary" to={href(lang, "/")}>
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
