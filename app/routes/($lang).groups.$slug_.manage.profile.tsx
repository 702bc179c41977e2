/**
 * The group's profile: what buyers read about it (names, story, place, people, certifications,
 * cover photo), how they reach it (contacts) and where it is paid. Managers and owners change the
 * profile; only owners change payout details, and a change of those waits for staff to check it
 * before the next payout. A group still applying is sent to its application instead.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { lastResultFor } from "~/components/form-fields";
import { ContactsForm, NamesForm, PayoutForm, PeopleForm, PlaceForm } from "~/components/group-forms";
import { Picture } from "~/components/picture";
import { formatDate } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { certificationChoices } from "~/modules/catalog/product-editor.server";
import { detailsIntents, payoutMessages, profileStatuses } from "~/modules/groups/application-form";
import { GroupLockedError, InvalidPayoutDetailsError, setPayoutDetails } from "~/modules/groups/payout-details.server";
import { InvalidLocationError, districtChoices, provinceChoices, subdistrictChoices } from "~/modules/groups/places.server";
import { groupProfileForEdit, updateGroupProfile } from "~/modules/groups/profile.server";
import { setGroupCover } from "~/modules/media/group-cover.server";
import { ImageRejectedError, uploadLimits } from "~/modules/media/media.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { parseIntent } from "~/web/intent.server";
import { isMultipart, parseFileUpload } from "~/web/multipart.server";
import { readForm } from "~/web/body.server";

export const profileIntents = z.discriminatedUnion("intent", [
  detailsIntents.names,
  detailsIntents.pickPlace,
  detailsIntents.place,
  detailsIntents.people,
  detailsIntents.contacts,
  detailsIntents.payout,
  z.object({ intent: z.literal("save-certifications"), certifications: z.array(z.string().max(80)).max(20).optional() }),
]);

const formIdOf = (form: FormData) => {
  const intent = String(form.get("intent") ?? "");
  return intent === "pick-place" ? "place" : intent.replace(/^save-/, "");
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role } = await requireWorkspace(request, params, "MEMBER");
  const profile = await groupProfileForEdit(group.id);
  const url = new URL(request.url);
  const chosen = (name: string, saved: string) => (url.searchParams.has(name) ? (url.searchParams.get(name) ?? "") : saved);
  const province = chosen("province", profile.province.nameTh);
  const district = chosen("district", profile.amphoeTh);
  const editable = profileStatuses.has(profile.verificationStatus) && role !== "MEMBER";
  return {
    profile,
    role,
    editable,
    certifications: editable ? await certificationChoices() : [],
    places: editable
      ? {
          provinces: await provinceChoices(),
          districts: province ? await districtChoices(province) : [],
          subdistricts: province && district ? await subdistrictChoices(province, district) : [],
          value: {
            village: chosen("village", profile.villageTh),
            villageEn: chosen("villageEn", profile.villageEn),
            province,
            district,
            subdistrict: url.searchParams.has("province") ? "" : profile.tambonTh,
          },
        }
      : null,
    maxUploadMb: uploadLimits().maxBytes / 1024 / 1024,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user, role, lang } = await requireWorkspace(request, params, "MANAGER");
  const here = href(lang, `/groups/${group.slug}/manage/profile`);
  if (isMultipart(request)) return setCover(request, group.id, user.id, here);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseIntent(form, profileIntents, formIdOf);
  if (!parsed.ok) return parsed.answer;
  const { value, submission } = parsed;
  const refuse = (status: number, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => data({ formId: formIdOf(form), result: submission.reply(errors) }, { status });
  const patch = { groupId: group.id, actorId: user.id };
  try {
    switch (value.intent) {
      case "pick-place": {
        const { intent: _intent, ...chosen } = value;
        return redirect(`${here}?${new URLSearchParams(Object.entries(chosen).map(([key, text]) => [key, text ?? ""]))}#place-section`);
      }
      case "save-names":
        await updateGroupProfile({ ...patch, patch: { step: "names", ...value } });
        break;
      case "save-place":
        await updateGroupProfile({ ...patch, patch: { step: "place", ...value } });
        break;
      case "save-people":
        await updateGroupProfile({ ...patch, patch: { step: "people", ...value } });
        break;
      case "save-contacts":
        await updateGroupProfile({ ...patch, patch: { step: "contacts", ...value } });
        break;
      case "save-certifications":
        await updateGroupProfile({ ...patch, patch: { step: "certifications", certifications: value.certifications ?? [] } });
        break;
      case "save-payout": {
        if (role !== "OWNER") throw new Response("Only an owner changes payout details", { status: 403 });
        const result = await setPayoutDetails({ ...patch, details: value });
        return redirect(`${here}?saved=${result.needsVerification ? "payout-check" : "payout"}#payout-section`);
      }
    }
  } catch (error) {
    if (error instanceof GroupLockedError) return refuse(409, { formErrors: ["apply.errors.locked"] });
    if (error instanceof InvalidLocationError) return refuse(400, { fieldErrors: { [error.field]: ["apply.errors.place"] } });
    if (error instanceof InvalidPayoutDetailsError) return refuse(400, { fieldErrors: { [error.field]: [payoutMessages[error.field]] } });
    throw error;
  }
  return redirect(`${here}?saved=profile`);
}

/** The cover photo: a multipart post through the image pipeline. */
async function setCover(request: Request, groupId: string, actorId: string, here: string) {
  const limits = uploadLimits();
  const upload = await parseFileUpload(request, { field: "cover", maxBytes: limits.maxBytes });
  await requireCsrf(request, upload.form);
  if (upload.form.get("intent") !== "set-cover") throw new Response("Bad cover form", { status: 400 });
  const refused = (reason: string, status: number) => data({ formId: "cover", coverError: `media.errors.${reason}`, limits: { mb: limits.maxBytes / 1024 / 1024, mp: limits.maxPixels / 1e6 } }, { status });
  if (upload.tooLarge) return refused("tooLarge", 413);
  if (!upload.file) return refused("missing", 400);
  try {
    await setGroupCover({ groupId, actorId, file: upload.file });
  } catch (error) {
    if (error instanceof ImageRejectedError) return refused(error.reason, 400);
    throw error;
  }
  return redirect(`${here}?saved=cover`);
}

