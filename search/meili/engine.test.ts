import { describe } from "vitest";
import { searchContract } from "../contract.ts";
import { createMeiliEngine } from "./engine.ts";

const url = process.env.MEILI_URL;

// CI machines cannot run a Meilisearch server (not on npm or Debian, no downloads), so this
// contract run only happens where MEILI_URL points at one; the built-in engine runs it always.
describe.skipIf(!url)("meilisearch adapter", () => {
  searchContract("meilisearch", async () =>
    createMeiliEngine({ host: url ?? "", apiKey: process.env.MEILI_API_KEY ?? process.env.MEILI_MASTER_KEY, indexName: `contract_${process.pid}` }),
  );
});
