/** /api/address: the cascade's data, one province at a time, cacheable, never a 500 for odd input. */
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/api.address";

const get = (query = "") => loader({ request: new Request(`http://t/api/address${query}`), params: {}, context: { clientAddress: "127.0.0.1" } }) as Promise<Response>;

describe("/api/address", () => {
  it("lists the provinces, cacheable for a day", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toContain("max-age=86400");
    const body = (await response.json()) as { provinces: { th: string; en: string }[] };
    expect(body.provinces).toHaveLength(77);
    expect(body.provinces).toContainEqual({ th: "กรุงเทพมหานคร", en: "Bangkok" });
  });

  it("gives one province's districts, subdistricts and postcodes, by Thai or English name", async () => {
    const response = await get(`?province=${encodeURIComponent("กรุงเทพมหานคร")}`);
    const bangkok = (await response.json()) as { province: { th: string }; districts: { th: string; subdistricts: { th: string; postcodes: string[] }[] }[] };
    expect(bangkok.province.th).toBe("กรุงเทพมหานคร");
    expect(bangkok.districts).toHaveLength(50);
    const pathumWan = bangkok.districts.find((district) => district.th === "ปทุมวัน")!;
    expect(pathumWan.subdistricts.find((subdistrict) => subdistrict.th === "ลุมพินี")?.postcodes).toEqual(["10330"]);
    // Small enough to fetch on a phone when the province is chosen.
    expect(JSON.stringify(bangkok).length).toBeLessThan(20_000);
    expect((await (await get("?province=Khon%20Kaen")).json()).province.th).toBe("ขอนแก่น");
  });

  it("answers 404 for an unknown or absurd province", async () => {
    expect((await get("?province=Narnia")).status).toBe(404);
    expect((await get(`?province=${"x".repeat(500)}`)).status).toBe(404);
    expect((await get("?province=")).status).toBe(404);
  });
});
