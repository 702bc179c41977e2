/**
 * The group's order inbox: its own group orders, newest first, filtered by status (links with
 * counts) and paged back in time with an "older" link (keyset, so the hundredth page costs what
 * the first does). Every member reads it; the CSV export is a plain GET form.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { StatusBadge } from "~/components/group-order";
import { formatDate, formatMoney, formatShortDate } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { inboxCursor, parseInboxCursor, paymentState } from "~/modules/orders/inbox";
import { groupInbox } from "~/modules/orders/queries.server";
import { GROUP_ORDER_STATUSES } from "~/modules/orders/status";
import { requireWorkspace } from "~/web/guards.server";

const statusParam = z.enum(GROUP_ORDER_STATUSES);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  const search = new URL(request.url).searchParams;
  // Unknown filters and malformed cursors are ignored, as on the storefront's listings.
  const status = statusParam.safeParse(search.get("status")).data;
  const before = parseInboxCursor(search.get("before"));
  const inbox = await groupInbox(group.id, { status, before: before ?? undefined });
  const last = inbox.orders.at(-1);
  return {
    slug: group.slug,
    status: status ?? null,
    paged: before !== null,
    counts: inbox.counts,
    older: inbox.more && last ? inboxCursor(last) : null,
    orders: inbox.orders.map((row) => ({
      id: row.id,
      number: row.order.number,
      createdAt: row.createdAt,
      buyer: row.order.recipientName,
      lines: row.lines,
      totalSatang: row.itemsSatang + row.shippingSatang,
      status: row.status,
      payment: paymentState(row.payments, row.order.status),
      promisedBy: row.promisedBy,
    })),
  };
}

export default function OrderInbox() {
  const { slug, status, paged, counts, older, orders } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const base = href(lang, `/groups/${slug}/manage/orders`);
  const total = Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
  const filters = [{ value: null, label: t("inbox.all"), count: total }, ...GROUP_ORDER_STATUSES.map((value) => ({ value, label: t(`inbox.status.${value}`), count: counts[value] ?? 0 }))];
  return (
    <div className="stack">
      <h2>{t("workspace.nav.orders")}</h2>
      <nav aria-label={t("inbox.filters")}>
        <ul className="status-filters">
          {filters
            .filter((filter) => filter.value === null || filter.count > 0 || filter.value === status)
            .map((filter) => (
              <li key={filter.value ?? "all"}>
                <Link to={filter.value ? `${base}?status=${filter.value}` : base} aria-current={filter.value === status ? "page" : undefined}>
                  {t("inbox.withCount", { label: filter.label, count: filter.count })}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      {orders.length === 0 ? (
        <p className="empty-state">{status ? t("inbox.emptyStatus", { status: t(`inbox.status.${status}`) }) : t("workspace.ordersEmpty")}</p>
      ) : (
        <ul className="inbox" aria-label={t("inbox.list")}>
          {orders.map((order) => (
            <li key={order.id} className="inbox-row">
              <p className="inbox-head">
                <Link to={`${base}/${order.id}`} className="inbox-number">
                  {order.number}
                </Link>
                <StatusBadge status={order.status} />
              </p>
              <p className="hint">{t("inbox.placed", { date: formatShortDate(new Date(order.createdAt), lang) })}</p>
              <p>
                <span className="visually-hidden">{t("inbox.buyer")}: </span>
                {order.buyer}
              </p>
              <p>{itemSummary(order.lines, lang, t)}</p>
              <p className="inbox-money">
                <strong>{formatMoney(order.totalSatang, lang)}</strong> · {t(`inbox.paymentState.${order.payment}`)}
              </p>
              {order.promisedBy ? <p className="hint">{t("inbox.promised", { date: formatDate(new Date(order.promisedBy), lang) })}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {older || paged ? (
        <nav className="pager" aria-label={t("search.paging")}>
          {paged ? <Link to={status ? `${base}?status=${status}` : base}>{t("inbox.newest")}</Link> : null}
          {older ? (
            <Link to={`${base}?${new URLSearchParams({ ...(status ? { status } : {}), before: older })}`} rel="next">
              {t("inbox.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      <ExportForm action={`${base}.csv`} />
    </div>
  );
}

function itemSummary(lines: readonly { titleTh: string; titleEn: string; quantity: number }[], lang: "th" | "en", t: ReturnType<typeof useT>["t"]) {
  if (lines.length === 0) return "";
  const first = `${lines[0].quantity} × ${pick(lang, lines[0].titleTh, lines[0].titleEn)}`;
  return lines.length === 1 ? first : t("inbox.moreItems", { first, count: lines.length - 1 });
}

/** A plain GET form: the browser downloads the file, with or without JavaScript. */
function ExportForm({ action }: { action: string }) {
  const { t } = useT();
  return (
    <section aria-labelledby="export-title" className="export-form">
      <h3 id="export-title">{t("inbox.export.title")}</h3>
      <p className="hint">{t("inbox.export.hint")}</p>
      <form method="get" action={action} className="inline-form">
        <label>
          {t("inbox.export.from")} <input type="date" name="from" />
        </label>
        <label>
          {t("inbox.export.to")} <input type="date" name="to" />
        </label>
        <button type="submit" className="button secondary">
          {t("inbox.export.submit")}
        </button>
      </form>
    </section>
  );
}
