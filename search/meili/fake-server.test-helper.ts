/**
 * A stand-in Meilisearch for the adapter's tests where no real server can run: it speaks the few
 * HTTP routes the adapter uses (indexes, settings, documents, swap, tasks, search, health), keeps
 * each index's documents, records every request, and lets a test fail chosen tasks or answer
 * searches its own way. Tasks finish at once; a failure is reported the way Meilisearch reports
 * it (a "failed" task with an error code and message). Only for tests.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Recorded = { method: string; path: string; body: unknown };
type TaskError = { code: string; message: string };
type Task = { uid: number; indexUid: string | null; type: string; status: "succeeded" | "failed"; error: TaskError | null };

export type FakeMeili = {
  url: string;
  requests: Recorded[];
  /** Documents by index name, then by slug. */
  indexes: Map<string, Map<string, Record<string, unknown>>>;
  /** Makes the tasks a request enqueues fail with this error (return undefined to let it succeed). */
  failTask: (fn: (request: Recorded) => TaskError | undefined) => void;
  /** Answers searches; the default finds nothing. */
  onSearch: (fn: (index: string, body: Record<string, unknown>) => Record<string, unknown>) => void;
  close: () => Promise<void>;
};

export async function startFakeMeili(): Promise<FakeMeili> {
  const requests: Recorded[] = [];
  const indexes = new Map<string, Map<string, Record<string, unknown>>>();
  const tasks: Task[] = [];
  let failTask: (request: Recorded) => TaskError | undefined = () => undefined;
  let onSearch = (_index: string, _body: Record<string, unknown>): Record<string, unknown> => ({ hits: [], totalHits: 0 });

  function enqueue(request: Recorded, indexUid: string | null, type: string, apply: () => TaskError | undefined): Record<string, unknown> {
    const error = failTask(request) ?? apply();
    const task: Task = { uid: tasks.length, indexUid, type, status: error ? "failed" : "succeeded", error: error ?? null };
    tasks.push(task);
    return { taskUid: task.uid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() };
  }

  function route(request: Recorded): [number, unknown] {
    const parts = request.path.split("?")[0].split("/").filter(Boolean);
    const { method } = request;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (parts[0] === "health") return [200, { status: "available" }];
    if (parts[0] === "tasks" && method === "GET") {
      const task = tasks[Number(parts[1])];
      const now = new Date().toISOString();
      return [200, { ...task, enqueuedAt: now, startedAt: now, finishedAt: now, duration: "PT0S", details: {}, canceledBy: null, batchUid: task.uid }];
    }
    if (parts[0] === "swap-indexes" && method === "POST") {
      const swaps = request.body as { indexes: [string, string] }[];
      return [202, enqueue(request, null, "indexSwap", () => {
        for (const { indexes: [a, b] } of swaps) {
          if (!indexes.has(a) || !indexes.has(b)) return { code: "index_not_found", message: `Index \`${indexes.has(a) ? b : a}\` not found.` };
          const left = indexes.get(a)!;
          indexes.set(a, indexes.get(b)!);
          indexes.set(b, left);
        }
        return undefined;
      })];
    }
    if (parts[0] !== "indexes") return [404, { code: "not_found", message: request.path }];
    if (parts.length === 1 && method === "POST") {
      const uid = String(body.uid);
      return [202, enqueue(request, uid, "indexCreation", () => {
        if (indexes.has(uid)) return { code: "index_already_exists", message: `Index \`${uid}\` already exists.` };
        indexes.set(uid, new Map());
        return undefined;
      })];
    }
    const uid = parts[1];
    if (parts.length === 2 && method === "DELETE") {
      return [202, enqueue(request, uid, "indexDeletion", () => (indexes.delete(uid) ? undefined : { code: "index_not_found", message: `Index \`${uid}\` not found.` }))];
    }
    const missing = { code: "index_not_found", message: `Index \`${uid}\` not found.` };
    if (parts[2] === "settings") return [202, enqueue(request, uid, "settingsUpdate", () => (indexes.has(uid) ? undefined : missing))];
    if (parts[2] === "documents" && method === "POST") {
      return [202, enqueue(request, uid, "documentAdditionOrUpdate", () => {
        const docs = indexes.get(uid);
        if (!docs) return missing;
        for (const doc of request.body as Record<string, unknown>[]) docs.set(String(doc.slug), doc);
        return undefined;
      })];
    }
    if (parts[2] === "documents" && parts[3] === "delete-batch") {
      return [202, enqueue(request, uid, "documentDeletion", () => {
        for (const slug of request.body as string[]) indexes.get(uid)?.delete(slug);
        return undefined;
      })];
    }
    if (parts[2] === "documents" && method === "DELETE") {
      return [202, enqueue(request, uid, "documentDeletion", () => {
        indexes.get(uid)?.clear();
        return undefined;
      })];
    }
    if (parts[2] === "search") {
      if (!indexes.has(uid)) return [404, missing];
      return [200, { query: body.q ?? "", processingTimeMs: 0, page: body.page ?? 1, hitsPerPage: body.hitsPerPage ?? 20, totalPages: 0, ...onSearch(uid, body) }];
    }
    return [404, { code: "not_found", message: request.path }];
  }

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const request: Recorded = { method: req.method ?? "GET", path: req.url ?? "/", body: raw ? (JSON.parse(raw) as unknown) : undefined };
      if (!request.path.startsWith("/tasks/")) requests.push(request);
      const [status, payload] = route(request);
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    indexes,
    failTask: (fn) => (failTask = fn),
    onSearch: (fn) => (onSearch = fn),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
