import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { searchContract } from "../contract.ts";
import { createMeiliEngine } from "./engine.ts";

const url = process.env.MEILI_URL;

// CI machines cannot run a Meilisearch server (not on npm or Debian, no downloads), so this
// contract run only happens where MEILI_URL points at one; the built-in engine runs it always.
describe.skipIf(!url)("meilisearch adapter", () => {
  searchContract("meilisearch", async () =>
    createMeiliEngine({ host: url ?? "", apiKey: process.env.MEILI_API_KEY ?? process.env.MEILI_MASTER_KEY, indexName: `contract_${process.pid}`, timeoutMs: 10_000 }),
  );
});

describe("meilisearch adapter against a server that never answers", () => {
  it("gives up after its timeout, so search can fall back to the database", async () => {
    const sockets = new Set<Socket>();
    const silent = http.createServer(() => {}); // accepts, never responds
    silent.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const engine = createMeiliEngine({ host: `http://127.0.0.1:${port}`, timeoutMs: 300 });
      const started = Date.now();
      await expect(engine.search({ q: "silk" })).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await engine.ping()).toBe(false);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
