/**
 * The console's overview: groups by status and by province (a chart drawn on the server with a
 * table of the same numbers), and how many groups have sold at least once.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { consoleMeta } from "~/components/console";
import { formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { staffOverview } from "~/modules/groups/staff.server";
import { verificationStatuses } from "~/modules/groups/statuses";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  return { overview: await staffOverview() };
}

export const meta = consoleMeta("overview");

/** One colour per status, each at least 4.5:1 against the page, told apart by the legend too. */
export const statusColors: Record<string, string> = {
  DRAFT: "#6b6470",
  PENDING: "#8a5a00",
  RETURNED: "#b23a00",
  VERIFIED: "#1b5e20",
  SUSPENDED: "#a4161a",
};

export default function StaffOverview() {
  const { overview } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const legend = verificationStatuses.map((status) => ({ key: status, label: t(`staff.statuses.${status}`) }));
  const n = (value: number) => formatNumber(value, lang);
  return (
    <div className="stack">
      <h2>{t("console.nav.overview")}</h2>
      <dl className="tiles">
        <div>
          <dt>{t("console.overview.groups")}</dt>
          <dd>{n(overview.total)}</dd>
        </div>
        <div>
          <dt>{t("console.overview.verified")}</dt>
          <dd>{n(overview.byStatus.VERIFIED)}</dd>
        </div>
        <div>
          <dt>{t("console.overview.sold")}</dt>
          <dd>
            {n(overview.soldAtLeastOnce)}
            <span className="hint"> / {n(overview.total)}</span>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="by-status">
        <h3 id="by-status">{t("console.overview.byStatus")}</h3>
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t("staff.status")}</th>
              <th scope="col" className="number">
                {t("console.overview.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {verificationStatuses.map((status) => (
              <tr key={status}>
                <th scope="row">
                  <span className="swatch" style={{ background: statusColors[status] }} aria-hidden="true" /> {t(`staff.statuses.${status}`)}
                </th>
                <td className="number">{n(overview.byStatus[status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="by-province">
        <h3 id="by-province">{t("console.overview.byProvince")}</h3>
        {overview.byProvince.length === 0 ? (
          <p className="empty-state">{t("console.overview.none")}</p>
        ) : (
          <>
            <BarChart
              title={t("console.overview.byProvince")}
              summary={t("console.overview.chartSummary", {
                provinces: overview.byProvince.length,
                top: pick(lang, overview.byProvince[0].nameTh, overview.byProvince[0].nameEn),
                count: overview.byProvince[0].total,
              })}
              rows={overview.byProvince.map((row) => ({
                label: pick(lang, row.nameTh, row.nameEn),
                segments: verificationStatuses.map((status) => ({ key: status, value: row.counts[status] })),
              }))}
              colors={statusColors}
              legend={legend}
            />
            {/* A wide table scrolls inside its own region on a phone; the page itself never scrolls sideways. */}
            <div className="table-scroll" role="region" aria-labelledby="by-province-table" tabIndex={0}>
              <table className="table compact">
                <caption id="by-province-table" className="visually-hidden">
                  {t("console.overview.table")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("staff.province")}</th>
                    {verificationStatuses.map((status) => (
                      <th key={status} scope="col" className="number">
                        {t(`staff.statuses.${status}`)}
                      </th>
                    ))}
                    <th scope="col" className="number">
                      {t("console.overview.total")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.byProvince.map((row) => (
                    <tr key={row.slug}>
                      <th scope="row">{pick(lang, row.nameTh, row.nameEn)}</th>
                      {verificationStatuses.map((status) => (
                        <td key={status} className="number">
                          {n(row.counts[status])}
                        </td>
                      ))}
                      <td className="number">{n(row.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
