/**
 * Liveness and readiness: 200 when the database answers, 503 when it does not.
 * `search` says whether the search index is filled ("ready") or still being
 * built at start ("building", searches meanwhile answered from the database).
 */
import { db } from "~/db/client.server";
import { searchIndexReady } from "~/modules/catalog/search.server";

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  const search = searchIndexReady() ? "ready" : "building";
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok", search }, { headers });
  } catch {
    return Response.json({ status: "error", database: "unreachable", search }, { status: 503, headers });
  }
}
