/**
 * One verification request for staff: the group's application (or its new payout details) beside
 * its documents, earlier rounds with their reasons and answers, and the decision: approve, or
 * return with reasons the group reads. A missing request is 404; one already decided, 409.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { documentUrl, type DocumentRow } from "~/components/group-documents";
import { CsrfInput } from "~/components/forms";
import { FormErrors, TextAreaField, lastResultFor, useIntentForm } from "~/components/form-fields";
import { formatDate, formatYear } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { bankOf } from "~/modules/groups/rules";
import { VerificationDecidedError, VerificationNotFoundError, approveVerification, returnVerification, verificationDetail } from "~/modules/groups/verification.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireStaff } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { parseIntent } from "~/web/intent.server";
import { requireLang } from "~/web/lang.server";
import { publicOrigin } from "~/web/origin.server";
import { readForm } from "~/web/body.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export const verificationIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("return"), reasons: z.string({ message: "verification.errors.reasons" }).trim().min(1, "verification.errors.reasons").max(2000, "apply.errors.tooLong") }),
]);
const returnSchema = verificationIntents.options[1];

const requestIdOf = (value: string | undefined) => (value && /^[a-z0-9]{1,40}$/.test(value) ? value : null);

async function detailOr404(requestId: string | null) {
  try {
    if (!requestId) throw new VerificationNotFoundError("bad id");
    return await verificationDetail(requestId);
  } catch (error) {
    if (error instanceof VerificationNotFoundError) throw notFound("No such verification request");
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  return { detail: await detailOr404(requestIdOf(params.requestId)) };
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("verification.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const staff = await requireStaff(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseIntent(form, verificationIntents, () => "decision");
  if (!parsed.ok) return parsed.answer;
  const requestId = requestIdOf(params.requestId);
  if (!requestId) throw notFound("No such verification request");
  const decision = { requestId, reviewerId: staff.id, origin: publicOrigin(request) };
  try {
    if (parsed.value.intent === "approve") await approveVerification(decision);
    else await returnVerification({ ...decision, reasons: parsed.value.reasons });
  } catch (error) {
    if (error instanceof VerificationNotFoundError) throw notFound("No such verification request");
    if (error instanceof VerificationDecidedError) {
      return data({ formId: "decision", result: parsed.submission.reply({ formErrors: ["verification.errors.decided"] }) }, { status: 409 });
    }
    throw error;
  }
  return redirect(`${href(lang, "/staff/verification")}?decided=${requestId}`);
}

function Documents({ documents }: { documents: DocumentRow[] }) {
  const { t, lang } = useT();
  if (documents.length === 0) return <p className="empty-state">{t("documents.none")}</p>;
  return (
    <ul className="plain-list">
      {documents.map((document) => (
        <li key={document.id} className="document-view">
          <h3 className="small-heading">{t(`documents.kinds.${document.kind}`)}</h3>
          {document.contentType.startsWith("image/") && document.contentType !== "image/heic" ? (
            <img src={documentUrl(lang, document.id)} alt={`${t(`documents.kinds.${document.kind}`)}: ${document.fileName}`} loading="lazy" />
          ) : document.contentType === "application/pdf" ? (
            <object data={documentUrl(lang, document.id)} type="application/pdf" aria-label={document.fileName} className="pdf-view">
              <a href={documentUrl(lang, document.id)}>{document.fileName}</a>
            </object>
          ) : null}
          <a href={documentUrl(lang, document.id)} target="_blank" rel="noopener">
            {t("verification.openDocument", { name: document.fileName })}
          </a>
        </li>
      ))}
    </ul>
  );
}

export default function VerificationRequestPage() {
  const { detail } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const { group } = detail;
  const { form, fields, formProps } = useIntentForm("decision", returnSchema, { lastResult: lastResultFor(answer, "decision") });
  const bank = group.payoutBankCode ? bankOf(group.payoutBankCode) : undefined;
  const fact = (label: string, value: string | number | null | undefined) => (
    <div>
      <dt>{label}</dt>
      <dd>{value === null || value === undefined || value === "" ? "—" : value}</dd>
    </div>
  );
  return (
    <section className="page stack" aria-labelledby="request-title">
      <p>
        <Link to={href(lang, "/staff/verification")}>{t("verification.backToQueue")}</Link>
      </p>
      <h1 id="request-title">
        {pick(lang, group.nameTh, group.nameEn)} · {t(`verification.kinds.${detail.kind}`)}
      </h1>
      <p>
        {t(`verification.statuses.${detail.status}`)} · {formatDate(new Date(detail.createdAt), lang)}
      </p>
      {detail.answer ? (
        <div className="status-banner">
          <h2 className="small-heading">{t("verification.groupAnswer")}</h2>
          <p className="reasons">{detail.answer}</p>
        </div>
      ) : null}
      <div className="side-by-side">
        <section aria-labelledby="application-title">
          <h2 id="application-title">{t("verification.application")}</h2>
          <dl className="review-facts">
            {fact(t("apply.names.nameTh"), group.nameTh)}
            {fact(t("apply.names.nameEn"), group.nameEn)}
            {fact(t("apply.place.village"), group.villageTh)}
            {fact(t("apply.place.subdistrict"), group.tambonTh)}
            {fact(t("apply.place.district"), group.amphoeTh)}
            {fact(t("apply.place.province"), pick(lang, group.province.nameTh, group.province.nameEn))}
            {fact(t("apply.people.foundedYear"), group.foundedYear ? formatYear(group.foundedYear, lang) : null)}
            {fact(t("apply.people.memberCount"), group.memberCount || null)}
            {fact(t("apply.people.sage"), group.communitySage)}
            {fact(t("apply.contacts.phone"), group.phone)}
            {fact(t("apply.contacts.lineId"), group.lineId)}
            {fact(t("apply.contacts.facebook"), group.facebookPage)}
            {fact(t("apply.payout.promptPay"), group.promptPayId)}
            {fact(t("apply.payout.bankName"), bank ? pick(lang, bank.th, bank.en) : null)}
            {fact(t("apply.payout.accountNo"), group.payoutAccountNo)}
            {fact(t("apply.payout.accountName"), group.payoutAccountName)}
          </dl>
          <h3 className="small-heading">{t("apply.people.committee")}</h3>
          <ul className="plain-list">
            {group.committee.map((member, index) => (
              <li key={index}>
                {t(`group.roles.${member.role}`)}: {member.name}
              </li>
            ))}
          </ul>
          <h3 className="small-heading">{t("apply.names.storyTh")}</h3>
          <p className="story">{group.storyTh || "—"}</p>
          {group.storyEn ? <p className="story" lang="en">{group.storyEn}</p> : null}
        </section>
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">{t("apply.steps.documents")}</h2>
          <Documents documents={group.documents} />
        </section>
      </div>
      {detail.history.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("verification.history")}</h2>
          <ul className="plain-list">
            {detail.history.map((earlier) => (
              <li key={earlier.id} className="form-card">
                <p>
                  {t(`verification.kinds.${earlier.kind}`)} · {t(`verification.statuses.${earlier.status}`)} · {formatDate(new Date(earlier.createdAt), lang)}
                </p>
                {earlier.reasons ? <p className="reasons">{t("verification.reasonsWere", { reasons: earlier.reasons })}</p> : null}
                {earlier.answer ? <p className="reasons">{t("verification.answerWas", { answer: earlier.answer })}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {detail.status === "OPEN" ? (
        <section aria-labelledby="decision-title" className="form-card stack">
          <h2 id="decision-title">{t("verification.decision")}</h2>
          <FormErrors errors={form.errors} />
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="approve" className="button">
              {t(detail.kind === "APPLICATION" ? "verification.approve" : "verification.approvePayout")}
            </button>
          </Form>
          <Form method="post" className="stack" {...formProps}>
            <CsrfInput />
            <TextAreaField meta={fields.reasons} label={t("verification.reasons")} hint={t("verification.reasonsHint")} rows={4} />
            <button type="submit" name="intent" value="return" className="button secondary">
              {t("verification.return")}
            </button>
          </Form>
        </section>
      ) : null}
    </section>
  );
}
