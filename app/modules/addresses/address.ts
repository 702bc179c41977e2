/**
 * A Thai delivery address as a form posts it, shared by the browser and the server. This file
 * checks the shape only (required fields, lengths, a 5-digit postcode, a Thai phone); that the
 * province, district, subdistrict and postcode belong together is checked on the server against
 * the Thai address dataset (./address.server.ts), which never ships to the browser.
 *
 * For checkout and the account page:
 *   - `addressShape`: the fields' zod schemas, to spread into a form's own z.object;
 *   - `addressFieldsSchema`: those fields alone, for conform in the browser;
 *   - `checkedThaiAddress(schema)` / `thaiAddressSchema` (address.server.ts): the same plus the
 *     dataset check, async: `await parseWithZod(form, { schema, async: true })`;
 *   - `<AddressFields fields={…} />` (app/components/address-fields.tsx): the fieldset;
 *   - `normaliseThaiPhone`, `thaiPhoneSchema` (./phone.ts).
 * Stored names are the dataset's Thai names without prefixes ("ปทุมวัน", not "เขตปทุมวัน").
 */
import { z } from "zod";
import { thaiPhoneSchema } from "./phone";

export const addressLimits = { recipientName: 100, line: 200, place: 80 } as const;

/** How many addresses a buyer may keep in their account. */
export const MAX_SAVED_ADDRESSES = 10;

const requiredText = (max: number) =>
  z.string({ message: "errors.required" }).trim().min(1, "errors.required").max(max, "address.errors.tooLong");

export const addressShape = {
  recipientName: requiredText(addressLimits.recipientName),
  phone: thaiPhoneSchema,
  /** House number, village (หมู่), soi and road: everything above the subdistrict. */
  line: requiredText(addressLimits.line),
  subdistrict: requiredText(addressLimits.place),
  district: requiredText(addressLimits.place),
  province: requiredText(addressLimits.place),
  postcode: z.string({ message: "errors.required" }).trim().min(1, "errors.required").regex(/^\d{5}$/, "address.errors.postcodeFormat"),
};

export const addressFieldsSchema = z.object(addressShape);

export type ThaiAddress = z.infer<typeof addressFieldsSchema>;
export type AddressFieldName = keyof typeof addressShape;
export const addressFieldNames = Object.keys(addressShape) as AddressFieldName[];

/** The places a form names, for the dataset check. */
export type AddressPlaces = Pick<ThaiAddress, "province" | "district" | "subdistrict" | "postcode">;

/** What the cascade route (/api/address) answers, and the fieldset reads. */
export interface PlaceName {
  th: string;
  en: string;
}
export interface ProvinceChoices {
  province: PlaceName;
  districts: (PlaceName & { subdistricts: (PlaceName & { postcodes: string[] })[] })[];
}
