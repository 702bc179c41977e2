/**
 * Who can use the group's workspace: every member sees the list; owners invite people (by email,
 * or by phone with a link to pass on by LINE), change their permission role and committee seat,
 * and remove them. The group always keeps at least one owner.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { FormErrors, SelectField, TextField, lastResultFor, useIntentForm } from "~/components/form-fields";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-lang";
import { committeeRoles } from "~/modules/groups/application-form";
import { NotInGroupError } from "~/modules/groups/errors";
import { AlreadyMemberError, inviteMember, openInvitations, revokeInvitation } from "~/modules/groups/invitations.server";
import { LastOwnerError, NotOwnerError, changeMember, groupMemberList, removeMember } from "~/modules/groups/members.server";
import { thaiPhone } from "~/modules/groups/rules";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { parseIntent } from "~/web/intent.server";
import { publicOrigin } from "~/web/origin.server";
import { readForm } from "~/web/body.server";

const groupRoles = ["OWNER", "MANAGER", "MEMBER"] as const;
const id = z.string({ message: "apply.errors.required" }).min(1).max(40);
const committeeRole = z.enum([...committeeRoles, "NONE"]).optional();

export const memberIntents = z.discriminatedUnion("intent", [
  z
    .object({
      intent: z.literal("invite"),
      email: z.email("errors.email").max(254).optional(),
      phone: z
        .string()
        .trim()
        .optional()
        .transform((value, context) => {
          if (!value) return null;
          const phone = thaiPhone(value);
          if (!phone) context.addIssue({ code: "custom", message: "apply.errors.phone" });
          return phone;
        }),
      role: z.enum(groupRoles),
      committeeRole,
    })
    .superRefine((value, context) => {
      if (!value.email && !value.phone) context.addIssue({ code: "custom", path: ["email"], message: "members.errors.contact" });
    }),
  z.object({ intent: z.literal("change"), membershipId: id, role: z.enum(groupRoles), committeeRole }),
  z.object({ intent: z.literal("remove"), membershipId: id }),
  z.object({ intent: z.literal("revoke"), invitationId: id }),
]);
const inviteSchema = memberIntents.options[0];

const formIdOf = (form: FormData) => {
  const intent = String(form.get("intent") ?? "");
  return intent === "invite" ? "invite" : `${intent}-${String(form.get("membershipId") ?? form.get("invitationId") ?? "")}`;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role } = await requireWorkspace(request, params, "MEMBER");
  const isOwner = role === "OWNER";
  return { members: await groupMemberList(group.id), invitations: isOwner ? await openInvitations(group.id) : [], isOwner };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user, lang } = await requireWorkspace(request, params, "OWNER");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseIntent(form, memberIntents, formIdOf);
  if (!parsed.ok) return parsed.answer;
  const { value, submission } = parsed;
  const formId = formIdOf(form);
  const refuse = (status: number, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => data({ formId, result: submission.reply(errors) }, { status });
  const seat = (role: string | undefined) => (role && role !== "NONE" ? (role as (typeof committeeRoles)[number]) : null);
  try {
    switch (value.intent) {
      case "invite": {
        const invitation = await inviteMember({
          groupId: group.id,
          actorId: user.id,
          email: value.email,
          phone: value.phone,
          role: value.role,
          committeeRole: seat(value.committeeRole),
          origin: publicOrigin(request),
          lang,
        });
        // The link is shown once, here: only its hash is kept.
        return data({ formId, result: submission.reply({ resetForm: true }), invited: { link: invitation.link, email: value.email ?? null } });
      }
      case "change":
        await changeMember({ groupId: group.id, actorId: user.id, membershipId: value.membershipId, role: value.role, committeeRole: seat(value.committeeRole) });
        break;
      case "remove":
        await removeMember({ groupId: group.id, actorId: user.id, membershipId: value.membershipId });
        break;
      case "revoke":
        await revokeInvitation({ groupId: group.id, actorId: user.id, invitationId: value.invitationId });
        break;
    }
  } catch (error) {
    if (error instanceof AlreadyMemberError) return refuse(409, { fieldErrors: { email: ["members.errors.alreadyMember"] } });
    if (error instanceof LastOwnerError) return refuse(409, { formErrors: ["members.errors.lastOwner"] });
    if (error instanceof NotOwnerError) throw new Response("Owners only", { status: 403 });
    if (error instanceof NotInGroupError) throw new Response("Not in this group", { status: 404 });
    throw error;
  }
  return data({ formId, result: submission.reply(), saved: true });
}

type Answer = { formId?: string; invited?: { link: string; email: string | null }; saved?: boolean; result?: { error?: Record<string, string[]> | null } };

/** Copies the link to the clipboard; only drawn once JavaScript runs (the field above can be copied by hand). */
function CopyButton({ text }: { text: string }) {
  const { t } = useT();
  const [state, setState] = useState<"idle" | "copied" | "hidden">("hidden");
  useEffect(() => setState(typeof navigator !== "undefined" && navigator.clipboard ? "idle" : "hidden"), []);
  if (state === "hidden") return null;
  return (
    <button type="button" className="button secondary small" onClick={() => void navigator.clipboard.writeText(text).then(() => setState("copied"))} aria-live="polite">
      {state === "copied" ? t("members.copied") : t("members.copy")}
    </button>
  );
}

