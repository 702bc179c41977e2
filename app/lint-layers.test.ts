/**
 * The import boundaries in eslint.config.js bite: each layer mistake the README forbids is
 * reported, and the imports each layer is allowed stay clean.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

// The first lint loads ESLint's TypeScript parser and the whole config: seconds on a busy machine.
describe("layer rules", { timeout: 60_000 }, () => {
  it("refuse a route that imports the database client", async () => {
    expect(await restricted("app/routes/probe.tsx", 'import { db } from "~/db/client.server";\nexport const x = db;\n')).toHaveLength(1);
  });

  it("refuse a domain module that imports the web layer, routes or Remix", async () => {
    const messages = await restricted(
      "app/modules/orders/probe.server.ts",
      'import { getUser } from "~/web/session.server";\nimport * as r from "~/routes/($lang).search";\nimport { json } from "@remix-run/node";\nexport const x = [getUser, r, json];\n',
    );
    expect(messages).toHaveLength(3);
  });

  it("refuse search/ importing the app's configuration, database or modules beyond the catalog's rules", async () => {
    const messages = await restricted(
      "search/probe.ts",
      'import { config } from "~/config.server";\nimport { db } from "~/db/client.server";\nimport { setStock } from "~/modules/catalog/stock.server";\nexport const x = [config, db, setStock];\n',
    );
    expect(messages).toHaveLength(3);
  });

  it("allow what each layer may use", async () => {
    expect(await restricted("app/routes/probe.tsx", 'import { productPage } from "~/modules/catalog/catalog.server";\nexport const x = productPage;\n')).toEqual([]);
    expect(await restricted("app/modules/orders/probe.server.ts", 'import { db } from "~/db/client.server";\nexport const x = db;\n')).toEqual([]);
    expect(
      await restricted("search/probe.ts", 'import { visibleProducts } from "~/modules/catalog/visibility";\nimport type { Prisma } from "~/generated/prisma/client";\nexport const x: Prisma.ProductWhereInput = visibleProducts;\n'),
    ).toEqual([]);
  });
});
