/**
 * A group's workspace: the layout around its pages (overview, products, orders, shipping, money,
 * members, profile). Only members of the group get in; each page asks for the role its actions need.
 * Built for a phone first: the section links wrap instead of scrolling sideways.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { ModerationNotice } from "~/components/moderation-notice";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { moderationNotice } from "~/modules/moderation/moderation.server";
import { requireWorkspace } from "~/web/guards.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role } = await requireWorkspace(request, params, "MEMBER");
  return { group, role, moderation: await moderationNotice(group.id) };
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, location }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  const name = loaderData ? pick(lang, loaderData.group.nameTh, loaderData.group.nameEn) : "";
  return [{ title: t("workspace.title", { group: name }) }, { name: "robots", content: "noindex" }];
};

const workspaceSections = ["", "products", "orders", "production", "shipping", "money", "members", "searches", "profile"] as const;

export default function Workspace() {
  const { group, moderation } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const base = href(lang, `/groups/${group.slug}/manage`);
  return (
    <section className="page workspace" aria-labelledby="workspace-title">
      <h1 id="workspace-title">{t("workspace.title", { group: pick(lang, group.nameTh, group.nameEn) })}</h1>
      <nav aria-label={t("workspace.sections")} className="workspace-nav">
        <ul>
          {workspaceSections.map((section) => (
            <li key={section}>
              <NavLink to={section ? `${base}/${section}` : base} end={section === ""} prefetch="intent">
                {t(`workspace.nav.${section || "overview"}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <ModerationNotice notice={moderation} />
      <Outlet />
    </section>
  );
}
