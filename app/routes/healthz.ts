/**
 * Liveness and readiness: 200 when the database answers, 503 when it does not.
 * `search` says whether the search index is filled ("ready") or still being
 * built at start ("building", searches meanwhile answered from the database).
 */
import { health } from "~/web/health.server";

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  const { ok, database, search } = await health();
  return Response.json({ status: ok ? "ok" : "error", database, search }, { status: ok ? 200 : 503, headers });
}
