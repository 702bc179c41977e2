/**
 * Joining the store as a group (/groups/apply): a signed-in person opens an application, fills
 * it in one step at a time (each step saved, so it can be finished another day), uploads the
 * group's certificates and sends it to staff. A returned application shows staff's reasons, and
 * the group answers them when it sends it again. Each form posts an intent; the forms work
 * without JavaScript, which only adds checks before posting and fills the address lists in place.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ApplicationStatus, ReviewStep, StartForm, StepNav, type StepName } from "~/components/application-parts";
import { DocumentList, DocumentUpload } from "~/components/group-documents";
import { ContactsForm, NamesForm, PayoutForm, PeopleForm, PlaceForm } from "~/components/group-forms";
import { lastResultFor } from "~/components/form-fields";
import { href, translator, type Lang } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { detailsIntents, documentUploadSchema, namesFields, payoutMessages } from "~/modules/groups/application-form";
import {
  ApplicationIncompleteError,
  GroupLockedError,
  applicationOf,
  applicationSteps,
  saveApplication,
  startApplication,
  stepsDone,
  submitApplication,
} from "~/modules/groups/application.server";
import { DOCUMENT_MAX_BYTES, DocumentRejectedError, addGroupDocument, removeGroupDocument } from "~/modules/groups/documents.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { InvalidPayoutDetailsError, setPayoutDetails } from "~/modules/groups/payout-details.server";
import { InvalidLocationError, districtChoices, provinceChoices, subdistrictChoices } from "~/modules/groups/places.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireUser } from "~/web/guards.server";
import { parseIntent } from "~/web/intent.server";
import { requireLang } from "~/web/lang.server";
import { isMultipart, parseFileUpload } from "~/web/multipart.server";
import { readForm } from "~/web/body.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export const applyIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), ...namesFields, province: z.string({ message: "apply.errors.required" }).max(100) }),
  detailsIntents.names,
  detailsIntents.pickPlace,
  detailsIntents.place,
  detailsIntents.people,
  detailsIntents.contacts,
  detailsIntents.payout,
  detailsIntents.removeDocument,
  z.object({ intent: z.literal("submit"), answer: z.string().trim().max(2000, "apply.errors.tooLong").optional() }),
]);

/** Which form an intent belongs to, so an error is shown beside the right one. */
const formIdOf = (form: FormData) => {
  const intent = String(form.get("intent") ?? "");
  if (intent === "pick-place") return "place";
  return intent.replace(/^save-/, "").replace("remove-document", "documents");
};

const stepNames = [...applicationSteps, "review"] as const;
const isStep = (value: string | null): value is StepName => (stepNames as readonly string[]).includes(value ?? "");
const nextStep = (step: StepName): StepName => stepNames[Math.min(stepNames.indexOf(step) + 1, stepNames.length - 1)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const user = await requireUser(request);
  const application = await applicationOf(user.id);
  const maxDocumentMb = DOCUMENT_MAX_BYTES / 1024 / 1024;
  if (!application) return { application: null, provinces: await provinceChoices(), step: null, done: null, places: null, maxDocumentMb };
  const done = stepsDone(application);
  const url = new URL(request.url);
  const asked = url.searchParams.get("step");
  const step: StepName = isStep(asked) ? asked : (applicationSteps.find((name) => !done[name]) ?? "review");
  let places = null;
  if (step === "place") {
    // After "show districts" without JavaScript, the query holds what was chosen so far.
    const chosen = (name: string, saved: string) => (url.searchParams.has(name) ? (url.searchParams.get(name) ?? "") : saved);
    const province = chosen("province", application.villageTh ? application.province.nameTh : "");
    const district = chosen("district", application.amphoeTh);
    const subdistrict = url.searchParams.has("province") ? "" : application.tambonTh;
    places = {
      provinces: await provinceChoices(),
      districts: province ? await districtChoices(province) : [],
      subdistricts: province && district ? await subdistrictChoices(province, district) : [],
      value: { village: chosen("village", application.villageTh), villageEn: chosen("villageEn", application.villageEn), province, district, subdistrict },
    };
  }
  return { application, provinces: null, step, done, places, maxDocumentMb };
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("apply.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

const stepUrl = (lang: Lang, step: StepName, extra: Record<string, string> = {}) =>
  `${href(lang, "/groups/apply")}?${new URLSearchParams({ step, ...extra })}`;

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  if (isMultipart(request)) return addDocument(request, lang, user.id);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseIntent(form, applyIntents, formIdOf);
  if (!parsed.ok) return parsed.answer;
  const { value, submission } = parsed;
  const formId = formIdOf(form);
  const refuse = (status: number, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }, extra: Record<string, unknown> = {}) =>
    data({ formId, result: submission.reply(errors), ...extra }, { status });

  try {
    if (value.intent === "start") {
      if (!(await applicationOf(user.id))) await startApplication({ userId: user.id, nameTh: value.nameTh, nameEn: value.nameEn, province: value.province });
      return redirect(stepUrl(lang, "names"));
    }
    const application = await applicationOf(user.id);
    if (!application) return redirect(href(lang, "/groups/apply"));
    const groupId = application.id;
    switch (value.intent) {
      case "save-names":
        await saveApplication({ groupId, actorId: user.id, patch: { step: "names", ...value } });
        return redirect(stepUrl(lang, nextStep("names")));
      case "pick-place": {
        const { intent: _intent, ...chosen } = value;
        return redirect(stepUrl(lang, "place", Object.fromEntries(Object.entries(chosen).map(([key, text]) => [key, text ?? ""]))));
      }
      case "save-place":
        await saveApplication({ groupId, actorId: user.id, patch: { step: "place", ...value } });
        return redirect(stepUrl(lang, nextStep("place")));
      case "save-people":
        await saveApplication({ groupId, actorId: user.id, patch: { step: "people", ...value } });
        return redirect(stepUrl(lang, nextStep("people")));
      case "save-contacts":
        await saveApplication({ groupId, actorId: user.id, patch: { step: "contacts", ...value } });
        return redirect(stepUrl(lang, nextStep("contacts")));
      case "save-payout":
        if (application.verificationStatus === "PENDING") throw new GroupLockedError("PENDING");
        await setPayoutDetails({ groupId, actorId: user.id, details: value });
        return redirect(stepUrl(lang, nextStep("payout")));
      case "remove-document":
        if (application.verificationStatus === "PENDING") throw new GroupLockedError("PENDING");
        await removeGroupDocument({ groupId, actorId: user.id, documentId: value.documentId });
        return redirect(stepUrl(lang, "documents"));
      case "submit":
        await submitApplication({ groupId, actorId: user.id, answer: value.answer });
        return redirect(href(lang, "/groups/apply"));
    }
  } catch (error) {
    if (error instanceof GroupLockedError) return refuse(409, { formErrors: ["apply.errors.locked"] });
    if (error instanceof InvalidLocationError) return refuse(400, { fieldErrors: { [error.field]: ["apply.errors.place"] } });
    if (error instanceof InvalidPayoutDetailsError) return refuse(400, { fieldErrors: { [error.field]: [payoutMessages[error.field]] } });
    if (error instanceof ApplicationIncompleteError) return refuse(400, { formErrors: ["apply.errors.incomplete"] }, { missing: error.missing });
    if (error instanceof NotInGroupError) throw new Response("No such document", { status: 404 });
    throw error;
  }
}

