import { describe, expect, it } from "vitest";
import { hasGroupRole, mayConfirmPayments } from "./permissions";

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

describe("mayConfirmPayments", () => {
  it("lets managers, owners and the member in the treasurer's seat confirm", () => {
    expect(mayConfirmPayments([{ groupId: "rice", role: "MANAGER" }], "rice")).toBe(true);
    expect(mayConfirmPayments([{ groupId: "rice", role: "OWNER", committeeRole: null }], "rice")).toBe(true);
    expect(mayConfirmPayments([{ groupId: "rice", role: "MEMBER", committeeRole: "TREASURER" }], "rice")).toBe(true);
  });
  it("refuses a plain member, another committee seat, and the treasurer of another group", () => {
    expect(mayConfirmPayments([{ groupId: "rice", role: "MEMBER" }], "rice")).toBe(false);
    expect(mayConfirmPayments([{ groupId: "rice", role: "MEMBER", committeeRole: "CHAIR" }], "rice")).toBe(false);
    expect(mayConfirmPayments([{ groupId: "weavers", role: "MEMBER", committeeRole: "TREASURER" }, { groupId: "rice", role: "MEMBER" }], "rice")).toBe(false);
  });
});
