/**
 * `/groups/:slug/manage/orders.csv?from=YYYY-MM-DD&to=YYYY-MM-DD`: the group's orders as a
 * spreadsheet (a resource route; the layout's loader does not run for it). Any member may
 * download it. Bad dates are a 400 in the workspace's language, never an empty file.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { translator } from "~/i18n/i18n";
import { groupOrdersCsv } from "~/modules/orders/export.server";
import { requireWorkspace } from "~/web/guards.server";

// An empty date field (the form posts `from=`) means "no limit".
const day = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.iso.date().optional());
const rangeQuery = z
  .object({ from: day, to: day })
  .refine((range) => !range.from || !range.to || range.from <= range.to, { message: "badRange" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, lang } = await requireWorkspace(request, params, "MEMBER");
  const search = new URL(request.url).searchParams;
  const parsed = rangeQuery.safeParse({ from: search.get("from"), to: search.get("to") });
  if (!parsed.success) {
    const badRange = parsed.error.issues.some((issue) => issue.message === "badRange");
    return new Response(translator(lang)(badRange ? "inbox.export.badRange" : "inbox.export.badDate"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { from, to } = parsed.data;
  const name = ["orders", group.slug, from, to].filter(Boolean).join("-");
  return new Response(await groupOrdersCsv(group.id, { from, to }, lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
