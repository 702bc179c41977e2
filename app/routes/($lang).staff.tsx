/**
 * The staff console: the layout around its pages (overview, verification, groups, collections,
 * moderation, buyers' searches, audit log, outbox). Only staff get in; each page checks again, since a page's data
 * can be asked for without its layout. Phone first: the section links wrap instead of scrolling.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { href, translator } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  return null;
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: t("console.title") }, { name: "robots", content: "noindex" }];
};

/** Verification is another page's (the review queue); the console only links to it. */
const consoleSections = ["", "verification", "groups", "collections", "moderation", "searches", "audit", "outbox", "payouts"] as const;

export default function StaffConsole() {
  const { t, lang } = useT();
  const base = href(lang, "/staff");
  return (
    <section className="page console" aria-labelledby="console-title">
      <h1 id="console-title">{t("console.title")}</h1>
      <nav aria-label={t("console.sections")} className="workspace-nav">
        <ul>
          {consoleSections.map((section) => (
            <li key={section}>
              <NavLink to={section ? `${base}/${section}` : base} end={section === ""} prefetch="intent">
                {t(`console.nav.${section || "overview"}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}
