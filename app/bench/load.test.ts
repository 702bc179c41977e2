import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { STORE_NODE_FLAGS } from "./load";

describe("the store's Node flags", () => {
  it("are the same in npm start, npm run serve and the benchmarks that start the store", () => {
    const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    for (const name of ["start", "serve"]) {
      const flags = scripts[name].split(/\s+/).filter((word) => word.startsWith("--"));
      expect(flags, `package.json scripts.${name}`).toEqual([...STORE_NODE_FLAGS]);
    }
  });
});
