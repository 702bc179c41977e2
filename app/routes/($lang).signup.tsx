import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { CsrfInput, Field } from "~/components/forms";
import { config } from "~/config.server";
import { formatWait } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { signUp, startSession } from "~/modules/accounts/accounts.server";
import { EmailTakenError, TooManySignUpsError } from "~/modules/accounts/errors";
import { signUpSchema } from "~/modules/accounts/schemas";
import { mergeGuestCart } from "~/modules/cart/cart.server";
import { readForm } from "~/web/body.server";
import { forgetGuestCart, guestCartId } from "~/web/cart-cookie.server";
import { csrfForForm, requireCsrf, rotateCsrfCookie } from "~/web/csrf.server";
import { parseForm } from "~/web/forms.server";
import { safeRedirect } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { commitSessionCookie, sessionIdFrom } from "~/web/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const { csrf, headers } = await csrfForForm(request);
  return data({ csrf }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseForm(signUpSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, waitSeconds: null }, { status: 400 });
  const { password: _password, ...values } = parsed.data;
  try {
    const user = await signUp({
      ...parsed.data,
      locale: lang,
      clientAddress: context.clientAddress ?? "unknown",
      maxPerHour: config().SIGNUP_MAX_PER_HOUR,
    });
    const session = await startSession(user.id, await sessionIdFrom(request));
    await mergeGuestCart(await guestCartId(request), user.id);
    const headers = new Headers();
    headers.append("Set-Cookie", await commitSessionCookie(request, session.id));
    headers.append("Set-Cookie", await rotateCsrfCookie(request));
    headers.append("Set-Cookie", await forgetGuestCart(request));
    // Back to where sign-up was asked for (an invitation link), when it is a path on this site;
    // otherwise to the account page, which welcomes the new buyer.
    return redirect(safeRedirect(form.get("redirectTo"), `${href(lang, "/account")}?welcome=1`), { headers });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return data({ fieldErrors: { email: "errors.emailTaken" } as Record<string, string>, values, waitSeconds: null }, { status: 409 });
    }
    if (error instanceof TooManySignUpsError) {
      return data(
        { fieldErrors: {} as Record<string, string>, values, waitSeconds: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("auth.signUpTitle")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SignUp() {
  const result = useActionData<typeof action>();
  const { t, lang } = useT();
  const busy = useNavigation().state === "submitting";
  const redirectTo = useSearchParams()[0].get("redirectTo") ?? "";
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  return (
    <section className="page narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("auth.signUpTitle")}</h1>
      {result?.waitSeconds ? (
        <p className="form-error" role="alert">
          {t("errors.tooManySignUps", { wait: formatWait(result.waitSeconds, lang) })}
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t("auth.name")} name="name" autoComplete="name" required defaultValue={values.name ?? ""} error={errors.name} />
        <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required defaultValue={values.email ?? ""} error={errors.email} />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("auth.passwordHint")}
          error={errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("auth.submitSignUp")}
        </button>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to={`${href(lang, "/signin")}${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>{t("nav.signIn")}</Link>
      </p>
    </section>
  );
}