export default function WorkspaceProfile() {
  const { profile, role, editable, certifications, places, maxUploadMb } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as { formId?: string; coverError?: string; limits?: { mb: number; mp: number } } | undefined;
  const [search] = useSearchParams();
  const { t, lang } = useT();
  const coverHint = t("media.hint", { mb: maxUploadMb });
  const saved = search.get("saved");
  const payoutRequest = profile.verifications[0];
  const chosenCertifications = new Set(profile.certifications.map((row) => row.certification.slug));
  return (
    <div className="stack">
      <h2>{t("workspace.nav.profile")}</h2>
      <p>
        {t("staff.status")}: <strong>{t(`staff.statuses.${profile.verificationStatus}`)}</strong>
      </p>
      {profile.verificationStatus === "SUSPENDED" && profile.suspendedReason ? <p className="form-error">{t("groupProfile.suspended", { reason: profile.suspendedReason })}</p> : null}
      {saved ? (
        <p className="notice" role="status">
          {t(`groupProfile.saved.${saved}`)}
        </p>
      ) : null}
      {!profileStatuses.has(profile.verificationStatus) ? (
        <p className="status-banner">
          {t("groupProfile.applying")} <Link to={href(lang, "/groups/apply")}>{t("groupProfile.toApplication")}</Link>
        </p>
      ) : null}
      {!editable || !places ? (
        <dl className="review-facts">
          <div>
            <dt>{t("group.location")}</dt>
            <dd>
              {pick(lang, profile.villageTh, profile.villageEn)}, {pick(lang, profile.province.nameTh, profile.province.nameEn)}
            </dd>
          </div>
          <div>
            <dt>{t("group.sage")}</dt>
            <dd>{profile.communitySage}</dd>
          </div>
          <div>
            <dt>{t("workspace.profile.members")}</dt>
            <dd>{profile.memberCount}</dd>
          </div>
        </dl>
      ) : (
        <>
          <NamesForm group={profile} lastResult={lastResultFor(answer, "names")} button={t("workspace.save")} />
          <section className="form-card stack" aria-labelledby="cover-title">
            <h2 id="cover-title">{t("groupProfile.cover")}</h2>
            {profile.coverImage ? <Picture image={profile.coverImage} alt={t("groupProfile.currentCover")} sizes="240px" className="thumb-large" /> : null}
            <Form method="post" encType="multipart/form-data" className="stack">
              <CsrfInput />
              <label htmlFor="cover-file">{t("groupProfile.coverLabel")}</label>
              <p id="cover-hint" className="hint">
                {coverHint}
              </p>
              <input id="cover-file" type="file" name="cover" accept="image/*" required aria-describedby={answer?.coverError ? "cover-hint cover-error" : "cover-hint"} />
              {answer?.coverError ? (
                <p id="cover-error" className="field-error" role="alert">
                  {t(answer.coverError, answer.limits ?? {})}
                </p>
              ) : null}
              <button type="submit" name="intent" value="set-cover" className="button">
                {t("media.upload")}
              </button>
            </Form>
          </section>
          <div id="place-section">
            <PlaceForm places={places} lastResult={lastResultFor(answer, "place")} button={t("workspace.save")} />
          </div>
          <PeopleForm group={profile} lastResult={lastResultFor(answer, "people")} button={t("workspace.save")} />
          <ContactsForm group={profile} lastResult={lastResultFor(answer, "contacts")} button={t("workspace.save")} />
          <section className="form-card" aria-labelledby="certs-title">
            <h2 id="certs-title">{t("groupProfile.certifications")}</h2>
            <Form method="post" className="stack">
              <CsrfInput />
              {certifications.map((certification) => (
                <div key={certification.slug} className="check-field">
                  <input id={`group-cert-${certification.slug}`} type="checkbox" name="certifications" value={certification.slug} defaultChecked={chosenCertifications.has(certification.slug)} />
                  <label htmlFor={`group-cert-${certification.slug}`}>{pick(lang, certification.nameTh, certification.nameEn)}</label>
                </div>
              ))}
              <button type="submit" name="intent" value="save-certifications" className="button">
                {t("workspace.save")}
              </button>
            </Form>
          </section>
          <div id="payout-section">
            <p className={profile.payoutVerifiedAt ? "notice" : "status-banner"}>
              {profile.payoutVerifiedAt
                ? t("groupProfile.payoutVerified", { date: formatDate(new Date(profile.payoutVerifiedAt), lang) })
                : payoutRequest?.status === "RETURNED"
                  ? t("groupProfile.payoutReturned", { reasons: payoutRequest.reasons ?? "" })
                  : t("groupProfile.payoutWaiting")}
            </p>
            {role === "OWNER" ? (
              <PayoutForm group={profile} lastResult={lastResultFor(answer, "payout")} button={t("workspace.save")} note={t("groupProfile.payoutNote")} />
            ) : (
              <p className="hint">{t("groupProfile.payoutOwnersOnly")}</p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
