/** Parts of the application page: the start form, the step list, the status banner and the last step (check and send). */
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { FormErrors, TextAreaField, TextField, useIntentForm } from "~/components/form-fields";
import type { PlaceOption } from "~/components/place-picker";
import { formatDate } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { namesFields } from "~/modules/groups/application-form";

export type StepName = "names" | "place" | "people" | "contacts" | "payout" | "documents" | "review";
const steps: StepName[] = ["names", "place", "people", "contacts", "payout", "documents", "review"];

type Result = SubmissionResult<string[]> | undefined;

const startSchema = z.object({ intent: z.literal("start"), ...namesFields, province: z.string({ message: "apply.errors.required" }).max(100) });

export function StartForm({ provinces, lastResult }: { provinces: PlaceOption[]; lastResult: Result }) {
  const { t, lang } = useT();
  const { form, fields, formProps } = useIntentForm("start", startSchema, { lastResult });
  const provinceError = fields.province.errors?.[0];
  return (
    <Form method="post" className="stack form-card" {...formProps}>
      <p>{t("apply.intro")}</p>
      <CsrfInput />
      <FormErrors errors={form.errors} />
      <TextField meta={fields.nameTh} label={t("apply.names.nameTh")} hint={t("apply.names.nameThHint")} />
      <TextField meta={fields.nameEn} label={t("apply.names.nameEn")} hint={t("apply.optional")} lang="en" />
      <div className="field">
        <label htmlFor={fields.province.id}>{t("apply.place.province")}</label>
        <select
          id={fields.province.id}
          name={fields.province.name}
          required
          defaultValue=""
          aria-invalid={provinceError ? true : undefined}
          aria-describedby={provinceError ? fields.province.errorId : undefined}
        >
          <option value="">{t("apply.choose")}</option>
          {provinces.map((province) => (
            <option key={province.nameTh} value={province.nameTh}>
              {pick(lang, province.nameTh, province.nameEn)}
            </option>
          ))}
        </select>
        {provinceError ? (
          <p id={fields.province.errorId} className="field-error" role="alert">
            {t(provinceError)}
          </p>
        ) : null}
      </div>
      <button type="submit" name="intent" value="start" className="button">
        {t("apply.start")}
      </button>
    </Form>
  );
}

export function StepNav({ current, done }: { current: StepName; done: Record<string, boolean> }) {
  const { t, lang } = useT();
  return (
    <nav aria-label={t("apply.stepsLabel")}>
      <ol className="apply-steps">
        {steps.map((step, index) => (
          <li key={step}>
            <Link to={`${href(lang, "/groups/apply")}?step=${step}`} aria-current={step === current ? "step" : undefined}>
              <span aria-hidden="true">{step !== "review" && done[step] ? "✓" : index + 1}</span> {t(`apply.steps.${step}`)}
              {step !== "review" && done[step] ? <span className="visually-hidden"> ({t("apply.stepDone")})</span> : null}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface StatusApplication {
  verificationStatus: string;
  submittedAt: Date | string | null;
  nameTh: string;
  nameEn: string;
  verifications: { status: string; reasons: string | null; answer: string | null; decidedAt: Date | string | null }[];
}

/** Where the application stands; a returned one shows staff's reasons, in their words. */
export function ApplicationStatus({ application }: { application: StatusApplication }) {
  const { t, lang } = useT();
  const returned = application.verifications.find((request) => request.status === "RETURNED");
  return (
    <div className={`status-banner status-${application.verificationStatus.toLowerCase()}`} role="status">
      <p>
        <strong>{pick(lang, application.nameTh, application.nameEn)}</strong>: {t(`apply.status.${application.verificationStatus}`)}
      </p>
      {application.verificationStatus === "PENDING" && application.submittedAt ? (
        <p className="hint">{t("apply.submittedOn", { date: formatDate(new Date(application.submittedAt), lang) })}</p>
      ) : null}
      {application.verificationStatus === "RETURNED" && returned?.reasons ? (
        <div>
          <h2 className="small-heading">{t("apply.reasonsTitle")}</h2>
          <p className="reasons">{returned.reasons}</p>
        </div>
      ) : null}
    </div>
  );
}

const submitSchema = z.object({ intent: z.literal("submit"), answer: z.string().trim().max(2000, "apply.errors.tooLong").optional() });

export function ReviewStep({ application, done, lastResult }: { application: StatusApplication; done: Record<string, boolean>; lastResult: Result }) {
  const { t, lang } = useT();
  const { form, fields, formProps } = useIntentForm("submit", submitSchema, { lastResult });
  const missing = steps.filter((step) => step !== "review" && !done[step]);
  const returned = application.verificationStatus === "RETURNED";
  return (
    <section className="form-card" aria-labelledby="review-title">
      <h2 id="review-title">{t("apply.steps.review")}</h2>
      {missing.length > 0 ? (
        <div>
          <p>{t("apply.missingIntro")}</p>
          <ul>
            {missing.map((step) => (
              <li key={step}>
                <Link to={`${href(lang, "/groups/apply")}?step=${step}`}>{t(`apply.steps.${step}`)}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t("apply.readyIntro")}</p>
      )}
      <Form method="post" className="stack" {...formProps}>
        <CsrfInput />
        <FormErrors errors={form.errors} />
        {returned ? <TextAreaField meta={fields.answer} label={t("apply.answer")} hint={t("apply.answerHint")} rows={4} /> : null}
        <button type="submit" name="intent" value="submit" className="button">
          {returned ? t("apply.resubmit") : t("apply.submit")}
        </button>
      </Form>
    </section>
  );
}

