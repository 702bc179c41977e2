/** Thai addresses against the dataset: the four places must belong together, in every region. */
import { describe, expect, it } from "vitest";
import { addressFieldsSchema } from "./address";
import { formatThaiAddress, provinceChoices, resolveThaiAddress, thaiAddressSchema, thaiProvinces } from "./address.server";

const person = { recipientName: "สมใจ ใจดี", phone: "081 234 5678", line: "99/9 หมู่ 5" };

async function issues(input: Record<string, string>) {
  const result = await thaiAddressSchema.safeParseAsync({ ...person, ...input });
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("a Thai address", () => {
  it("is accepted from every region, Bangkok's khet and khwaeng included, and stored with the dataset's names", async () => {
    const good = [
      { province: "กรุงเทพมหานคร", district: "ปทุมวัน", subdistrict: "ลุมพินี", postcode: "10330" },
      { province: "เชียงใหม่", district: "เมืองเชียงใหม่", subdistrict: "ศรีภูมิ", postcode: "50200" },
      { province: "ขอนแก่น", district: "ชนบท", subdistrict: "ชนบท", postcode: "40180" },
      { province: "สงขลา", district: "หาดใหญ่", subdistrict: "หาดใหญ่", postcode: "90110" },
      { province: "ชลบุรี", district: "บางละมุง", subdistrict: "หนองปรือ", postcode: "20150" },
      { province: "นครราชสีมา", district: "เฉลิมพระเกียรติ", subdistrict: "ท่าช้าง", postcode: "30230" },
    ];
    for (const places of good) {
      const parsed = await thaiAddressSchema.parseAsync({ ...person, ...places });
      expect(parsed).toEqual({ ...person, phone: "0812345678", ...places });
    }
  });

  it("forgives how people write the places: prefixes, กทม, English names", async () => {
    const bangkok = await thaiAddressSchema.parseAsync({ ...person, province: "กทม.", district: "เขตปทุมวัน", subdistrict: "แขวงลุมพินี", postcode: "10330" });
    expect([bangkok.province, bangkok.district, bangkok.subdistrict]).toEqual(["กรุงเทพมหานคร", "ปทุมวัน", "ลุมพินี"]);
    const upcountry = await resolveThaiAddress({ province: "จ.เชียงใหม่", district: "อ.เมืองเชียงใหม่", subdistrict: "ต.ศรีภูมิ", postcode: "50200" });
    expect(upcountry).toEqual({ ok: true, places: { province: "เชียงใหม่", district: "เมืองเชียงใหม่", subdistrict: "ศรีภูมิ", postcode: "50200" } });
    const english = await resolveThaiAddress({ province: "chiang mai", district: "Mueang Chiang Mai", subdistrict: "Si Phum", postcode: "50200" });
    expect(english).toEqual(upcountry);
  });

  it("refuses a postcode that does not serve its subdistrict", async () => {
    expect(await issues({ province: "เชียงใหม่", district: "เมืองเชียงใหม่", subdistrict: "ศรีภูมิ", postcode: "50100" })).toEqual([["postcode", "address.errors.postcodeMismatch"]]);
    expect(await issues({ province: "กรุงเทพมหานคร", district: "ปทุมวัน", subdistrict: "ลุมพินี", postcode: "10110" })).toEqual([["postcode", "address.errors.postcodeMismatch"]]);
  });

  it("refuses a subdistrict of another district, and a district of another province", async () => {
    // ลุมพินี is in Bangkok's ปทุมวัน, not in เมืองเชียงใหม่.
    expect(await issues({ province: "เชียงใหม่", district: "เมืองเชียงใหม่", subdistrict: "ลุมพินี", postcode: "50200" })).toEqual([["subdistrict", "address.errors.subdistrictNotInDistrict"]]);
    // ศรีภูมิ is also a subdistrict elsewhere, but not in หาดใหญ่.
    expect(await issues({ province: "สงขลา", district: "หาดใหญ่", subdistrict: "ศรีภูมิ", postcode: "90110" })).toEqual([["subdistrict", "address.errors.subdistrictNotInDistrict"]]);
    expect(await issues({ province: "เชียงใหม่", district: "หาดใหญ่", subdistrict: "หาดใหญ่", postcode: "90110" })).toEqual([["district", "address.errors.districtNotInProvince"]]);
    expect(await issues({ province: "แอตแลนติส", district: "หาดใหญ่", subdistrict: "หาดใหญ่", postcode: "90110" })).toEqual([["province", "address.errors.provinceUnknown"]]);
  });

  it("checks the shape first, in the browser too: required fields, a 5-digit postcode, a Thai phone", () => {
    const result = addressFieldsSchema.safeParse({ recipientName: " ", phone: "12345", line: "99", province: "ขอนแก่น", district: "ชนบท", subdistrict: "ชนบท", postcode: "4018" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["recipientName", "errors.required"],
      ["phone", "address.errors.phone"],
      ["postcode", "address.errors.postcodeFormat"],
    ]);
  });

  it("formats for a parcel label, with แขวง and เขต in Bangkok", () => {
    expect(formatThaiAddress({ line: "99/9", subdistrict: "ลุมพินี", district: "ปทุมวัน", province: "กรุงเทพมหานคร", postcode: "10330" })).toBe(
      "99/9 แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร 10330",
    );
  });
});

describe("the cascade's data", () => {
  it("lists the 77 provinces, and one province's districts with their subdistricts and postcodes", async () => {
    expect(await thaiProvinces()).toHaveLength(77);
    const khonKaen = await provinceChoices("Khon Kaen");
    expect(khonKaen?.province).toEqual({ th: "ขอนแก่น", en: "Khon Kaen" });
    const chonnabot = khonKaen?.districts.find((district) => district.th === "ชนบท");
    expect(chonnabot?.subdistricts.find((subdistrict) => subdistrict.th === "ชนบท")?.postcodes).toEqual(["40180"]);
    expect(await provinceChoices("Narnia")).toBeNull();
  });

  it("lists a subdistrict served by two postcodes once, with both", async () => {
    const bangkok = await provinceChoices("กรุงเทพมหานคร");
    const twice = bangkok!.districts.flatMap((district) => district.subdistricts).filter((subdistrict) => subdistrict.postcodes.length > 1);
    expect(twice.length).toBeGreaterThan(0);
    for (const district of bangkok!.districts) expect(new Set(district.subdistricts.map((s) => s.th)).size).toBe(district.subdistricts.length);
  });
});
