/** Liveness and readiness for load balancers: does the database answer, is the search index filled. */
import { db } from "~/db/client.server";
import { searchIndexReady } from "~/modules/catalog/search.server";

export async function health(): Promise<{ ok: boolean; database: "ok" | "unreachable"; search: "ready" | "building" }> {
  const search = searchIndexReady() ? "ready" : "building";
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true, database: "ok", search };
  } catch {
    return { ok: false, database: "unreachable", search };
  }
}
