import { describe, expect, it } from "vitest";
import { demoAccountsHeading } from "./start-log";

describe("the start log's demo accounts heading", () => {
  it("names the mode the store runs in", () => {
    expect(demoAccountsHeading({ NODE_ENV: "production" })).toMatch(/^Demo accounts \(production mode/);
    expect(demoAccountsHeading({ NODE_ENV: "production" })).not.toMatch(/development/);
    expect(demoAccountsHeading({ NODE_ENV: "development" })).toBe("Demo accounts (development mode)");
  });
});
