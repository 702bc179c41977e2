/**
 * The group directory, /groups: every verified occupation group by name, a page at a time. The
 * home page shows a dozen groups (near the buyer, or the first by name) and links here for the rest.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GroupCard } from "~/components/cards";
import { ServerMarkupList } from "~/components/server-markup";
import { href } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { groupDirectory } from "~/modules/groups/groups.server";
import { pageHeaders } from "~/web/cache";
import { groupCard } from "~/web/cards.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { listingMeta } from "~/web/seo";

/** `?page=N`; anything else in the query string is ignored, as on the other listing pages. */
const pageParam = z.union([z.null(), z.string().regex(/^[1-9][0-9]{0,3}$/).transform(Number)]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const page = pageParam.safeParse(new URL(request.url).searchParams.get("page"));
  if (!page.success) throw notFound("No such page");
  const directory = await groupDirectory({ page: page.data ?? 1 });
  // A page past the last does not exist (page 1 of an empty directory does, with its empty state).
  if (directory.page > directory.pageCount) throw notFound("No such page");
  return { ...directory, groups: directory.groups.map((group) => groupCard(lang, group)), isVariant: page.data !== null };
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location, matches }) =>
  listingMeta(
    langOfPath(location.pathname),
    matches,
    data && ((t) => ({ name: t("store.allGroups"), path: "/groups", title: t("store.groupsTitle"), description: t("store.groupsDescription"), noindex: data.isVariant })),
  );

export default function GroupDirectory() {
  const { groups, total, page, pageCount } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const pageUrl = (n: number) => (n === 1 ? href(lang, "/groups") : `${href(lang, "/groups")}?page=${n}`);
  return (
    <section className="page" aria-labelledby="directory-title">
      <Breadcrumbs items={[{ label: t("nav.home"), to: href(lang, "/") }, { label: t("store.allGroups") }]} />
      <h1 id="directory-title">{t("store.allGroups")}</h1>
      <p className="hint">{t("store.groupCount", { count: total })}</p>
      {groups.length === 0 ? (
        <p className="empty">{t("home.groupsEmpty")}</p>
      ) : (
        <ServerMarkupList className="grid" data-testid="group-directory" data={groups}>
          {groups.map((group) => (
            <GroupCard key={group.slug} group={group} />
          ))}
        </ServerMarkupList>
      )}
      {pageCount > 1 ? (
        <nav className="pager" aria-label={t("store.pageOf", { page, pages: String(pageCount) })}>
          <span>{t("store.pageOf", { page, pages: String(pageCount) })}</span>
          {page > 1 ? (
            <Link to={pageUrl(page - 1)} className="button secondary" rel="prev">
              {t("store.previousPage")}
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link to={pageUrl(page + 1)} className="button" rel="next">
              {t("store.nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
