/**
 * The address pickers' data: plain JSON a browser's fetch reads, cached for a day; a place that
 * does not exist gives an empty list, never an error.
 */
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/places";

async function places(query: string) {
  const response = (await loader({ request: new Request(`http://test.local/places?${query}`), params: {}, context: {} } as never)) as Response;
  return { response, body: (await response.json()) as { places: { nameTh: string }[] } };
}

describe("/places", () => {
  it("answers provinces, a province's districts and a district's subdistricts as cacheable JSON", async () => {
    const provinces = await places("");
    expect(provinces.response).toBeInstanceOf(Response);
    expect(provinces.response.headers.get("Content-Type")).toContain("application/json");
    expect(provinces.response.headers.get("Cache-Control")).toBe("public, max-age=86400");
    expect(provinces.body.places.map((place) => place.nameTh)).toContain("ขอนแก่น");
    const districts = await places(new URLSearchParams({ province: "ขอนแก่น" }).toString());
    expect(districts.body.places.map((place) => place.nameTh)).toContain("ชนบท");
    const subdistricts = await places(new URLSearchParams({ province: "ขอนแก่น", district: "ชนบท" }).toString());
    expect(subdistricts.body.places.map((place) => place.nameTh)).toContain("ชนบท");
  });

  it("gives an empty list for a place that does not exist", async () => {
    expect((await places(new URLSearchParams({ province: "ไม่มีจังหวัดนี้" }).toString())).body.places).toEqual([]);
  });
});
