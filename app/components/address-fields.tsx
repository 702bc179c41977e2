/**
 * The address fieldset for checkout and the account page: recipient, phone, address line,
 * province, district, subdistrict and postcode. Without JavaScript it is seven plain text fields
 * the server checks (app/modules/addresses). With JavaScript the province, district and
 * subdistrict become pickers that cascade and the postcode fills itself; their data comes from
 * /api/address one province at a time, so the dataset never weighs on the first screen.
 *
 *   const [form, fields] = useForm({ … schema with ...addressShape … });
 *   <AddressFields fields={fields} legend={t("checkout.deliverTo")} />
 *
 * `fields` is conform's field metadata (or anything with the same id/name/errorId/initialValue/errors).
 */
import { useEffect, useState, type ReactNode } from "react";
import { useT } from "~/i18n/use-lang";
import type { AddressFieldName, PlaceName, ProvinceChoices } from "~/modules/addresses/address";
import { canonical, choose, districtsOf, settle, subdistrictsOf, type CascadeField, type CascadeState } from "./address-cascade";

export interface AddressField {
  id: string;
  name: string;
  errorId: string;
  initialValue?: unknown;
  errors?: string[];
}

export type AddressFieldsMeta = Record<AddressFieldName, AddressField>;

const initial = (field: AddressField) => (typeof field.initialValue === "string" ? field.initialValue : "");

// One fetch per province per page view, shared by every fieldset on the page.
const provinceRequests = new Map<string, Promise<ProvinceChoices | null>>();
let provinceList: Promise<PlaceName[] | null> | undefined;

function fetchJson<T>(url: string): Promise<T | null> {
  return fetch(url, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? (response.json() as Promise<T>) : null))
    .catch(() => null);
}

const loadProvinces = () => (provinceList ??= fetchJson<{ provinces: PlaceName[] }>("/api/address").then((body) => body?.provinces ?? null));
function loadProvince(province: string) {
  let request = provinceRequests.get(province);
  if (!request) provinceRequests.set(province, (request = fetchJson<ProvinceChoices>(`/api/address?province=${encodeURIComponent(province)}`)));
  return request;
}

export function AddressFields({ fields, legend }: { fields: AddressFieldsMeta; legend?: string }) {
  const { t, lang } = useT();
  const [state, setState] = useState<CascadeState>({
    province: initial(fields.province),
    district: initial(fields.district),
    subdistrict: initial(fields.subdistrict),
    postcode: initial(fields.postcode),
  });
  const [provinces, setProvinces] = useState<PlaceName[] | null>(null);
  const [choices, setChoices] = useState<ProvinceChoices | null>(null);

  useEffect(() => {
    let live = true;
    void loadProvinces().then((list) => {
      if (!live || !list) return;
      setProvinces(list);
      setState((now) => ({ ...now, province: canonical(list, now.province) }));
    });
    return () => {
      live = false;
    };
  }, []);

  const province = state.province;
  useEffect(() => {
    let live = true;
    setChoices((now) => (now?.province.th === province ? now : null));
    if (!provinces || !provinces.some((place) => place.th === province)) return;
    void loadProvince(province).then((loaded) => {
      if (!live || !loaded) return;
      setChoices(loaded);
      setState((now) => settle(now, loaded));
    });
    return () => {
      live = false;
    };
  }, [province, provinces]);

  const set = (field: CascadeField) => (value: string) => setState((now) => choose(now, field, value, choices));
  const label = (place: PlaceName) => (lang === "en" ? place.en : place.th);
  // Pickers below the province appear once its choices are loaded; the subdistrict's waits for a district.
  const districts = choices ? districtsOf(choices) : null;
  const subdistricts = choices ? (state.district ? subdistrictsOf(choices, state.district) : []) : null;

  return (
    <fieldset className="address-fields">
      {legend ? <legend>{legend}</legend> : null}
      <TextField field={fields.recipientName} label={t("address.recipientName")} autoComplete="name" />
      <TextField field={fields.phone} label={t("address.phone")} hint={t("address.phoneHint")} autoComplete="tel" type="tel" inputMode="tel" />
      <TextField field={fields.line} label={t("address.line")} hint={t("address.lineHint")} autoComplete="address-line1" />
      <PlaceField field={fields.province} label={t("address.province")} places={provinces} value={state.province} onChange={set("province")} labelOf={label} autoComplete="address-level1" />
      <PlaceField field={fields.district} label={t("address.district")} places={districts} value={state.district} onChange={set("district")} labelOf={label} autoComplete="address-level2" />
      <PlaceField field={fields.subdistrict} label={t("address.subdistrict")} places={subdistricts} value={state.subdistrict} onChange={set("subdistrict")} labelOf={label} autoComplete="address-level3" />
      <TextField field={fields.postcode} label={t("address.postcode")} autoComplete="postal-code" inputMode="numeric" maxLength={5} value={state.postcode} onChange={set("postcode")} />
    </fieldset>
  );
}

function FieldShell({ field, label, hint, children }: { field: AddressField; label: string; hint?: string; children: ReactNode }) {
  const { t } = useT();
  const error = field.errors?.[0];
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={field.errorId} className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(field: AddressField, hint?: string) {
  return [field.errors?.length ? field.errorId : null, hint ? `${field.id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

function TextField({
  field,
  label,
  hint,
  value,
  onChange,
  ...input
}: {
  field: AddressField;
  label: string;
  hint?: string;
  value?: string;
  onChange?: (value: string) => void;
  autoComplete: string;
  type?: string;
  inputMode?: "tel" | "numeric";
  maxLength?: number;
}) {
  const controlled = onChange ? { value, onChange: (event: { target: { value: string } }) => onChange(event.target.value) } : { defaultValue: initial(field) };
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <input id={field.id} name={field.name} type={input.type ?? "text"} {...input} {...controlled} aria-invalid={field.errors?.length ? true : undefined} aria-describedby={describedBy(field, hint)} />
    </FieldShell>
  );
}

/** A picker once its choices are known, a text field until then (and for good without JavaScript). */
function PlaceField(props: {
  field: AddressField;
  label: string;
  places: readonly PlaceName[] | null;
  value: string;
  onChange: (value: string) => void;
  labelOf: (place: PlaceName) => string;
  autoComplete: string;
}) {
  const { t } = useT();
  const { field, places, value } = props;
  if (!places) return <TextField field={field} label={props.label} value={value} onChange={props.onChange} autoComplete={props.autoComplete} />;
  // A value that is none of the choices (typed before the pickers came) stays visible and is posted as it is.
  const stray = value && !places.some((place) => place.th === value) ? value : null;
  const sorted = [...places].sort((a, b) => props.labelOf(a).localeCompare(props.labelOf(b), "th"));
  return (
    <FieldShell field={field} label={props.label}>
      <select
        id={field.id}
        name={field.name}
        value={value}
        onChange={(event) => props.onChange(event.target.value)}
        disabled={places.length === 0}
        autoComplete={props.autoComplete}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field)}
      >
        <option value="">{t("address.choose")}</option>
        {stray ? <option value={stray}>{stray}</option> : null}
        {sorted.map((place) => (
          <option key={place.th} value={place.th}>
            {props.labelOf(place)}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
