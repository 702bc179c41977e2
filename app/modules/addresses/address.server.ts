/**
 * Thai addresses against the Thai address dataset (`thai-address-universal`: 77 provinces, their
 * districts, subdistricts and postcodes, in Thai and English). Owns the rule "these four belong
 * together": the district is in the province, the subdistrict in the district, and the postcode
 * serves the subdistrict. The dataset stays on the server; browsers get one province at a time
 * from /api/address (`provinceChoices`).
 *
 * Places are looked up by the dataset's codes, not by name, because names repeat across the
 * country (several provinces have a district "เฉลิมพระเกียรติ"; looking subdistricts up by
 * district name gives the wrong list for 34 districts). Typed names are forgiving: Thai or
 * English, with or without "จังหวัด/อำเภอ/เขต/ตำบล/แขวง", and "กทม" for Bangkok; the address is
 * stored with the dataset's Thai names.
 */
import { formatAddress, getDistricts, getProvinces, getSubDistricts } from "thai-address-universal";
import { z } from "zod";
import { addressFieldsSchema, type AddressPlaces, type PlaceName, type ProvinceChoices, type ThaiAddress } from "./address";

export type AddressErrors = Partial<Record<keyof AddressPlaces, string>>;
export type ResolvedAddress = { ok: true; places: AddressPlaces } | { ok: false; errors: AddressErrors };

type Entry = { nameTh: string; nameEn: string; code: string; postalCode?: string };

const prefixes = {
  province: /^(?:จังหวัด|จ\.)\s*/,
  district: /^(?:อำเภอ|อ\.|เขต|amphoe\s+|khet\s+)/i,
  subdistrict: /^(?:ตำบล|ต\.|แขวง|tambon\s+|khwaeng\s+)/i,
};
const suffixes = /\s+(?:province|district|sub-?district)$/i;
const provinceAliases: Record<string, string> = { กทม: "10", "กทม.": "10", กรุงเทพ: "10", กรุงเทพฯ: "10", bkk: "10" };

const latinKey = (text: string) => text.toLowerCase().replace(/[\s\-.'’]/g, "");
const tidy = (text: string) => text.trim().replace(/\s+/g, " ");

/** The entry a person meant by `typed`: its Thai name, or its English one in any case, with or without the level's prefix. */
function findPlace<E extends Entry>(entries: E[], typed: string, prefix: RegExp): E | undefined {
  const plain = tidy(typed);
  for (const candidate of new Set([plain, plain.replace(prefix, ""), plain.replace(prefix, "").replace(suffixes, "")])) {
    const found = entries.find((entry) => entry.nameTh === candidate) ?? entries.find((entry) => latinKey(entry.nameEn) === latinKey(candidate));
    if (found) return found;
  }
  return undefined;
}

let provinceList: Promise<Entry[]> | undefined;
const provincesOnce = () => (provinceList ??= getProvinces());

/** Every province, by Thai name (what a picker offers first). */
export async function thaiProvinces(): Promise<PlaceName[]> {
  return (await provincesOnce()).map((entry) => ({ th: entry.nameTh, en: entry.nameEn }));
}

async function findProvince(typed: string) {
  const provinces = await provincesOnce();
  const alias = provinceAliases[tidy(typed).toLowerCase()];
  return alias ? provinces.find((entry) => entry.code === alias) : findPlace(provinces, typed, prefixes.province);
}

/** Subdistricts listed once each, with every postcode that serves them (a few have two). */
function mergedSubdistricts(entries: Entry[]) {
  const byName = new Map<string, PlaceName & { postcodes: string[] }>();
  for (const entry of entries) {
    const known = byName.get(entry.nameTh) ?? { th: entry.nameTh, en: entry.nameEn, postcodes: [] };
    if (entry.postalCode && !known.postcodes.includes(entry.postalCode)) known.postcodes.push(entry.postalCode);
    byName.set(entry.nameTh, known);
  }
  return [...byName.values()];
}

const choicesCache = new Map<string, Promise<ProvinceChoices>>();

/** A province's districts and their subdistricts with postcodes: what the cascading pickers need. Null for an unknown province. */
export async function provinceChoices(typed: string): Promise<ProvinceChoices | null> {
  const province = await findProvince(typed);
  if (!province) return null;
  let choices = choicesCache.get(province.code);
  if (!choices) {
    choices = (async () => {
      const districts = await getDistricts(province.code);
      return {
        province: { th: province.nameTh, en: province.nameEn },
        districts: await Promise.all(
          districts.map(async (district) => ({ th: district.nameTh, en: district.nameEn, subdistricts: mergedSubdistricts(await getSubDistricts(district.code)) })),
        ),
      };
    })();
    choicesCache.set(province.code, choices);
  }
  return choices;
}

/**
 * Checks that the places belong together and gives them back with the dataset's Thai names; or
 * says which field is wrong, as a dictionary key. Stops at the first place that does not fit, as
 * the ones below it cannot be judged.
 */
export async function resolveThaiAddress(places: AddressPlaces): Promise<ResolvedAddress> {
  const province = await findProvince(places.province);
  if (!province) return { ok: false, errors: { province: "address.errors.provinceUnknown" } };
  const district = findPlace(await getDistricts(province.code), places.district, prefixes.district);
  if (!district) return { ok: false, errors: { district: "address.errors.districtNotInProvince" } };
  const subdistricts = mergedSubdistricts(await getSubDistricts(district.code));
  const subdistrict = findPlace(
    subdistricts.map((entry) => ({ nameTh: entry.th, nameEn: entry.en, code: entry.th, postcodes: entry.postcodes })),
    places.subdistrict,
    prefixes.subdistrict,
  );
  if (!subdistrict) return { ok: false, errors: { subdistrict: "address.errors.subdistrictNotInDistrict" } };
  const postcode = places.postcode.trim();
  // A few uninhabited islands have no postcode in the dataset; there is nothing to compare with.
  if (subdistrict.postcodes.length > 0 && !subdistrict.postcodes.includes(postcode)) {
    return { ok: false, errors: { postcode: "address.errors.postcodeMismatch" } };
  }
  return { ok: true, places: { province: province.nameTh, district: district.nameTh, subdistrict: subdistrict.nameTh, postcode } };
}

/**
 * `schema` (whose output holds an address's fields) plus the dataset check: errors land on the
 * field at fault, and the output carries the dataset's names. Async: parse with
 * `parseWithZod(form, { schema, async: true })` or `schema.parseAsync`.
 */
export function checkedThaiAddress<T extends ThaiAddress>(schema: z.ZodType<T>) {
  return schema.transform(async (value, context) => {
    const resolved = await resolveThaiAddress(value);
    if (!resolved.ok) {
      for (const [field, message] of Object.entries(resolved.errors)) context.addIssue({ code: "custom", path: [field], message });
      return z.NEVER;
    }
    return { ...value, ...resolved.places };
  });
}

/** A whole Thai address, checked against the dataset. */
export const thaiAddressSchema = checkedThaiAddress(addressFieldsSchema);

/** One line for a parcel label: "99/9 แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร 10330" (Bangkok gets แขวง/เขต). */
export function formatThaiAddress(address: Pick<ThaiAddress, "line" | "subdistrict" | "district" | "province" | "postcode">): string {
  return formatAddress({ address: address.line, subDistrict: address.subdistrict, district: address.district, province: address.province, postalCode: address.postcode });
}
