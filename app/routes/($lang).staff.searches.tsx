/**
 * What buyers look for, for staff: how many searches the period had and how many found nothing or
 * little, the top searches (and how often one led to a product), and the top searches that found
 * nothing or little, each a chart drawn on the server with a table of the same numbers.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { consoleMeta } from "~/components/console";
import { QueryChart } from "~/components/search-demand";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-lang";
import { REPORT_PERIODS, reportPeriodSchema } from "~/modules/search-log/periods";
import { searchDemand } from "~/modules/search-log/report.server";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  const days = reportPeriodSchema.parse(new URL(request.url).searchParams.get("days") ?? undefined);
  return { demand: await searchDemand({ days }) };
}

export const meta = consoleMeta("searches");

export default function StaffSearches() {
  const { demand } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const n = (value: number) => formatNumber(value, lang);
  return (
    <div className="stack">
      <h2>{t("console.nav.searches")}</h2>
      <p>{t("demand.intro", { days: demand.days })}</p>
      <Form method="get" className="inline-form">
        <label htmlFor="demand-days">{t("demand.period")}</label>
        <select id="demand-days" name="days" defaultValue={demand.days}>
          {REPORT_PERIODS.map((days) => (
            <option key={days} value={days}>
              {t("demand.days", { count: days })}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary">
          {t("demand.show")}
        </button>
      </Form>
      <dl className="tiles">
        <div>
          <dt>{t("demand.searches")}</dt>
          <dd>{n(demand.searches)}</dd>
        </div>
        <div>
          <dt>{t("demand.nothing")}</dt>
          <dd>{n(demand.nothing)}</dd>
        </div>
        <div>
          <dt>{t("demand.poor")}</dt>
          <dd>{n(demand.poor)}</dd>
        </div>
      </dl>
      {demand.searches === 0 ? (
        <p className="empty-state">{t("demand.none")}</p>
      ) : (
        <>
          <QueryChart
            id="top-searches"
            title={t("demand.top")}
            summary={t("demand.topSummary", { count: demand.top.length, query: demand.top[0].query, times: t("demand.timesCount", { count: demand.top[0].searches }) })}
            rows={demand.top.map((row) => ({ query: row.query, first: row.opened, second: row.searches - row.opened }))}
            firstLabel={t("demand.opened")}
            secondLabel={t("demand.notOpened")}
          />
          {demand.unmet.length > 0 ? (
            <QueryChart
              id="unmet-searches"
              title={t("demand.unmet")}
              summary={t("demand.unmetSummary", { count: demand.unmet.length, query: demand.unmet[0].query, times: t("demand.timesCount", { count: demand.unmet[0].searches }) })}
              rows={demand.unmet.map((row) => ({ query: row.query, first: row.nothing, second: row.searches - row.nothing }))}
              firstLabel={t("demand.found")}
              secondLabel={t("demand.little")}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