function InviteForm({ answer }: { answer: Answer | undefined }) {
  const { t } = useT();
  const { form, fields, formProps } = useIntentForm("invite", inviteSchema, { lastResult: lastResultFor(answer, "invite"), defaultValue: { role: "MEMBER" } });
  return (
    <section className="form-card" aria-labelledby="invite-title">
      <h3 id="invite-title">{t("members.invite")}</h3>
      <p className="hint">{t("members.inviteHint")}</p>
      {answer?.invited ? (
        <div className="notice-box" role="status">
          <p>{answer.invited.email ? t("members.invitedEmail", { email: answer.invited.email }) : t("members.invitedLink")}</p>
          <label htmlFor="invite-link">{t("members.link")}</label>
          <input id="invite-link" readOnly value={answer.invited.link} onFocus={(event) => event.currentTarget.select()} />
          <p className="actions-left">
            <a className="button small" href={`https://line.me/R/msg/text/?${encodeURIComponent(`${t("members.lineMessage")} ${answer.invited.link}`)}`} target="_blank" rel="noopener noreferrer">
              {t("members.shareLine")}
            </a>
            <CopyButton text={answer.invited.link} />
          </p>
          <p className="hint">{t("members.linkHint")}</p>
        </div>
      ) : null}
      <Form method="post" className="stack" {...formProps}>
        <CsrfInput />
        <FormErrors errors={form.errors} />
        <TextField meta={fields.email} label={t("members.email")} type="email" autoComplete="off" />
        <TextField meta={fields.phone} label={t("members.phone")} type="tel" hint={t("members.phoneHint")} />
        <SelectField meta={fields.role} label={t("members.role")} options={groupRoles.map((role) => ({ value: role, label: t(`workspace.roles.${role}`) }))} />
        <SelectField
          meta={fields.committeeRole}
          label={t("members.committeeRole")}
          hint={t("members.committeeRoleHint")}
          options={[{ value: "NONE", label: t("members.noSeat") }, ...committeeRoles.map((role) => ({ value: role, label: t(`group.roles.${role}`) }))]}
        />
        <button type="submit" name="intent" value="invite" className="button">
          {t("members.sendInvite")}
        </button>
      </Form>
    </section>
  );
}

export default function WorkspaceMembers() {
  const { members, invitations, isOwner } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t, lang } = useT();
  const errorFor = (formId: string) => (answer?.formId === formId ? answer.result?.error?.[""]?.[0] : undefined);
  return (
    <div className="stack">
      <h2>{t("workspace.nav.members")}</h2>
      {answer?.saved ? (
        <p className="notice" role="status">
          {t("members.saved")}
        </p>
      ) : null}
      <ul className="plain-list">
        {members.map((member) => {
          const error = errorFor(`change-${member.id}`) ?? errorFor(`remove-${member.id}`);
          return (
            <li key={member.id} className="workspace-product">
              <h3>{member.user.name}</h3>
              <p>
                {t(`workspace.roles.${member.role}`)}
                {member.committeeRole ? ` · ${t(`group.roles.${member.committeeRole}`)}` : ""}
              </p>
              {isOwner ? (
                <>
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="membershipId" value={member.id} />
                    <label>
                      <span className="visually-hidden">{t("members.roleOf", { name: member.user.name })}</span>
                      <select name="role" defaultValue={member.role}>
                        {groupRoles.map((role) => (
                          <option key={role} value={role}>
                            {t(`workspace.roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      <span className="visually-hidden">{t("members.seatOf", { name: member.user.name })}</span>
                      <select name="committeeRole" defaultValue={member.committeeRole ?? "NONE"}>
                        <option value="NONE">{t("members.noSeat")}</option>
                        {committeeRoles.map((role) => (
                          <option key={role} value={role}>
                            {t(`group.roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button type="submit" name="intent" value="change" className="button small">
                      {t("members.change")} <span className="visually-hidden">{member.user.name}</span>
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="membershipId" value={member.id} />
                    <button type="submit" name="intent" value="remove" className="button secondary small">
                      {t("members.remove")} <span className="visually-hidden">{member.user.name}</span>
                    </button>
                  </Form>
                  {error ? (
                    <p className="field-error" role="alert">
                      {t(error)}
                    </p>
                  ) : null}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {isOwner ? <InviteForm answer={answer} /> : null}
      {isOwner && invitations.length > 0 ? (
        <section aria-labelledby="open-invitations">
          <h3 id="open-invitations">{t("members.openInvitations")}</h3>
          <ul className="plain-list">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="document-row">
                <span>
                  {invitation.email ?? invitation.phone} · {t(`workspace.roles.${invitation.role}`)} ·{" "}
                  {t("members.expires", { date: formatDate(new Date(invitation.expiresAt), lang) })}
                </span>
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" name="intent" value="revoke" className="button secondary small">
                    {t("members.revoke")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
