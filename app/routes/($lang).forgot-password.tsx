/**
 * "Forgot your password?": asks for an email and answers the same whether or not it has an
 * account (app/modules/accounts/password-reset.server.ts mails a link only when it does). Asking
 * too often for one address, or from one client, is a 429 with the wait.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { CsrfInput, Field } from "~/components/forms";
import { formatWait } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { TooManyResetRequestsError } from "~/modules/accounts/errors";
import { RESET_MINUTES, requestPasswordReset } from "~/modules/accounts/password-reset.server";
import { forgotPasswordSchema } from "~/modules/accounts/schemas";
import { readForm } from "~/web/body.server";
import { csrfForForm, requireCsrf } from "~/web/csrf.server";
import { parseForm } from "~/web/forms.server";
import { requireLang } from "~/web/lang.server";

type Answer = { sentTo: string | null; minutes?: number; fieldErrors: Record<string, string>; values: Record<string, string>; waitSeconds: number | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const { csrf, headers } = await csrfForForm(request);
  return data({ csrf }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseForm(forgotPasswordSchema, form);
  if (!parsed.ok) return data<Answer>({ sentTo: null, fieldErrors: parsed.fieldErrors, values: parsed.values, waitSeconds: null }, { status: 400 });
  const { email } = parsed.data;
  try {
    await requestPasswordReset({ email, lang, clientAddress: context.clientAddress ?? "unknown" });
  } catch (error) {
    if (error instanceof TooManyResetRequestsError) {
      return data<Answer>(
        { sentTo: null, fieldErrors: {}, values: { email }, waitSeconds: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
  return data<Answer>({ sentTo: email, minutes: RESET_MINUTES, fieldErrors: {}, values: {}, waitSeconds: null });
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("reset.forgotTitle")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function ForgotPassword() {
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="page narrow stack" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("reset.forgotTitle")}</h1>
      {answer?.sentTo ? (
        <p className="notice long-words" role="status">
          {t("reset.sent", { email: answer.sentTo, minutes: answer.minutes })}
        </p>
      ) : (
        <>
          <p>{t("reset.forgotText")}</p>
          {answer?.waitSeconds ? (
            <p className="form-error" role="alert">
              {t("reset.tooMany", { wait: formatWait(answer.waitSeconds, lang) })}
            </p>
          ) : null}
          <Form method="post" noValidate className="stack">
            <CsrfInput />
            <Field
              label={t("auth.email")}
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={answer?.values.email ?? ""}
              error={answer?.fieldErrors.email}
            />
            <button type="submit" className="button" disabled={busy}>
              {t("reset.send")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={href(lang, "/signin")}>{t("nav.signIn")}</Link>
      </p>
    </section>
  );
}
