/**
 * The search page's filter form: query, facets with counts, availability, delivery (ships to my
 * province, pickup near me), price range and sort, all one GET form so it works without
 * JavaScript and every state is a shareable URL.
 */
import { Form, Link } from "@remix-run/react";
import { Disclosure } from "./disclosure";
import { formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import type { SearchFacets, SearchQuery } from "#search/port.ts";
import { SORTS } from "#search/port.ts";

export type FacetGroup = {
  name: "category" | "province" | "certification";
  legend: string;
  labels: { value: string; nameTh: string; nameEn: string }[];
  counts: Record<string, number>;
  selected: string[];
};

function FacetFieldset({ group }: { group: FacetGroup }) {
  const { lang } = useT();
  const selected = new Set(group.selected);
  // Values with matches, plus chosen ones (so they can be unticked even when they match nothing).
  const shown = group.labels.filter((label) => (group.counts[label.value] ?? 0) > 0 || selected.has(label.value));
  if (shown.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{group.legend}</legend>
      {shown.map((label) => {
        const id = `facet-${group.name}-${label.value}`;
        return (
          <div key={label.value} className="facet-option">
            <input type="checkbox" id={id} name={group.name} value={label.value} defaultChecked={selected.has(label.value)} />
            <label htmlFor={id}>
              {pick(lang, label.nameTh, label.nameEn)} <span className="facet-count">({formatNumber(group.counts[label.value] ?? 0, lang)})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

const toBaht = (satang: number | undefined) => (satang === undefined ? undefined : String(satang / 100));

type ProvinceLabel = { value: string; nameTh: string; nameEn: string };

function DeliveryFieldset({ query, delivery, counts, provinces }: { query: SearchQuery; delivery?: "ships" | "pickup"; counts: SearchFacets["delivery"]; provinces: ProvinceLabel[] }) {
  const { t, lang } = useT();
  return (
    <fieldset className="facet">
      <legend>{t("search.delivery")}</legend>
      <div className="field">
        <label htmlFor="search-near">{t("search.near")}</label>
        <select id="search-near" name="near" defaultValue={query.filters.near ?? ""}>
          <option value="">{t("search.nearChoose")}</option>
          {provinces.map((province) => (
            <option key={province.value} value={province.value}>
              {pick(lang, province.nameTh, province.nameEn)}
            </option>
          ))}
        </select>
      </div>
      {(
        [
          ["", t("search.deliveryAny"), null],
          ["ships", t("search.ships"), counts.ships],
          ["pickup", t("search.pickup"), query.filters.pickupIn ? counts.pickup : null],
        ] as const
      ).map(([value, label, count]) => (
        <div key={value || "any"} className="facet-option">
          <input type="radio" id={`delivery-${value || "any"}`} name="delivery" value={value} defaultChecked={(delivery ?? "") === value} />
          <label htmlFor={`delivery-${value || "any"}`}>
            {label}
            {count !== null ? <span className="facet-count"> ({formatNumber(count, lang)})</span> : null}
          </label>
        </div>
      ))}
      {delivery === "pickup" && !query.filters.pickupIn ? <p className="hint">{t("search.pickupNeedsProvince")}</p> : null}
    </fieldset>
  );
}

export function SearchFilters({
  action,
  query,
  groups,
  availability,
  delivery,
  deliveryCounts,
  provinces,
}: {
  action: string;
  query: SearchQuery;
  groups: FacetGroup[];
  availability: SearchFacets["availability"];
  /** The delivery choice in the URL ("pickup" also while its province is missing). */
  delivery?: "ships" | "pickup";
  deliveryCounts: SearchFacets["delivery"];
  provinces: ProvinceLabel[];
}) {
  const { t, lang } = useT();
  // Keyed by the URL so a client-side navigation resets the uncontrolled fields.
  const key = JSON.stringify(query);
  return (
    <Disclosure summary={t("search.filters")} className="search-disclosure">
      <Form method="get" action={action} className="search-filters" aria-label={t("search.filters")} key={key}>
        <div className="field">
          <label htmlFor="search-page-q">{t("search.label")}</label>
          <input id="search-page-q" type="search" name="q" defaultValue={query.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="search-sort">{t("search.sort")}</label>
          <select id="search-sort" name="sort" defaultValue={query.sort}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`search.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        {groups.map((group) => (
          <FacetFieldset key={group.name} group={group} />
        ))}
        <fieldset className="facet">
          <legend>{t("search.availability")}</legend>
          {(
            [
              ["", t("search.availabilityAny"), null],
              ["ready", t("search.ready"), availability.ready],
              ["made-to-order", t("search.madeToOrder"), availability["made-to-order"]],
            ] as const
          ).map(([value, label, count]) => (
            <div key={value || "any"} className="facet-option">
              <input
                type="radio"
                id={`availability-${value || "any"}`}
                name="availability"
                value={value}
                defaultChecked={(query.filters.availability ?? "") === value}
              />
              <label htmlFor={`availability-${value || "any"}`}>
                {label}
                {count !== null ? <span className="facet-count"> ({formatNumber(count, lang)})</span> : null}
              </label>
            </div>
          ))}
        </fieldset>
        <DeliveryFieldset query={query} delivery={delivery} counts={deliveryCounts} provinces={provinces} />
        <fieldset className="facet price-range">
          <legend>{t("search.price")}</legend>
          <label htmlFor="price-min" className="visually-hidden">
            {t("search.priceMin")}
          </label>
          <input id="price-min" name="min" inputMode="decimal" defaultValue={toBaht(query.filters.priceMinSatang)} size={7} />
          <span aria-hidden="true">–</span>
          <label htmlFor="price-max" className="visually-hidden">
            {t("search.priceMax")}
          </label>
          <input id="price-max" name="max" inputMode="decimal" defaultValue={toBaht(query.filters.priceMaxSatang)} size={7} />
        </fieldset>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("search.apply")}
          </button>
          <Link to={query.q ? `${action}?q=${encodeURIComponent(query.q)}` : action}>{t("search.clear")}</Link>
        </div>
      </Form>
    </Disclosure>
  );
}
