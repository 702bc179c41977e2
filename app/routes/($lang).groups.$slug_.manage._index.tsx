/**
 * The workspace dashboard: sales and orders over the last weeks (a chart drawn on the server,
 * interactive on wide screens), the best sellers, made-to-order work due this week, products
 * by status and those running low. Every member sees it.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { WeeklyChart } from "~/components/weekly-chart";
import { formatDate, formatMoney, formatNumber } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { groupDashboard } from "~/modules/groups/dashboard.server";
import { requireWorkspace } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  return { slug: group.slug, dashboard: await groupDashboard(group.id) };
}

export default function WorkspaceDashboard() {
  const { slug, dashboard } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const { weeks, top, due, products } = dashboard;
  const anyOrders = weeks.some((week) => week.orders > 0);
  return (
    <div className="stack">
      <h2>{t("workspace.nav.overview")}</h2>
      <section aria-labelledby="sales-title">
        <h3 id="sales-title">{t("dashboard.salesTitle")}</h3>
        {anyOrders ? <WeeklyChart weeks={weeks} /> : <p className="empty-state">{t("dashboard.noOrders")}</p>}
      </section>
      <section aria-labelledby="top-title">
        <h3 id="top-title">{t("dashboard.topProducts")}</h3>
        {top.length === 0 ? (
          <p className="empty-state">{t("dashboard.noTop")}</p>
        ) : (
          <ol className="plain-list ranked">
            {top.map((product) => (
              <li key={product.slug}>
                <strong>{pick(lang, product.titleTh, product.titleEn)}</strong> · {t("dashboard.sold", { count: product.quantity })} · {formatMoney(product.salesSatang, lang)}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="due-title">
        <h3 id="due-title">{t("dashboard.dueThisWeek")}</h3>
        {due.items.length === 0 ? (
          <p className="empty-state">{t("dashboard.noDue")}</p>
        ) : (
          <ul className="plain-list">
            {due.items.map((item) => (
              <li key={item.id}>
                <strong>{pick(lang, item.titleTh, item.titleEn)}</strong>: {formatNumber(item.quantity, lang)} {pick(lang, item.unitTh, item.unitEn)} · {item.orderNumber}
                {item.promisedBy ? ` · ${t("dashboard.promisedBy", { date: formatDate(new Date(item.promisedBy), lang) })}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="products-title">
        <h3 id="products-title">{t("workspace.nav.products")}</h3>
        <dl className="facts-row">
          <div>
            <dt>{t("workspace.overview.active")}</dt>
            <dd>{products.active}</dd>
          </div>
          <div>
            <dt>{t("workspace.overview.draft")}</dt>
            <dd>{products.draft}</dd>
          </div>
          <div>
            <dt>{t("workspace.overview.archived")}</dt>
            <dd>{products.archived}</dd>
          </div>
        </dl>
        <h4>{t("workspace.overview.lowStock")}</h4>
        {products.lowStock.length === 0 ? (
          <p>{t("workspace.overview.noLowStock")}</p>
        ) : (
          <ul className="plain-list">
            {products.lowStock.map((product) => (
              <li key={product.id}>
                <Link to={href(lang, `/groups/${slug}/manage/products/${product.id}`)}>{pick(lang, product.titleTh, product.titleEn)}</Link>:{" "}
                {t("workspace.overview.left", { count: product.stock })}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={href(lang, `/groups/${slug}/manage/products`)}>{t("workspace.overview.toProducts")}</Link>
        </p>
      </section>
    </div>
  );
}
