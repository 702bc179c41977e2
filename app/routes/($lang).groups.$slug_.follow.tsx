/**
 * Following a group (/groups/:slug/follow). The group page posts here with one button; its
 * "follow" for a signed-out visitor is a link here, which sends them through sign-in and back to
 * this page, where one button follows. A post from a visitor whose session ended meanwhile is
 * sent to sign in and back the same way, with nothing changed. An unknown or hidden group is a
 * 404 for everyone.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { UnknownGroupError, followGroup, followState, followableGroup, unfollowGroup } from "~/modules/follows/follows.server";
import { readForm } from "~/web/body.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireUser } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";
import { getUser } from "~/web/session.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export const followIntents = z.discriminatedUnion("intent", [z.object({ intent: z.literal("follow") }), z.object({ intent: z.literal("unfollow") })]);

async function groupOf(params: LoaderFunctionArgs["params"]) {
  const slug = slugParam(params.slug);
  const group = slug ? await followableGroup(slug) : null;
  if (!group) throw notFound("No such group");
  return group;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const group = await groupOf(params);
  const user = await requireUser(request);
  return { group, following: (await followState(group.id, user.id)).following };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const group = await groupOf(params);
  const back = href(lang, `/groups/${group.slug}`);
  const user = await getUser(request);
  if (!user) {
    const here = href(lang, `/groups/${group.slug}/follow`);
    return redirect(`${href(lang, "/signin")}?redirectTo=${encodeURIComponent(here)}`, 303);
  }
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = followIntents.safeParse({ intent: form.get("intent") });
  if (!parsed.success) throw new Response("Unknown intent", { status: 400 });
  try {
    if (parsed.data.intent === "follow") await followGroup({ userId: user.id, slug: group.slug });
    else await unfollowGroup({ userId: user.id, slug: group.slug });
  } catch (error) {
    if (error instanceof UnknownGroupError) throw notFound("No such group");
    throw error;
  }
  return redirect(back, 303);
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  const name = data ? pick(lang, data.group.nameTh, data.group.nameEn) : t("follow.noSuchGroup");
  return [{ title: `${t("follow.pageTitle", { group: name })} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function FollowGroup() {
  const { group, following } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const name = pick(lang, group.nameTh, group.nameEn);
  return (
    <section className="page narrow stack" aria-labelledby="follow-title">
      <h1 id="follow-title">{t("follow.pageTitle", { group: name })}</h1>
      <p>{following ? t("follow.following") : t("follow.pageText", { group: name })}</p>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
        <button type="submit" className="button">
          {following ? t("follow.unfollow") : t("follow.follow")}
        </button>
      </Form>
      <p>
        <Link to={href(lang, `/groups/${group.slug}`)}>{t("follow.backToGroup")}</Link>
      </p>
    </section>
  );
}
