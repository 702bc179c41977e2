import { describe, expect, it } from "vitest";
import { provincesInRegionOf, regionOf } from "./regions";

describe("regions", () => {
  it("knows the seeded provinces' regions", () => {
    expect(regionOf("khon-kaen")).toBe("northeast");
    expect(regionOf("si-sa-ket")).toBe("northeast");
    expect(regionOf("chiang-mai")).toBe("north");
    expect(regionOf("narathiwat")).toBe("south");
    expect(regionOf("samut-songkhram")).toBe("central");
  });

  it("lists neighbours in the same region, and only the province itself when unknown", () => {
    expect(provincesInRegionOf("kalasin")).toContain("khon-kaen");
    expect(provincesInRegionOf("kalasin")).not.toContain("chiang-mai");
    expect(provincesInRegionOf("atlantis")).toEqual(["atlantis"]);
  });
});
