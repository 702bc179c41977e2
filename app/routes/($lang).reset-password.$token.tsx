/**
 * Setting a new password from a mailed link (/reset-password/:token). The page says plainly when
 * the link was already used, has expired or was never ours (410, 410, 404), and offers a new one.
 * A good post sets the password, ends every session of the account (this browser's too) and
 * sends the visitor to sign in with it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, Field } from "~/components/forms";
import { href, translator } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { ResetLinkError } from "~/modules/accounts/errors";
import { checkResetLink, resetPassword } from "~/modules/accounts/password-reset.server";
import { resetPasswordSchema } from "~/modules/accounts/schemas";
import { readForm } from "~/web/body.server";
import { csrfForForm, requireCsrf, rotateCsrfCookie } from "~/web/csrf.server";
import { parseForm } from "~/web/forms.server";
import { requireLang } from "~/web/lang.server";
import { clearSessionCookie } from "~/web/session.server";

type Problem = ResetLinkError["reason"];
const statusOf: Record<Problem, number> = { unknown: 404, used: 410, expired: 410 };

async function problemOf(token: string | undefined): Promise<Problem | null> {
  try {
    await checkResetLink(token ?? "");
    return null;
  } catch (error) {
    if (error instanceof ResetLinkError) return error.reason;
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const { csrf, headers } = await csrfForForm(request);
  const problem = await problemOf(params.token);
  return data({ csrf, problem }, { status: problem ? statusOf[problem] : 200, headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseForm(resetPasswordSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, problem: null as Problem | null }, { status: 400 });
  try {
    const { email } = await resetPassword({ token: params.token ?? "", password: parsed.data.password });
    const headers = new Headers();
    headers.append("Set-Cookie", await clearSessionCookie(request));
    headers.append("Set-Cookie", await rotateCsrfCookie(request));
    return redirect(`${href(lang, "/signin")}?reset=1&email=${encodeURIComponent(email)}`, { status: 303, headers });
  } catch (error) {
    if (error instanceof ResetLinkError) return data({ fieldErrors: {} as Record<string, string>, problem: error.reason as Problem | null }, { status: statusOf[error.reason] });
    throw error;
  }
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("reset.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const busy = useNavigation().state === "submitting";
  const problem = answer?.problem ?? loaded.problem;
  return (
    <section className="page narrow stack" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("reset.title")}</h1>
      {problem ? (
        <>
          <p className="form-error" role="alert">
            {t(`reset.${problem}`)}
          </p>
          <p>
            <Link className="button" to={href(lang, "/forgot-password")}>
              {t("reset.again")}
            </Link>
          </p>
        </>
      ) : (
        <Form method="post" noValidate className="stack">
          <CsrfInput />
          <Field
            label={t("account.newPassword")}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint={t("auth.passwordHint")}
            error={answer?.fieldErrors.password}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("reset.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
