import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, Field } from "~/components/forms";
import { config } from "~/config.server";
import { formatWait } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { authenticate, startSession } from "~/modules/accounts/accounts.server";
import { InvalidCredentialsError, TooManyAttemptsError } from "~/modules/accounts/errors";
import { signInSchema } from "~/modules/accounts/schemas";
import { mergeGuestCart } from "~/modules/cart/cart.server";
import { readForm } from "~/web/body.server";
import { forgetGuestCart, guestCartId } from "~/web/cart-cookie.server";
import { csrfForForm, requireCsrf, rotateCsrfCookie } from "~/web/csrf.server";
import { parseForm } from "~/web/forms.server";
import { logRefusal, redirectTarget } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { commitSessionCookie, sessionIdFrom } from "~/web/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const { csrf, headers } = await csrfForForm(request);
  // A link's unsafe target is dropped here, so the form never posts it back.
  const search = new URL(request.url).searchParams;
  const redirectTo = redirectTarget(search.get("redirectTo"));
  // Back from setting a new password: say so, and fill in the account's email.
  const reset = search.get("reset") === "1";
  const email = reset ? (search.get("email") ?? "").slice(0, 254) : "";
  return data({ csrf, redirectTo, reset, email }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseForm(signInSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, formError: null }, { status: 400 });
  const values = { email: parsed.data.email };
  // Checked before the password, so a crafted target never gets as far as a session.
  const redirectTo = parsed.data.redirectTo ? redirectTarget(parsed.data.redirectTo) : href(lang, "/");
  if (!redirectTo) {
    logRefusal(400, request.method, new URL(request.url).pathname, "bad redirectTo");
    return data({ fieldErrors: {}, values, formError: { key: "errors.badRedirect", waitSeconds: 0 } }, { status: 400 });
  }
  const { LOGIN_MAX_ATTEMPTS, LOGIN_WINDOW_MINUTES, LOGIN_MAX_ATTEMPTS_PER_ADDRESS } = config();
  try {
    const user = await authenticate({
      email: parsed.data.email,
      password: parsed.data.password,
      clientAddress: context.clientAddress ?? "unknown",
      limit: { maxAttempts: LOGIN_MAX_ATTEMPTS, windowMinutes: LOGIN_WINDOW_MINUTES, maxPerAddress: LOGIN_MAX_ATTEMPTS_PER_ADDRESS },
    });
    const session = await startSession(user.id, await sessionIdFrom(request));
    // The basket filled as a guest joins the account's.
    await mergeGuestCart(await guestCartId(request), user.id);
    const headers = new Headers();
    headers.append("Set-Cookie", await commitSessionCookie(request, session.id));
    headers.append("Set-Cookie", await rotateCsrfCookie(request));
    headers.append("Set-Cookie", await forgetGuestCart(request));
    return redirect(redirectTo, { headers });
  } catch (error) {
    if (error instanceof TooManyAttemptsError) {
      return data(
        { fieldErrors: {}, values, formError: { key: "errors.tooManyAttempts", waitSeconds: error.retryAfterSeconds } },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    if (error instanceof InvalidCredentialsError) {
      return data({ fieldErrors: {}, values, formError: { key: "errors.invalidCredentials", waitSeconds: 0 } }, { status: 401 });
    }
    throw error;
  }
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("auth.signInTitle")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SignIn() {
  const { redirectTo, reset, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, lang } = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="page narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">{t("auth.signInTitle")}</h1>
      {reset && !result ? (
        <p className="notice" role="status">
          {t("reset.done")}
        </p>
      ) : null}
      {result?.formError ? (
        <p className="form-error" role="alert">
          {t(result.formError.key, { wait: formatWait(result.formError.waitSeconds, lang) })}
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
        <Field
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.values?.email ?? email}
          error={result?.fieldErrors && "email" in result.fieldErrors ? result.fieldErrors.email : undefined}
        />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={result?.fieldErrors && "password" in result.fieldErrors ? result.fieldErrors.password : undefined}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("auth.submitSignIn")}
        </button>
      </Form>
      <p>
        <Link to={href(lang, "/forgot-password")}>{t("reset.forgot")}</Link>
      </p>
      <p>
        {t("auth.noAccount")}{" "}
        <Link to={`${href(lang, "/signup")}${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>{t("nav.signUp")}</Link>
      </p>
    </section>
  );
}
