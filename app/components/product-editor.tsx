/**
 * The product editor's form (new product and edit pages) and its cost helper: the group types
 * what one unit costs to make and sees, at the price it chose and the platform's fee, what is
 * left per unit (รายเหลือ). The helper follows the typing in the browser; without JavaScript the
 * "work it out" button posts the form and the page answers with the same figures.
 */
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { CsrfInput } from "~/components/forms";
import { FormErrors, SelectField, TextAreaField, TextField, useIntentForm } from "~/components/form-fields";
import { formatMoney } from "~/i18n/format";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { bahtToSatang, saveProductSchema } from "~/modules/catalog/product-form";
import { priceBreakdown } from "~/modules/payouts/price-breakdown";

export interface ProductFormValues {
  titleTh: string;
  titleEn: string;
  storyTh: string;
  storyEn: string;
  category: string;
  price: string;
  unitTh: string;
  unitEn: string;
  weightGrams: string;
  stock: string;
  madeToOrder: boolean;
  leadTimeDays: string;
  capacityPerWeek: string;
  unitCost: string;
  certifications: string[];
}

interface Choice {
  slug: string;
  nameTh: string;
  nameEn: string;
}

/** Price, fee, what reaches the group, cost and surplus for one unit. */
export function CostHelper({ priceSatang, costSatang, feePercent }: { priceSatang: number | null; costSatang: number | null; feePercent: number }) {
  const { t, lang } = useT();
  if (priceSatang === null || priceSatang <= 0) return <p className="hint">{t("productEditor.cost.needPrice")}</p>;
  const breakdown = priceBreakdown({ priceSatang, platformFeePercent: feePercent });
  const surplus = costSatang === null ? null : breakdown.groupSatang - costSatang;
  return (
    <table className="table cost-table" aria-live="polite" data-testid="cost-helper">
      <tbody>
        <tr>
          <th scope="row">{t("productEditor.cost.price")}</th>
          <td>{formatMoney(priceSatang, lang)}</td>
        </tr>
        <tr>
          <th scope="row">{t("productEditor.cost.fee", { percent: feePercent })}</th>
          <td>− {formatMoney(breakdown.platformFeeSatang, lang)}</td>
        </tr>
        <tr>
          <th scope="row">{t("productEditor.cost.toGroup")}</th>
          <td>{formatMoney(breakdown.groupSatang, lang)}</td>
        </tr>
        <tr>
          <th scope="row">{t("productEditor.cost.cost")}</th>
          <td>{costSatang === null ? "—" : `− ${formatMoney(costSatang, lang)}`}</td>
        </tr>
        <tr className={surplus !== null && surplus < 0 ? "loss" : undefined}>
          <th scope="row">{t("productEditor.cost.surplus")}</th>
          <td>
            <strong>{surplus === null ? t("productEditor.cost.needCost") : formatMoney(surplus, lang)}</strong>
            {surplus !== null && surplus < 0 ? <span className="field-error"> {t("productEditor.cost.loss")}</span> : null}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function ProductEditorForm({
  values,
  categories,
  certifications,
  feePercent,
  lastResult,
  calculated,
  submitLabel,
}: {
  values: ProductFormValues;
  categories: Choice[];
  certifications: Choice[];
  feePercent: number;
  lastResult?: SubmissionResult<string[]>;
  /** The figures the server worked out for the "work it out" button. */
  calculated?: { priceSatang: number | null; costSatang: number | null };
  submitLabel: string;
}) {
  const { t, lang } = useT();
  const { form, fields, formProps } = useIntentForm("product", saveProductSchema, { lastResult, defaultValue: { ...values, madeToOrder: values.madeToOrder ? "on" : undefined } });
  const [typed, setTyped] = useState({ price: values.price, unitCost: values.unitCost });
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const live = scripted ? { priceSatang: bahtToSatang(typed.price), costSatang: typed.unitCost ? bahtToSatang(typed.unitCost) : null } : null;
  const figures = live ?? calculated ?? { priceSatang: bahtToSatang(values.price), costSatang: values.unitCost ? bahtToSatang(values.unitCost) : null };
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name === "price" || target.name === "unitCost") setTyped((now) => ({ ...now, [target.name]: target.value }));
  };
  const chosen = new Set(values.certifications);
  return (
    <Form method="post" className="stack" {...formProps} onInput={onInput}>
      <CsrfInput />
      <FormErrors errors={form.errors} />
      <fieldset className="fieldset">
        <legend>{t("productEditor.about")}</legend>
        <TextField meta={fields.titleTh} label={t("productEditor.titleTh")} />
        <TextField meta={fields.titleEn} label={t("productEditor.titleEn")} hint={t("productEditor.englishHint")} lang="en" />
        <SelectField meta={fields.category} label={t("productEditor.category")} options={categories.map((category) => ({ value: category.slug, label: pick(lang, category.nameTh, category.nameEn) }))} />
        <TextAreaField meta={fields.storyTh} label={t("productEditor.storyTh")} hint={t("productEditor.storyHint")} rows={6} />
        <TextAreaField meta={fields.storyEn} label={t("productEditor.storyEn")} hint={t("productEditor.englishHint")} rows={4} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("productEditor.selling")}</legend>
        <TextField meta={fields.price} label={t("productEditor.price")} hint={t("productEditor.priceHint")} inputMode="decimal" />
        <TextField meta={fields.unitTh} label={t("productEditor.unitTh")} hint={t("productEditor.unitHint")} />
        <TextField meta={fields.unitEn} label={t("productEditor.unitEn")} hint={t("apply.optional")} lang="en" />
        <TextField meta={fields.weightGrams} label={t("productEditor.weight")} inputMode="numeric" />
        <TextField meta={fields.stock} label={t("productEditor.stock")} hint={t("productEditor.stockHint")} inputMode="numeric" />
        <div className="check-field">
          <input id="made-to-order" type="checkbox" name="madeToOrder" defaultChecked={values.madeToOrder} key={fields.madeToOrder.key} />
          <label htmlFor="made-to-order">{t("productEditor.madeToOrder")}</label>
        </div>
        <TextField meta={fields.leadTimeDays} label={t("productEditor.leadTime")} hint={t("productEditor.leadTimeHint")} inputMode="numeric" />
        <TextField meta={fields.capacityPerWeek} label={t("productEditor.capacity")} hint={t("productEditor.capacityHint")} inputMode="numeric" />
      </fieldset>
      {certifications.length > 0 ? (
        <fieldset className="fieldset">
          <legend>{t("productEditor.certifications")}</legend>
          {certifications.map((certification) => (
            <div key={certification.slug} className="check-field">
              <input id={`cert-${certification.slug}`} type="checkbox" name="certifications" value={certification.slug} defaultChecked={chosen.has(certification.slug)} />
              <label htmlFor={`cert-${certification.slug}`}>{pick(lang, certification.nameTh, certification.nameEn)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t("productEditor.cost.title")}</legend>
        <TextField meta={fields.unitCost} label={t("productEditor.cost.unitCost")} hint={t("productEditor.cost.unitCostHint")} inputMode="decimal" />
        <CostHelper priceSatang={figures.priceSatang} costSatang={figures.costSatang} feePercent={feePercent} />
        {scripted ? null : (
          <button type="submit" name="intent" value="calculate" className="button secondary small" formNoValidate>
            {t("productEditor.cost.calculate")}
          </button>
        )}
      </fieldset>
      <button type="submit" name="intent" value="save-product" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