/** The certificate upload: a multipart post, its size checked while it streams in. */
async function addDocument(request: Request, lang: Lang, userId: string) {
  const upload = await parseFileUpload(request, { field: "document", maxBytes: DOCUMENT_MAX_BYTES });
  await requireCsrf(request, upload.form);
  const parsed = documentUploadSchema.safeParse(Object.fromEntries(upload.form));
  if (!parsed.success) throw new Response("Bad document form", { status: 400 });
  const application = await applicationOf(userId);
  if (!application) return redirect(href(lang, "/groups/apply"));
  const refused = (reason: string, status: number) => data({ formId: "document", documentError: `documents.errors.${reason}` }, { status });
  if (application.verificationStatus === "PENDING") return refused("locked", 409);
  if (upload.tooLarge) return refused("tooLarge", 413);
  try {
    await addGroupDocument({ groupId: application.id, actorId: userId, kind: parsed.data.kind, fileName: upload.fileName ?? "", bytes: upload.file });
  } catch (error) {
    if (error instanceof DocumentRejectedError) return refused(error.reason, error.reason === "tooLarge" ? 413 : 400);
    throw error;
  }
  return redirect(stepUrl(lang, "documents", { saved: "document" }));
}

export default function Apply() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as { formId?: string; documentError?: string; missing?: string[] } | undefined;
  const { t } = useT();
  const [search] = useSearchParams();
  const { application, step, done, places } = loaded;
  return (
    <section className="page narrow-wide stack" aria-labelledby="apply-title">
      <h1 id="apply-title">{t("apply.title")}</h1>
      {!application ? (
        <StartForm provinces={loaded.provinces ?? []} lastResult={lastResultFor(answer, "start")} />
      ) : (
        <>
          <ApplicationStatus application={application} />
          {application.verificationStatus === "PENDING" || !step || !done ? (
            <DocumentList documents={application.documents} removable={false} />
          ) : (
            <>
              <StepNav current={step} done={done} />
              {step === "names" ? <NamesForm group={application} lastResult={lastResultFor(answer, "names")} /> : null}
              {step === "place" && places ? <PlaceForm places={places} lastResult={lastResultFor(answer, "place")} /> : null}
              {step === "people" ? <PeopleForm group={application} lastResult={lastResultFor(answer, "people")} /> : null}
              {step === "contacts" ? <ContactsForm group={application} lastResult={lastResultFor(answer, "contacts")} /> : null}
              {step === "payout" ? <PayoutForm group={application} lastResult={lastResultFor(answer, "payout")} /> : null}
              {step === "documents" ? (
                <section className="form-card" aria-labelledby="documents-title">
                  <h2 id="documents-title">{t("apply.steps.documents")}</h2>
                  <p className="hint">{t("documents.intro")}</p>
                  {search.get("saved") === "document" ? (
                    <p className="notice" role="status">
                      {t("documents.saved")}
                    </p>
                  ) : null}
                  <DocumentList documents={application.documents} removable />
                  <DocumentUpload error={answer?.documentError ?? null} maxMb={loaded.maxDocumentMb} />
                  <Form method="get">
                    <button type="submit" name="step" value="review" className="button">
                      {t("apply.saveNext")}
                    </button>
                  </Form>
                </section>
              ) : null}
              {step === "review" ? <ReviewStep application={application} done={done} lastResult={lastResultFor(answer, "submit")} /> : null}
            </>
          )}
        </>
      )}
    </section>
  );
}
