/**
 * Accepting an invitation to a group's workspace. The link works once and for seven days; a
 * visitor who is not signed in signs in or signs up first and comes back here to join.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { AlreadyMemberError, InvitationUnusableError, acceptInvitation, invitationByToken } from "~/modules/groups/invitations.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireUser } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";
import { getUser } from "~/web/session.server";
import { readForm } from "~/web/body.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

const tokenOf = (value: string | undefined) => (value && /^[A-Za-z0-9_-]{20,64}$/.test(value) ? value : null);
const statusOf = { unknown: 404, expired: 410, used: 410 } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const token = tokenOf(params.token);
  const found = token ? await invitationByToken(token) : ({ problem: "unknown" } as const);
  const user = await getUser(request);
  if (found.problem) return data({ problem: found.problem, invitation: null, signedIn: Boolean(user) }, { status: statusOf[found.problem] });
  return { problem: null, invitation: found.invitation, signedIn: Boolean(user) };
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("invitation.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const token = tokenOf(params.token);
  if (!token) return data({ error: "invitation.problems.unknown" }, { status: 404 });
  try {
    const joined = await acceptInvitation({ token, userId: user.id });
    return redirect(href(lang, `/groups/${joined.groupSlug}/manage`));
  } catch (error) {
    if (error instanceof AlreadyMemberError) return data({ error: "invitation.alreadyMember" }, { status: 409 });
    if (error instanceof InvitationUnusableError) return data({ error: `invitation.problems.${error.problem}` }, { status: statusOf[error.problem] });
    throw error;
  }
}

export default function InvitationPage() {
  const { problem, invitation, signedIn } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const here = useLocation().pathname;
  return (
    <section className="page narrow stack" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("invitation.title")}</h1>
      {problem || !invitation ? (
        <p className="form-error" role="alert">
          {t(`invitation.problems.${problem ?? "unknown"}`)}
        </p>
      ) : (
        <>
          <p>
            {t("invitation.text", {
              inviter: invitation.invitedBy.name,
              group: pick(lang, invitation.group.nameTh, invitation.group.nameEn),
              role: t(`workspace.roles.${invitation.role}`),
            })}
          </p>
          {answer?.error ? (
            <p className="form-error" role="alert">
              {t(answer.error)}
            </p>
          ) : null}
          {signedIn ? (
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="accept" className="button">
                {t("invitation.join")}
              </button>
            </Form>
          ) : (
            <>
              <p>{t("invitation.signInFirst")}</p>
              <p className="actions-left">
                <Link className="button" to={`${href(lang, "/signin")}?redirectTo=${encodeURIComponent(here)}`}>
                  {t("nav.signIn")}
                </Link>
                <Link className="button secondary" to={`${href(lang, "/signup")}?redirectTo=${encodeURIComponent(here)}`}>
                  {t("nav.signUp")}
                </Link>
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}
