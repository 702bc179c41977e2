/** `/groups/:slug/manage/money.csv`: the group's money page as a spreadsheet. Any member may download it. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { groupMoneyCsv } from "~/modules/payments/group-money.server";
import { requireWorkspace } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, lang } = await requireWorkspace(request, params, "MEMBER");
  return new Response(await groupMoneyCsv(group.id, lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="money-${group.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
