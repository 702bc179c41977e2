/**
 * Unfollowing from a new-product email (/unfollow?token=…), with no sign-in: the token is signed
 * by the store and names the follower and the group (app/modules/follows/unfollow-token.server.ts).
 * Opening the link shows one button, because mail scanners open links by themselves and must not
 * unfollow anyone; mail programs that offer their own one-click unsubscribe post straight here
 * (RFC 8058, "List-Unsubscribe=One-Click"), which is why the post needs no CSRF cookie: the
 * signed token is what proves the request comes from the email's reader, and it can do nothing
 * but end that one follow. A bad token is a 400 with a clear page and changes nothing.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { groupOfGrant, unfollowGroup } from "~/modules/follows/follows.server";
import { readUnfollowToken } from "~/modules/follows/unfollow-token.server";
import { readForm } from "~/web/body.server";
import { requireLang } from "~/web/lang.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

type Group = { slug: string; nameTh: string; nameEn: string };

async function grantOf(token: unknown) {
  const grant = readUnfollowToken(token);
  const group = grant ? await groupOfGrant(grant) : null;
  return grant && group ? { grant, group } : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const token = new URL(request.url).searchParams.get("token");
  const found = await grantOf(token);
  if (!found) return data({ token: null, group: null as Group | null }, { status: 400 });
  return { token, group: found.group as Group | null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireLang(params);
  const form = await readForm(request);
  const token = new URL(request.url).searchParams.get("token") ?? form.get("token");
  const found = await grantOf(token);
  if (!found) return data({ done: false, group: null as Group | null }, { status: 400 });
  const group = await unfollowGroup(found.grant);
  return { done: true, group: group as Group | null };
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("follow.unfollowTitle")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Unfollow() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const group = answer?.group ?? loaded.group;
  if (!group || (answer && !answer.done)) {
    return (
      <section className="page narrow stack" aria-labelledby="unfollow-title">
        <h1 id="unfollow-title">{t("follow.badLinkTitle")}</h1>
        <p role="alert">{t("follow.badLinkText")}</p>
      </section>
    );
  }
  const name = pick(lang, group.nameTh, group.nameEn);
  return (
    <section className="page narrow stack" aria-labelledby="unfollow-title">
      <h1 id="unfollow-title">{t("follow.unfollowTitle")}</h1>
      {answer?.done ? (
        <p role="status">{t("follow.unfollowed", { group: name })}</p>
      ) : (
        <>
          <p>{t("follow.unfollowText", { group: name })}</p>
          <Form method="post">
            <input type="hidden" name="token" value={loaded.token ?? ""} />
            <button type="submit" className="button">
              {t("follow.unfollowButton", { group: name })}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={href(lang, `/groups/${group.slug}`)}>{t("follow.backToGroup")}</Link>
      </p>
    </section>
  );
}
