/**
 * A hint of what to make next: searches of the last 90 days that found nothing when narrowed to a
 * category the group sells in or made from its province, most frequent first, as a chart drawn
 * on the server with a table of the same numbers. Read by every member; counts only.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueryChart } from "~/components/search-demand";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { unmetSearchesForGroup } from "~/modules/search-log/report.server";
import { requireWorkspace } from "~/web/guards.server";

const DAYS = 90;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  return { hint: await unmetSearchesForGroup(group.id, { days: DAYS }) };
}

export default function GroupSearches() {
  const { hint } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const categories = hint.categories.map((category) => pick(lang, category.nameTh, category.nameEn)).join(", ") || t("demand.noCategories");
  return (
    <div className="stack">
      <h2>{t("workspace.nav.searches")}</h2>
      <p>{t("demand.groupIntro", { days: hint.days, categories, province: pick(lang, hint.province.nameTh, hint.province.nameEn) })}</p>
      {hint.unmet.length === 0 ? (
        <p className="empty-state">{t("demand.groupNone")}</p>
      ) : (
        <QueryChart
          id="group-unmet-searches"
          title={t("demand.groupChart")}
          summary={t("demand.groupSummary", { count: hint.unmet.length, query: hint.unmet[0].query, times: t("demand.timesCount", { count: hint.unmet[0].searches }) })}
          rows={hint.unmet.map((row) => ({ query: row.query, first: row.searches }))}
          firstLabel={t("demand.found")}
        />
      )}
    </div>
  );
}
