/** Liveness and readiness: 200 when the database answers, 503 when it does not. */
import { db } from "~/db/client.server";

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers });
  }
}
