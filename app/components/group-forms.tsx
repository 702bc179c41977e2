/**
 * The forms in which a group tells the store about itself: names and story, place, people and
 * committee, contacts, payout details. The application page shows them one step at a time; the
 * profile page of a verified group shows them together. Each posts its intent with its button.
 */
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/forms";
import { FormErrors, SelectField, TextAreaField, TextField, useIntentForm } from "~/components/form-fields";
import { PlacePicker, type PlaceOption } from "~/components/place-picker";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { COMMITTEE_MAX, committeeRoles, detailsIntents } from "~/modules/groups/application-form";
import { thaiBanks } from "~/modules/groups/rules";

type Result = SubmissionResult<string[]> | undefined;

function SaveButton({ intent, label }: { intent: string; label?: string }) {
  const { t } = useT();
  return (
    <button type="submit" name="intent" value={intent} className="button">
      {label ?? t("apply.saveNext")}
    </button>
  );
}

function FormCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="form-card" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export interface GroupDetails {
  nameTh: string;
  nameEn: string;
  storyTh: string;
  storyEn: string;
  villageTh: string;
  villageEn: string;
  tambonTh: string;
  amphoeTh: string;
  province: { nameTh: string; nameEn: string };
  foundedYear: number;
  memberCount: number;
  communitySage: string;
  committee: { role: string; name: string }[];
  phone: string | null;
  lineId: string | null;
  facebookPage: string | null;
  promptPayId: string | null;
  payoutBankCode: string | null;
  payoutAccountNo: string | null;
  payoutAccountName: string | null;
}

export function NamesForm({ group, lastResult, button }: { group: GroupDetails; lastResult: Result; button?: string }) {
  const { t } = useT();
  const { form, fields, formProps } = useIntentForm("names", detailsIntents.names, {
    lastResult,
    defaultValue: { nameTh: group.nameTh, nameEn: group.nameEn, storyTh: group.storyTh, storyEn: group.storyEn },
  });
  return (
    <FormCard title={t("apply.steps.names")}>
      <Form method="post" className="stack" {...formProps}>
        <CsrfInput />
        <FormErrors errors={form.errors} />
        <TextField meta={fields.nameTh} label={t("apply.names.nameTh")} hint={t("apply.names.nameThHint")} />
        <TextField meta={fields.nameEn} label={t("apply.names.nameEn")} hint={t("apply.optional")} lang="en" />
        <TextAreaField meta={fields.storyTh} label={t("apply.names.storyTh")} hint={t("apply.names.storyHint")} rows={6} />
        <TextAreaField meta={fields.storyEn} label={t("apply.names.storyEn")} hint={t("apply.optional")} rows={4} />
        <SaveButton intent="save-names" label={button} />
      </Form>
    </FormCard>
  );
}

export function PlaceForm({
  places,
  lastResult,
  button,
}: {
  places: { provinces: PlaceOption[]; districts: PlaceOption[]; subdistricts: PlaceOption[]; value: { village: string; villageEn: string; province: string; district: string; subdistrict: string } };
  lastResult: Result;
  button?: string;
}) {
  const { t } = useT();
  const { form, fields, formProps } = useIntentForm("place", detailsIntents.place, {
    lastResult,
    defaultValue: { village: places.value.village, villageEn: places.value.villageEn },
  });
  return (
    <FormCard title={t("apply.steps.place")}>
      <Form method="post" className="stack" {...formProps}>
        <CsrfInput />
        <FormErrors errors={form.errors} />
        <TextField meta={fields.village} label={t("apply.place.village")} hint={t("apply.place.villageHint")} />
        <TextField meta={fields.villageEn} label={t("apply.place.villageEn")} hint={t("apply.optional")} lang="en" />
        <PlacePicker
          provinces={places.provinces}
          districts={places.districts}
          subdistricts={places.subdistricts}
          value={places.value}
          errors={{ province: fields.province.errors?.[0], district: fields.district.errors?.[0], subdistrict: fields.subdistrict.errors?.[0] }}
          refreshIntent="pick-place"
        />
        <SaveButton intent="save-place" label={button} />
      </Form>
    </FormCard>
  );
}

/** Rows for the committee: those already named and a few empty ones (no JavaScript needed to add one). */
const EMPTY_ROWS = 3;

