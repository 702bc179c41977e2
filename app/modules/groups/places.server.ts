/**
 * Where a group is: province, district (อำเภอ) and subdistrict (ตำบล) from the Thai address
 * dataset (thai-address-universal), never typed freely, and the Province row a group points at.
 * The pickers in the browser ask for one level at a time; the server checks that the three
 * belong together before anything is saved, whatever the browser sent.
 */
import { getDistricts, getProvinces, getSubDistricts, validateAddress } from "thai-address-universal";
import type { Client } from "~/db/transaction.server";
import { provinceSlugOf } from "./provinces";

export interface Place {
  nameTh: string;
  nameEn: string;
}

export interface Location {
  province: Place;
  district: Place;
  subdistrict: Place;
}

export type LocationField = "province" | "district" | "subdistrict";

/** The three parts do not exist or do not belong together; `field` is the first one that fails. */
export class InvalidLocationError extends Error {
  readonly name = "InvalidLocationError";
  constructor(readonly field: LocationField) {
    super(`Location: ${field} does not belong`);
  }
}

const byThaiName = (a: Place, b: Place) => a.nameTh.localeCompare(b.nameTh, "th");
const place = (entry: { nameTh: string; nameEn: string }): Place => ({ nameTh: entry.nameTh, nameEn: entry.nameEn });

export async function provinceChoices(): Promise<Place[]> {
  return (await getProvinces()).map(place).sort(byThaiName);
}

async function provinceCode(provinceTh: string) {
  return (await getProvinces()).find((entry) => entry.nameTh === provinceTh)?.code ?? null;
}

/** The districts of a province (by its Thai name); empty for an unknown province. */
export async function districtChoices(provinceTh: string): Promise<Place[]> {
  const code = await provinceCode(provinceTh);
  return code ? (await getDistricts(code)).map(place).sort(byThaiName) : [];
}

// Some district names repeat across provinces (five are called เฉลิมพระเกียรติ), so a district
// is found by its code within its province, never by name alone.
async function districtEntry(provinceTh: string, districtTh: string) {
  const code = await provinceCode(provinceTh);
  if (!code) return null;
  return (await getDistricts(code)).find((entry) => entry.nameTh === districtTh) ?? null;
}

/** The subdistricts of a district of a province; empty when they do not belong together. */
export async function subdistrictChoices(provinceTh: string, districtTh: string): Promise<Place[]> {
  const district = await districtEntry(provinceTh, districtTh);
  return district ? (await getSubDistricts(district.code)).map(place).sort(byThaiName) : [];
}

/** The location with both languages' names, after checking that its parts belong together. */
export async function checkLocation(input: { province: string; district: string; subdistrict: string }): Promise<Location> {
  const provinces = await getProvinces();
  const province = provinces.find((entry) => entry.nameTh === input.province);
  if (!province) throw new InvalidLocationError("province");
  const district = await districtEntry(input.province, input.district);
  if (!district) throw new InvalidLocationError("district");
  const subdistrict = (await getSubDistricts(district.code)).find((entry) => entry.nameTh === input.subdistrict);
  if (!subdistrict) throw new InvalidLocationError("subdistrict");
  // The dataset's own check as well: the same chain, by its rules.
  const checked = await validateAddress({ province: province.nameTh, district: district.nameTh, subDistrict: subdistrict.nameTh });
  if (!checked.valid) throw new InvalidLocationError("subdistrict");
  return { province: place(province), district: place(district), subdistrict: place(subdistrict) };
}

/** The Province row for a checked province, made the first time a group from there applies. */
export async function provinceRow(client: Client, province: Place): Promise<{ id: string; slug: string }> {
  return client.province.upsert({
    where: { nameTh: province.nameTh },
    create: { slug: provinceSlugOf(province.nameEn), nameTh: province.nameTh, nameEn: province.nameEn },
    update: {},
    select: { id: true, slug: true },
  });
}
