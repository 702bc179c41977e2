/**
 * Every occupation group, whatever its status, filterable by status and province (a plain GET
 * form); each links to its public page, its moderation and its history.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { consoleMeta } from "~/components/console";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { groupsForStaff } from "~/modules/groups/staff.server";
import { verificationStatuses } from "~/modules/groups/statuses";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";

const statusParam = z.enum(verificationStatuses).nullable().catch(null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  const url = new URL(request.url);
  // Unknown values are ignored, as on the storefront's filters.
  const status = statusParam.parse(url.searchParams.get("status"));
  const province = slugParam(url.searchParams.get("province") ?? undefined);
  const [groups, all] = await Promise.all([groupsForStaff({ status, provinceSlug: province }), groupsForStaff()]);
  const provinces = [...new Map(all.map((group) => [group.province.slug, group.province])).values()].sort((a, b) => a.nameTh.localeCompare(b.nameTh, "th"));
  return { groups, provinces, status, province };
}

export const meta = consoleMeta("groups");

export default function StaffGroups() {
  const { groups, provinces, status, province } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="stack">
      <h2>{t("console.nav.groups")}</h2>
      <Form method="get" className="listing-filters">
        <div className="field">
          <label htmlFor="group-status">{t("staff.status")}</label>
          <select id="group-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("console.all")}</option>
            {verificationStatuses.map((each) => (
              <option key={each} value={each}>
                {t(`staff.statuses.${each}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="group-province">{t("staff.province")}</label>
          <select id="group-province" name="province" defaultValue={province ?? ""}>
            <option value="">{t("console.all")}</option>
            {provinces.map((each) => (
              <option key={each.slug} value={each.slug}>
                {pick(lang, each.nameTh, each.nameEn)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("console.filter")}
        </button>
      </Form>
      <p className="listing-status" role="status">
        {t("console.groups.count", { count: groups.length })}
      </p>
      <ul className="plain-list console-cards">
        {groups.map((group) => (
          <li key={group.slug} className="console-card">
            <h3>{pick(lang, group.nameTh, group.nameEn)}</h3>
            <p className="hint">
              {pick(lang, group.province.nameTh, group.province.nameEn)} · <strong>{t(`staff.statuses.${group.verificationStatus}`)}</strong> ·{" "}
              {t("console.groups.products", { count: group._count.products })}
            </p>
            {group.suspendedReason ? (
              <p>
                {t("console.moderation.reason")}: {group.suspendedReason}
              </p>
            ) : null}
            <p className="link-row">
              {group.verificationStatus === "VERIFIED" ? <Link to={href(lang, `/groups/${group.slug}`)}>{t("console.groups.public")}</Link> : null}
              <Link to={`${href(lang, "/staff/moderation")}?group=${group.slug}`}>{t("console.groups.moderate")}</Link>
              <Link to={`${href(lang, "/staff/audit")}?group=${group.slug}`}>{t("console.groups.history")}</Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
