/**
 * Province, district and subdistrict as three lists from the Thai address dataset, each filled
 * when the one before is chosen. With JavaScript the next list is fetched from /places at once;
 * without it, the "show districts" button posts the form back and the page returns with the
 * next list filled (the server knows the lists for whatever was chosen).
 */
import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-lang";
import { pick } from "~/i18n/localized";

export interface PlaceOption {
  nameTh: string;
  nameEn: string;
}

interface Props {
  provinces: PlaceOption[];
  districts: PlaceOption[];
  subdistricts: PlaceOption[];
  value: { province: string; district: string; subdistrict: string };
  errors: { province?: string; district?: string; subdistrict?: string };
  /** The button that asks the server for the next list when JavaScript is off. */
  refreshIntent: string;
}

async function placesOf(query: Record<string, string>): Promise<PlaceOption[]> {
  const response = await fetch(`/places?${new URLSearchParams(query)}`);
  if (!response.ok) return [];
  return ((await response.json()) as { places: PlaceOption[] }).places;
}

export function PlacePicker({ provinces, districts: initialDistricts, subdistricts: initialSubdistricts, value, errors, refreshIntent }: Props) {
  const { t, lang } = useT();
  const [province, setProvince] = useState(value.province);
  const [district, setDistrict] = useState(value.district);
  const [subdistrict, setSubdistrict] = useState(value.subdistrict);
  const [districts, setDistricts] = useState(initialDistricts);
  const [subdistricts, setSubdistricts] = useState(initialSubdistricts);
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);

  async function chooseProvince(next: string) {
    setProvince(next);
    setDistrict("");
    setSubdistrict("");
    setSubdistricts([]);
    setDistricts(next ? await placesOf({ province: next }) : []);
  }
  async function chooseDistrict(next: string) {
    setDistrict(next);
    setSubdistrict("");
    setSubdistricts(next ? await placesOf({ province, district: next }) : []);
  }

  const list = (name: "province" | "district" | "subdistrict", label: string, options: PlaceOption[], current: string, onChange: (value: string) => void) => (
    <div className="field">
      <label htmlFor={`place-${name}`}>{label}</label>
      <select
        id={`place-${name}`}
        name={name}
        value={current}
        onChange={(event) => onChange(event.target.value)}
        required
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `place-${name}-error` : undefined}
      >
        <option value="">{t("apply.choose")}</option>
        {options.map((option) => (
          <option key={option.nameTh} value={option.nameTh}>
            {pick(lang, option.nameTh, option.nameEn)}
          </option>
        ))}
      </select>
      {errors[name] ? (
        <p id={`place-${name}-error`} className="field-error" role="alert">
          {t(errors[name]!)}
        </p>
      ) : null}
    </div>
  );

  return (
    <fieldset className="fieldset">
      <legend>{t("apply.place.where")}</legend>
      {list("province", t("apply.place.province"), provinces, province, (next) => void chooseProvince(next))}
      {list("district", t("apply.place.district"), districts, district, (next) => void chooseDistrict(next))}
      {list("subdistrict", t("apply.place.subdistrict"), subdistricts, subdistrict, setSubdistrict)}
      {scripted ? null : (
        <button type="submit" name="intent" value={refreshIntent} className="button secondary small" formNoValidate>
          {t("apply.place.refresh")}
        </button>
      )}
    </fieldset>
  );
}
