/** The group's orders page. Nothing can be bought yet, so it says so plainly. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useT } from "~/i18n/use-lang";
import { requireWorkspace } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireWorkspace(request, params, "MEMBER");
  return null;
}

export default function WorkspaceOrders() {
  const { t } = useT();
  return (
    <div className="stack">
      <h2>{t("workspace.nav.orders")}</h2>
      <p className="empty-state">{t("workspace.ordersEmpty")}</p>
    </div>
  );
}
