/**
 * The address fieldset without JavaScript (server-rendered: plain text fields with the names the
 * server checks) and its cascade rules (what the pickers do once JavaScript has loaded).
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { translator } from "~/i18n/i18n";
import type { ProvinceChoices } from "~/modules/addresses/address";
import { choose, postcodesOf, settle, subdistrictsOf, type CascadeState } from "./address-cascade";
import { AddressFields, type AddressFieldsMeta } from "./address-fields";

// The page's language normally comes from the router's location.
vi.mock("~/i18n/use-lang", () => ({ useT: () => ({ t: translator("th"), lang: "th" }) }));

function meta(values: Record<string, string>, errors: Record<string, string> = {}): AddressFieldsMeta {
  const field = (name: string) => ({ id: `f-${name}`, name: `address.${name}`, errorId: `f-${name}-error`, initialValue: values[name], errors: errors[name] ? [errors[name]] : undefined });
  return {
    recipientName: field("recipientName"),
    phone: field("phone"),
    line: field("line"),
    subdistrict: field("subdistrict"),
    district: field("district"),
    province: field("province"),
    postcode: field("postcode"),
  };
}

describe("the address fieldset without JavaScript", () => {
  it("is seven labelled text fields that post under the form's names, keeping what was typed", () => {
    const html = renderToString(<AddressFields fields={meta({ province: "ขอนแก่น", district: "ชนบท", postcode: "40180" })} legend="ที่อยู่จัดส่ง" />);
    expect(html).not.toContain("<select");
    const names = [...html.matchAll(/<input[^>]* name="([^"]+)"/g)].map((match) => match[1]);
    expect(names).toEqual(["address.recipientName", "address.phone", "address.line", "address.province", "address.district", "address.subdistrict", "address.postcode"]);
    expect(html).toMatch(/name="address.province"[^>]*value="ขอนแก่น"/);
    expect(html).toMatch(/name="address.postcode"[^>]*value="40180"/);
    expect(html).toContain('<label for="f-district">อำเภอ / เขต</label>');
    // Browsers fill these from the person's saved addresses.
    expect(html).toMatch(/name="address.province"[^>]*autoComplete="address-level1"/);
    expect(html).toMatch(/name="address.postcode"[^>]*autoComplete="postal-code"[^>]*inputMode="numeric"/);
  });

  it("shows the server's errors in the page's language, tied to their fields", () => {
    const html = renderToString(<AddressFields fields={meta({}, { subdistrict: "address.errors.subdistrictNotInDistrict", postcode: "address.errors.postcodeMismatch" })} />);
    expect(html).toContain("ตำบลนี้ไม่อยู่ในอำเภอที่เลือก");
    expect(html).toContain("รหัสไปรษณีย์ไม่ตรงกับตำบล");
    expect(html).toMatch(/id="f-subdistrict"[^>]*aria-invalid="true"[^>]*aria-describedby="f-subdistrict-error"/);
  });
});

const khonKaen: ProvinceChoices = {
  province: { th: "ขอนแก่น", en: "Khon Kaen" },
  districts: [
    { th: "ชนบท", en: "Chonnabot", subdistricts: [{ th: "ชนบท", en: "Chonnabot", postcodes: ["40180"] }, { th: "ศรีบุญเรือง", en: "Si Bun Rueang", postcodes: ["40180"] }] },
    { th: "เมืองขอนแก่น", en: "Mueang Khon Kaen", subdistricts: [{ th: "ในเมือง", en: "Nai Mueang", postcodes: ["40000", "40001"] }] },
  ],
};
const empty: CascadeState = { province: "", district: "", subdistrict: "", postcode: "" };

describe("the cascade", () => {
  it("clears what lies below a changed province or district", () => {
    const full = { province: "ขอนแก่น", district: "ชนบท", subdistrict: "ชนบท", postcode: "40180" };
    expect(choose(full, "province", "เชียงใหม่", khonKaen)).toEqual({ ...empty, province: "เชียงใหม่" });
    expect(choose(full, "district", "เมืองขอนแก่น", khonKaen)).toEqual({ ...empty, province: "ขอนแก่น", district: "เมืองขอนแก่น" });
    expect(choose(full, "province", "ขอนแก่น", khonKaen)).toBe(full);
  });

  it("fills the postcode from the subdistrict; of two postcodes it keeps a typed one that fits", () => {
    const district = { ...empty, province: "ขอนแก่น", district: "ชนบท" };
    expect(choose(district, "subdistrict", "ศรีบุญเรือง", khonKaen).postcode).toBe("40180");
    const city = { ...empty, province: "ขอนแก่น", district: "เมืองขอนแก่น" };
    expect(choose(city, "subdistrict", "ในเมือง", khonKaen).postcode).toBe("40000");
    expect(choose({ ...city, postcode: "40001" }, "subdistrict", "ในเมือง", khonKaen).postcode).toBe("40001");
    expect(postcodesOf(khonKaen, "Chonnabot", "chonnabot")).toEqual(["40180"]);
  });

  it("settles typed names (English, or before the pickers came) on the dataset's Thai names", () => {
    expect(settle({ province: "Khon Kaen", district: "Chonnabot", subdistrict: "si bun rueang", postcode: "40180" }, khonKaen)).toEqual({
      province: "ขอนแก่น",
      district: "ชนบท",
      subdistrict: "ศรีบุญเรือง",
      postcode: "40180",
    });
    expect(settle({ ...empty, province: "ขอนแก่น", district: "ไม่มีอำเภอนี้" }, khonKaen).district).toBe("ไม่มีอำเภอนี้");
    expect(subdistrictsOf(khonKaen, "ไม่มีอำเภอนี้")).toEqual([]);
  });
});
