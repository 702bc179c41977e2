import { beforeEach, describe, expect, it, vi } from "vitest";

// A fresh module per test: whether data is kept is process state.
beforeEach(() => vi.resetModules());

describe("reference data", () => {
  it("reads the database every time until the process keeps it", async () => {
    const { referenceData } = await import("./reference-data.server");
    const load = vi.fn(async () => ["a"]);
    await referenceData("k", load);
    await referenceData("k", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("once kept, loads once for concurrent readers, and again after it is forgotten", async () => {
    const { forgetReferenceData, keepReferenceData, referenceData } =
      await import("./reference-data.server");
    keepReferenceData();
    const load = vi.fn(async () => ["a"]);
    const [first, second] = await Promise.all([
      referenceData("k", load),
      referenceData("k", load),
    ]);
    expect(first).toBe(second);
    expect(load).toHaveBeenCalledTimes(1);
    forgetReferenceData();
    await referenceData("k", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("does not remember a failed read", async () => {
    const { keepReferenceData, referenceData } = await import(
      "./reference-data.server"
    );
    keepReferenceData();
    const load = vi
      .fn()
      .mockRejectedValueOnce(new Error("database away"))
      .mockResolvedValue(["a"]);
    await expect(referenceData("k", load)).rejects.toThrow("database away");
    await expect(referenceData("k", load)).resolves.toEqual(["a"]);
  });
});
