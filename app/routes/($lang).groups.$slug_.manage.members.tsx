/** Who can use the group's workspace, with their permission role. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import { groupMembers } from "~/modules/groups/groups.server";
import { requireWorkspace } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  return { members: await groupMembers(group.id) };
}

export default function WorkspaceMembers() {
  const { members } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <h2>{t("workspace.nav.members")}</h2>
      <ul className="plain-list">
        {members.map((member) => (
          <li key={member.id}>
            <strong>{member.user.name}</strong> · {t(`workspace.roles.${member.role}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
