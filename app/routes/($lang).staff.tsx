/** Social-enterprise staff's overview of every occupation group and its verification. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { groupsForStaff } from "~/modules/groups/staff.server";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  return { groups: await groupsForStaff() };
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: t("staff.title") }, { name: "robots", content: "noindex" }];
};

export default function StaffGroups() {
  const { groups } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <section className="page" aria-labelledby="staff-title">
      <h1 id="staff-title">{t("staff.title")}</h1>
      <p>
        <Link to={href(lang, "/staff/verification")}>{t("verification.title")}</Link>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("staff.group")}</th>
            <th scope="col">{t("staff.province")}</th>
            <th scope="col">{t("staff.status")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.slug}>
              <td>
                <Link to={href(lang, `/groups/${group.slug}`)}>{pick(lang, group.nameTh, group.nameEn)}</Link>
              </td>
              <td>{pick(lang, group.province.nameTh, group.province.nameEn)}</td>
              <td>{t(`staff.statuses.${group.verificationStatus}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
