/**
 * The address fieldset's cascade as plain functions (the component only wires them to state):
 * choosing a province clears the district and subdistrict below it, choosing a district clears
 * the subdistrict, and choosing a subdistrict fills its postcode. Values are the dataset's Thai
 * names whatever the page's language; labels are the page's.
 */
import type { PlaceName, ProvinceChoices } from "~/modules/addresses/address";

export interface CascadeState {
  province: string;
  district: string;
  subdistrict: string;
  postcode: string;
}

export type CascadeField = keyof CascadeState;

const same = (place: PlaceName, typed: string) => place.th === typed.trim() || place.en.toLowerCase() === typed.trim().toLowerCase();

/** The dataset's Thai name for what was typed (a Thai or English name), or what was typed when nothing matches. */
export function canonical(places: readonly PlaceName[] | undefined, typed: string): string {
  return places?.find((place) => same(place, typed))?.th ?? typed;
}

export function districtsOf(choices: ProvinceChoices | null): PlaceName[] {
  return choices?.districts ?? [];
}

export function subdistrictsOf(choices: ProvinceChoices | null, district: string) {
  return choices?.districts.find((place) => same(place, district))?.subdistricts ?? [];
}

export function postcodesOf(choices: ProvinceChoices | null, district: string, subdistrict: string): string[] {
  return subdistrictsOf(choices, district).find((place) => same(place, subdistrict))?.postcodes ?? [];
}

/** The state after the person sets `field` to `value`. */
export function choose(state: CascadeState, field: CascadeField, value: string, choices: ProvinceChoices | null): CascadeState {
  switch (field) {
    case "province":
      return value === state.province ? state : { province: value, district: "", subdistrict: "", postcode: "" };
    case "district":
      return value === state.district ? state : { ...state, district: value, subdistrict: "", postcode: "" };
    case "subdistrict": {
      const postcodes = postcodesOf(choices, state.district, value);
      // A subdistrict served by two postcodes keeps a typed one that fits, else takes the first.
      const postcode = postcodes.includes(state.postcode) ? state.postcode : (postcodes[0] ?? state.postcode);
      return { ...state, subdistrict: value, postcode };
    }
    case "postcode":
      return { ...state, postcode: value };
  }
}

/** Brings typed values (no JavaScript, or "Bangkok" on the English page) to the dataset's names once the choices are known. */
export function settle(state: CascadeState, choices: ProvinceChoices | null): CascadeState {
  if (!choices) return state;
  const district = canonical(districtsOf(choices), state.district);
  const subdistrict = canonical(subdistrictsOf(choices, district), state.subdistrict);
  return { ...state, province: choices.province.th, district, subdistrict };
}
