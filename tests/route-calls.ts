/** Calling route loaders and actions directly in tests, and reading what they answered. */

export type Outcome = { status: number; location: string | null; body: unknown };

/** What a loader or action answered: a thrown or returned Response, `data(…, {status})`, or plain data. */
export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const init = (result as { init?: { status?: number } | null }).init;
      return { status: init?.status ?? 200, location: null, body: (result as { data: unknown }).data };
    }
    return { status: 200, location: null, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: await thrown.text() };
    throw thrown;
  }
}
