/** The group's profile as the store holds it, and whether staff have verified it. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { groupProfile } from "~/modules/groups/groups.server";
import { requireWorkspace } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  return { profile: await groupProfile(group.id) };
}

export default function WorkspaceProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="stack">
      <h2>{t("workspace.nav.profile")}</h2>
      <p>
        {t("staff.status")}: <strong>{t(`staff.statuses.${profile.verificationStatus}`)}</strong>
      </p>
      <dl className="facts">
        <div>
          <dt>{t("group.location")}</dt>
          <dd>
            {pick(lang, profile.villageTh, profile.villageEn)}, {pick(lang, profile.province.nameTh, profile.province.nameEn)}
          </dd>
        </div>
        <div>
          <dt>{t("group.sage")}</dt>
          <dd>{profile.communitySage}</dd>
        </div>
        <div>
          <dt>{t("workspace.profile.members")}</dt>
          <dd>{profile.memberCount}</dd>
        </div>
        <div>
          <dt>{t("workspace.profile.promptPay")}</dt>
          <dd>{profile.promptPayId ?? t("workspace.profile.notSet")}</dd>
        </div>
      </dl>
      <h3>{t("group.committee")}</h3>
      <ul className="plain-list">
        {profile.committee.map((member) => (
          <li key={`${member.role}-${member.name}`}>
            {t(`group.roles.${member.role}`)}: {member.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