export function PeopleForm({ group, lastResult, button }: { group: GroupDetails; lastResult: Result; button?: string }) {
  const { t } = useT();
  const { form, fields, formProps } = useIntentForm("people", detailsIntents.people, {
    lastResult,
    defaultValue: {
      foundedYear: group.foundedYear > 0 ? String(group.foundedYear) : "",
      memberCount: group.memberCount > 0 ? String(group.memberCount) : "",
      communitySage: group.communitySage,
    },
  });
  const rows = [...group.committee, ...Array.from({ length: EMPTY_ROWS }, () => ({ role: "OTHER", name: "" }))].slice(0, COMMITTEE_MAX);
  return (
    <FormCard title={t("apply.steps.people")}>
      <Form method="post" className="stack" {...formProps}>
        <CsrfInput />
        <FormErrors errors={form.errors} />
        <TextField meta={fields.foundedYear} label={t("apply.people.foundedYear")} hint={t("apply.people.foundedYearHint")} inputMode="numeric" />
        <TextField meta={fields.memberCount} label={t("apply.people.memberCount")} inputMode="numeric" />
        <TextField meta={fields.communitySage} label={t("apply.people.sage")} hint={t("apply.people.sageHint")} />
        <fieldset className="fieldset">
          <legend>{t("apply.people.committee")}</legend>
          <p className="hint">{t("apply.people.committeeHint")}</p>
          <ol className="committee-rows">
            {rows.map((row, index) => (
              <li key={index} className="committee-row">
                <label>
                  <span className="visually-hidden">{t("apply.people.memberRole", { number: index + 1 })}</span>
                  <select name={`committee[${index}].role`} defaultValue={row.role}>
                    {committeeRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`group.roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span className="visually-hidden">{t("apply.people.memberName", { number: index + 1 })}</span>
                  <input name={`committee[${index}].name`} defaultValue={row.name} maxLength={120} placeholder={t("apply.people.namePlaceholder")} />
                </label>
              </li>
            ))}
          </ol>
        </fieldset>
        <SaveButton intent="save-people" label={button} />
      </Form>
    </FormCard>
  );
}

export function ContactsForm({ group, lastResult, button }: { group: GroupDetails; lastResult: Result; button?: string }) {
  const { t } = useT();
  const { form, fields, formProps } = useIntentForm("contacts", detailsIntents.contacts, {
    lastResult,
    defaultValue: { phone: group.phone ?? "", lineId: group.lineId ?? "", facebookPage: group.facebookPage ?? "" },
  });
  return (
    <FormCard title={t("apply.steps.contacts")}>
      <Form method="post" className="stack" {...formProps}>
        <CsrfInput />
        <FormErrors errors={form.errors} />
        <TextField meta={fields.phone} label={t("apply.contacts.phone")} hint={t("apply.contacts.phoneHint")} type="tel" autoComplete="tel" />
        <TextField meta={fields.lineId} label={t("apply.contacts.lineId")} hint={t("apply.optional")} />
        <TextField meta={fields.facebookPage} label={t("apply.contacts.facebook")} hint={t("apply.contacts.facebookHint")} />
        <SaveButton intent="save-contacts" label={button} />
      </Form>
    </FormCard>
  );
}

export function PayoutForm({ group, lastResult, button, note }: { group: GroupDetails; lastResult: Result; button?: string; note?: string }) {
  const { t, lang } = useT();
  const { form, fields, formProps } = useIntentForm("payout", detailsIntents.payout, {
    lastResult,
    defaultValue: {
      promptPayId: group.promptPayId ?? "",
      bankCode: group.payoutBankCode ?? "",
      accountNo: group.payoutAccountNo ?? "",
      accountName: group.payoutAccountName ?? "",
    },
  });
  return (
    <FormCard title={t("apply.steps.payout")}>
      <Form method="post" className="stack" {...formProps}>
        <CsrfInput />
        <p className="hint">{note ?? t("apply.payout.intro")}</p>
        <FormErrors errors={form.errors} />
        <TextField meta={fields.promptPayId} label={t("apply.payout.promptPay")} hint={t("apply.payout.promptPayHint")} inputMode="numeric" />
        <fieldset className="fieldset">
          <legend>{t("apply.payout.bank")}</legend>
          <SelectField
            meta={fields.bankCode}
            label={t("apply.payout.bankName")}
            placeholder={t("apply.payout.noBank")}
            options={thaiBanks.map((bank) => ({ value: bank.code, label: `${pick(lang, bank.th, bank.en)} (${bank.digits} ${t("apply.payout.digits")})` }))}
          />
          <TextField meta={fields.accountNo} label={t("apply.payout.accountNo")} inputMode="numeric" />
          <TextField meta={fields.accountName} label={t("apply.payout.accountName")} />
        </fieldset>
        <SaveButton intent="save-payout" label={button} />
      </Form>
    </FormCard>
  );
}
