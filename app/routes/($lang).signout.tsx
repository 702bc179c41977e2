import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { href, translator } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { endSession } from "~/modules/accounts/accounts.server";
import { readForm } from "~/web/body.server";
import { requireCsrf, rotateCsrfCookie } from "~/web/csrf.server";
import { requireLang } from "~/web/lang.server";
import { clearSessionCookie, getUser, sessionIdFrom } from "~/web/session.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

/** GET shows a confirmation (signing out is a mutation, so it needs a POST with a CSRF token). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  return { signedIn: Boolean(await getUser(request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const sessionId = await sessionIdFrom(request);
  if (sessionId) await endSession(sessionId);
  const headers = new Headers();
  headers.append("Set-Cookie", await clearSessionCookie(request));
  headers.append("Set-Cookie", await rotateCsrfCookie(request));
  return redirect(href(lang, "/"), { headers });
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("nav.signOut")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SignOut() {
  const { signedIn } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <section className="page narrow" aria-labelledby="signout-title">
      <h1 id="signout-title">{signedIn ? t("nav.signOut") : t("auth.signedOut")}</h1>
      {signedIn ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit" className="button">
            {t("auth.submitSignOut")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
