import { describe, expect, it } from "vitest";
import { hasGroupRole } from "./permissions";

describe("hasGroupRole", () => {
  const memberships = [
    { groupId: "weavers", role: "MANAGER" as const },
    { groupId: "rice", role: "MEMBER" as const },
  ];
  it("grants the role held and every lower one", () => {
    expect(hasGroupRole(memberships, "weavers", "MANAGER")).toBe(true);
    expect(hasGroupRole(memberships, "weavers", "MEMBER")).toBe(true);
  });
  it("refuses a higher role than held", () => {
    expect(hasGroupRole(memberships, "weavers", "OWNER")).toBe(false);
    expect(hasGroupRole(memberships, "rice", "MANAGER")).toBe(false);
  });
  it("never grants rights in a group the user does not belong to", () => {
    expect(hasGroupRole(memberships, "silver", "MEMBER")).toBe(false);
    expect(hasGroupRole([], "weavers", "MEMBER")).toBe(false);
  });
});
