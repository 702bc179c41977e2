import { describe, expect, it } from "vitest";
import { runWorkflow, step } from "./workflow.server";

describe("runWorkflow", () => {
  it("passes each step's output to the next and returns the last", async () => {
    const result = await runWorkflow<number>("sum", [step("double", async (n: number) => n * 2), step("add one", async (n: number) => n + 1)], 20);
    expect(result).toBe(41);
  });

  it("undoes the steps already done, newest first, when a later step fails, and rethrows", async () => {
    const log: string[] = [];
    const steps = [
      step("charge", async () => (log.push("charge"), "ch_1"), async (id) => void log.push(`refund ${id}`)),
      step("reserve", async () => (log.push("reserve"), "r_1"), async (id) => void log.push(`release ${id}`)),
      step("write order", async () => {
        throw new Error("database gone");
      }),
    ];
    await expect(runWorkflow("place order", steps)).rejects.toThrow("database gone");
    expect(log).toEqual(["charge", "reserve", "release r_1", "refund ch_1"]);
  });

  it("keeps undoing the other steps when one compensation fails, and says which", async () => {
    const log: string[] = [];
    const messages: string[] = [];
    const steps = [
      step("first", async () => 1, async () => void log.push("undo first")),
      step("second", async () => 2, async () => {
        throw new Error("provider down");
      }),
      step("third", async () => {
        throw new Error("boom");
      }),
    ];
    await expect(runWorkflow("wf", steps, undefined, { log: (m) => messages.push(m) })).rejects.toThrow("boom");
    expect(log).toEqual(["undo first"]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('undoing "second" failed');
    expect(messages[0]).toContain("provider down");
  });
});
