/**
 * The group's production calendar: the next 12 weeks against its made-to-order products, units
 * booked by buyers versus what the group can make each week. Read by every member. The table
 * scrolls inside its own box on a phone, so the page never scrolls sideways.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDayRange, formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { groupProductionCalendar } from "~/modules/catalog/production-calendar.server";
import { requireWorkspace } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  return groupProductionCalendar(group.id);
}

export default function ProductionCalendar() {
  const { weeks, products } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="stack">
      <h2>{t("workspace.nav.production")}</h2>
      <p>{t("inbox.production.intro")}</p>
      {products.length === 0 ? (
        <p className="empty-state">{t("inbox.production.empty")}</p>
      ) : (
        // Focusable and named so a keyboard can scroll it and a screen reader can find it.
        <div className="table-scroll" role="region" aria-labelledby="calendar-caption" tabIndex={0}>
          <table className="table calendar">
            <caption id="calendar-caption">{t("inbox.production.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inbox.production.week")}</th>
                {products.map((product) => (
                  <th scope="col" key={product.id}>
                    {pick(lang, product.titleTh, product.titleEn)}
                    <span className="hint calendar-capacity">
                      {product.capacityPerWeek === null ? t("inbox.production.noLimit") : t("inbox.production.perWeek", { count: product.capacityPerWeek })}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, index) => (
                <tr key={String(week.first)}>
                  <th scope="row" className="calendar-week">
                    {formatDayRange(new Date(week.first), new Date(week.last), lang)}
                  </th>
                  {products.map((product) => {
                    const { booked, full } = product.weeks[index];
                    const capacity = product.capacityPerWeek === null ? "–" : formatNumber(product.capacityPerWeek, lang);
                    return (
                      <td key={product.id} className={full ? "calendar-full" : booked > 0 ? "calendar-booked" : undefined}>
                        <span aria-hidden="true">
                          {formatNumber(booked, lang)} / {capacity}
                        </span>
                        <span className="visually-hidden">{t("inbox.production.cell", { booked, capacity: product.capacityPerWeek ?? t("inbox.production.noLimit") })}</span>
                        {full ? <span className="calendar-flag"> {t("inbox.production.full")}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
