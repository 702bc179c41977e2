/**
 * Sales and orders per week for the workspace dashboard. The server draws a plain SVG bar chart
 * (no script needed; a cheap phone shows it at once) with a table of the same numbers for screen
 * readers. On a wide screen only, uPlot is loaded after the page and replaces the bars with an
 * interactive chart (values on hover); phones never download it.
 */
import { useEffect, useRef, useState } from "react";
import { formatMoney, formatNumber } from "~/i18n/format";
import type { Lang } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";

export interface WeekPoint {
  week: string;
  orders: number;
  salesSatang: number;
}

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 28, left: 8 };

function shortDate(week: string, lang: Lang) {
  return new Intl.DateTimeFormat(lang === "th" ? "th-TH" : "en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${week}T00:00:00Z`));
}

function Bars({ values, labels, title, color }: { values: number[]; labels: string[]; title: string; color: string }) {
  const max = Math.max(1, ...values);
  const slot = (WIDTH - PAD.left - PAD.right) / values.length;
  const barWidth = Math.max(4, slot * 0.6);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart-svg" aria-hidden="true" focusable="false">
      <title>{title}</title>
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="#8a8090" />
      {values.map((value, index) => {
        const height = (value / max) * plotHeight;
        const x = PAD.left + index * slot + (slot - barWidth) / 2;
        return <rect key={index} x={x} y={HEIGHT - PAD.bottom - height} width={barWidth} height={height} rx={2} fill={color} />;
      })}
      {labels.map((label, index) =>
        index % 2 === values.length % 2 ? null : (
          <text key={index} x={PAD.left + index * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="14" fill="#4f4657">
            {label}
          </text>
        ),
      )}
    </svg>
  );
}

/** uPlot on wide screens only, loaded after the page is interactive. */
function useWideChart(weeks: WeekPoint[], lang: Lang, labels: { week: string; sales: string; orders: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!container.current || !window.matchMedia("(min-width: 48rem)").matches) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css?inline")]).then(([{ default: UPlot }, css]) => {
      if (cancelled || !container.current) return;
      if (!document.getElementById("uplot-css")) {
        const style = document.createElement("style");
        style.id = "uplot-css";
        style.textContent = (css as { default: string }).default;
        document.head.append(style);
      }
      const xs = weeks.map((week) => Date.parse(`${week.week}T00:00:00Z`) / 1000);
      chart = new UPlot(
        {
          width: container.current.clientWidth,
          height: 240,
          tzDate: (ts: number) => UPlot.tzDate(new Date(ts * 1000), "Asia/Bangkok"),
          series: [
            { label: labels.week, value: (_u: unknown, ts: number | null) => (ts === null ? "—" : shortDate(new Date(ts * 1000).toISOString().slice(0, 10), lang)) },
            { label: labels.sales, stroke: "#5b2a86", fill: "rgba(91,42,134,0.15)", width: 2, value: (_u: unknown, v: number | null) => (v === null ? "—" : formatMoney(v * 100, lang)) },
            { label: labels.orders, stroke: "#b5651d", width: 2, scale: "orders", value: (_u: unknown, v: number | null) => (v === null ? "—" : formatNumber(v, lang)) },
          ],
          axes: [{}, { size: 80, values: (_u: unknown, ticks: number[]) => ticks.map((tick) => formatMoney(tick * 100, lang)) }, { side: 1, scale: "orders", grid: { show: false } }],
        },
        [xs, weeks.map((week) => week.salesSatang / 100), weeks.map((week) => week.orders)],
        container.current,
      );
      setDrawn(true);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [weeks, lang, labels.week, labels.sales, labels.orders]);
  return { container, drawn };
}

export function WeeklyChart({ weeks }: { weeks: WeekPoint[] }) {
  const { t, lang } = useT();
  const labels = weeks.map((week) => shortDate(week.week, lang));
  const { container, drawn } = useWideChart(weeks, lang, { week: t("dashboard.week"), sales: t("dashboard.sales"), orders: t("dashboard.orders") });
  const total = weeks.reduce((sum, week) => sum + week.salesSatang, 0);
  const orders = weeks.reduce((sum, week) => sum + week.orders, 0);
  return (
    <figure className="chart" aria-labelledby="chart-caption">
      <figcaption id="chart-caption">
        {t("dashboard.chartCaption", { weeks: weeks.length, sales: formatMoney(total, lang), orders: t("dashboard.orderCount", { count: orders, shown: formatNumber(orders, lang) }) })}
      </figcaption>
      <div ref={container} className="chart-wide" aria-hidden="true" />
      {drawn ? null : (
        <div className="chart-plain">
          <p className="chart-title">{t("dashboard.sales")}</p>
          <Bars values={weeks.map((week) => week.salesSatang)} labels={labels} title={t("dashboard.sales")} color="#5b2a86" />
          <p className="chart-title">{t("dashboard.orders")}</p>
          <Bars values={weeks.map((week) => week.orders)} labels={labels} title={t("dashboard.orders")} color="#b5651d" />
        </div>
      )}
      <table className="visually-hidden">
        <caption>{t("dashboard.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.week")}</th>
            <th scope="col">{t("dashboard.orders")}</th>
            <th scope="col">{t("dashboard.sales")}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={week.week}>
              <th scope="row">{labels[index]}</th>
              <td>{formatNumber(week.orders, lang)}</td>
              <td>{formatMoney(week.salesSatang, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
