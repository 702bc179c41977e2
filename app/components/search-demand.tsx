/**
 * Searches counted by query (app/modules/search-log), shown as the console shows numbers: a bar
 * chart drawn on the server (two parts per bar) and a table of the same numbers for reading and
 * for screen readers. The staff console and a group's workspace both use it.
 */
import { BarChart } from "~/components/bar-chart";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-lang";

/** A query's searches split in two parts (opened a product or not, found nothing or little), or one. */
export type QueryBar = { query: string; first: number; second?: number };

/** Each at least 4.5:1 against the page, and told apart by the legend too. */
const colors = { first: "#a4161a", second: "#6b6470" };

export function QueryChart({
  id,
  title,
  summary,
  rows,
  firstLabel,
  secondLabel,
}: {
  id: string;
  title: string;
  summary: string;
  rows: QueryBar[];
  firstLabel: string;
  /** Without it, each bar has one part. */
  secondLabel?: string;
}) {
  const { t, lang } = useT();
  const n = (value: number) => formatNumber(value, lang);
  return (
    <section aria-labelledby={id} className="stack">
      <h3 id={id}>{title}</h3>
      <BarChart
        title={title}
        summary={summary}
        rows={rows.map((row) => ({
          label: row.query,
          segments: [
            { key: "first", value: row.first },
            { key: "second", value: row.second ?? 0 },
          ],
        }))}
        colors={colors}
        legend={[{ key: "first", label: firstLabel }, ...(secondLabel ? [{ key: "second", label: secondLabel }] : [])]}
      />
      <div className="table-scroll" role="region" aria-labelledby={`${id}-table`} tabIndex={0}>
        <table className="table compact">
          <caption id={`${id}-table`} className="visually-hidden">
            {`${title}: ${t("demand.table")}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("demand.query")}</th>
              {secondLabel ? (
                <th scope="col" className="number">
                  {t("demand.times")}
                </th>
              ) : null}
              <th scope="col" className="number">
                {firstLabel}
              </th>
              {secondLabel ? (
                <th scope="col" className="number">
                  {secondLabel}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.query}>
                <th scope="row">{row.query}</th>
                {secondLabel ? <td className="number">{n(row.first + (row.second ?? 0))}</td> : null}
                <td className="number">{n(row.first)}</td>
                {secondLabel ? <td className="number">{n(row.second ?? 0)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
