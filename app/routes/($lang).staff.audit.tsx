/**
 * The audit log: every staff and group action (who, what, when, before → after), newest first,
 * filtered by group, actor, action and days (a plain GET form), paged by keyset. Action and field
 * names are translated; one not in the dictionary yet is shown as written.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { consoleMeta } from "~/components/console";
import { formatDateTime } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { auditFilterOptions, auditLogPage, resolveAuditFilters } from "~/modules/audit/audit-log.server";
import { auditChanges } from "~/modules/audit/diff";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";

const text = (max: number, pattern: RegExp) => z.string().trim().max(max).regex(pattern).nullable().catch(null);
/** Odd values are ignored (treated as no filter), as on the storefront's listings. */
const filterSchema = z.object({
  group: text(120, /^[a-z0-9-]+$/),
  actor: text(254, /^[^\s@]+@[^\s@]+$/),
  action: text(100, /^[a-z0-9_.-]+$/i),
  from: text(10, /^\d{4}-\d{2}-\d{2}$/),
  to: text(10, /^\d{4}-\d{2}-\d{2}$/),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  const url = new URL(request.url);
  const get = (name: string) => url.searchParams.get(name) || null;
  const filters = filterSchema.parse({ group: get("group"), actor: get("actor"), action: get("action"), from: get("from"), to: get("to") });
  const [page, options] = await Promise.all([
    resolveAuditFilters(filters).then((resolved) => auditLogPage({ filters: resolved, after: get("after"), before: get("before") })),
    auditFilterOptions(),
  ]);
  return { filters, page, options };
}

export const meta = consoleMeta("audit");

/** Dictionary keys cannot hold dots (the translator nests on them). */
const actionKey = (action: string) => `console.audit.actions.${action.replaceAll(".", "_")}`;

export default function StaffAudit() {
  const { filters, page, options } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const actionName = (action: string) => t(actionKey(action), { defaultValue: action });
  const query = (extra: Record<string, string>) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value) search.set(name, value);
    for (const [name, value] of Object.entries(extra)) search.set(name, value);
    const string = search.toString();
    return string ? `?${string}` : "";
  };
  const base = href(lang, "/staff/audit");
  return (
    <div className="stack">
      <h2>{t("console.nav.audit")}</h2>
      <Form method="get" className="listing-filters audit-filters">
        <div className="field">
          <label htmlFor="audit-group">{t("staff.group")}</label>
          <select id="audit-group" name="group" defaultValue={filters.group ?? ""}>
            <option value="">{t("console.all")}</option>
            {options.groups.map((group) => (
              <option key={group.slug} value={group.slug}>
                {pick(lang, group.nameTh, group.nameEn)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("console.audit.actor")}</label>
          <input id="audit-actor" name="actor" type="email" defaultValue={filters.actor ?? ""} placeholder="name@example.com" />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t("console.audit.action")}</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">{t("console.all")}</option>
            {options.actions.map((action) => (
              <option key={action} value={action}>
                {actionName(action)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("console.audit.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("console.audit.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <p className="filter-actions">
          <button type="submit" className="button secondary">
            {t("console.filter")}
          </button>
          <Link to={base}>{t("store.clearFilters")}</Link>
        </p>
      </Form>

      {page.entries.length === 0 ? <p className="empty-state">{t("console.audit.none")}</p> : null}
      <ol className="plain-list audit-list">
        {page.entries.map((entry) => {
          const { changes, other } = auditChanges(entry.details);
          return (
            <li key={entry.id} className="console-card">
              <p className="audit-head">
                <strong>{actionName(entry.action)}</strong>
                <time dateTime={new Date(entry.createdAt).toISOString()} className="hint">
                  {formatDateTime(new Date(entry.createdAt), lang)}
                </time>
              </p>
              <p className="hint">
                {entry.actor ? `${entry.actor.name} (${entry.actor.email})` : t("console.audit.system")}
                {entry.group ? (
                  <>
                    {" · "}
                    <Link to={`${base}?group=${entry.group.slug}`}>{pick(lang, entry.group.nameTh, entry.group.nameEn)}</Link>
                  </>
                ) : null}
                {" · "}
                {entry.subjectType} <code className="id">{entry.subjectId}</code>
              </p>
              {changes.length + other.length > 0 ? (
                <dl className="diff">
                  {[...changes, ...other].map((change) => (
                    <div key={change.field}>
                      <dt>{t(`console.audit.fields.${change.field}`, { defaultValue: change.field })}</dt>
                      <dd>
                        {changes.includes(change) ? (
                          <>
                            <span className="visually-hidden">{t("console.audit.before")}: </span>
                            <del>{change.before ?? "—"}</del> <span aria-hidden="true">→</span>{" "}
                            <span className="visually-hidden">{t("console.audit.after")}: </span>
                          </>
                        ) : null}
                        <ins>{change.after ?? "—"}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ol>
      <nav className="pager" aria-label={t("console.audit.pages")}>
        {page.newer ? (
          <>
            <Link to={`${base}${query({})}`}>{t("console.audit.newest")}</Link>
            <Link to={`${base}${query({ before: page.newer })}`} rel="prev">
              {t("console.audit.newer")}
            </Link>
          </>
        ) : null}
        {page.older ? (
          <Link to={`${base}${query({ after: page.older })}`} rel="next">
            {t("console.audit.older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
