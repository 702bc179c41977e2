/**
 * The group's shipping methods in its workspace: every member sees them, managers and owners add,
 * edit, turn off or on, and reorder them. Each form posts an `intent` parsed by one schema shared
 * with the browser; fees are typed in baht and kept in satang (app/modules/shipping).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { ShippingMethodForm } from "~/components/shipping-method-form";
import { formatMoney } from "~/i18n/format";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { NotInGroupError } from "~/modules/groups/errors";
import { isPickup } from "~/modules/shipping/kinds";
import { checkShippingMethod, shippingMethodShape, type ShippingMethodFields } from "~/modules/shipping/method-fields";
import {
  InvalidShippingMethodError,
  TooManyShippingMethodsError,
  addShippingMethod,
  moveShippingMethod,
  setShippingMethodActive,
  shippingMethodsOfGroup,
  updateShippingMethod,
  type ShippingMethodInput,
} from "~/modules/shipping/methods.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { readForm } from "~/web/body.server";
import { parseIntent, type FormReply } from "~/web/intent.server";

const methodId = z.string({ message: "errors.required" }).min(1).max(40);

/** Every intent this page's forms post, one schema each. */
export const shippingIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), ...shippingMethodShape }).superRefine(checkShippingMethod),
  z.object({ intent: z.literal("update"), methodId, ...shippingMethodShape }).superRefine(checkShippingMethod),
  z.object({ intent: z.literal("deactivate"), methodId }),
  z.object({ intent: z.literal("activate"), methodId }),
  z.object({ intent: z.literal("move"), methodId, direction: z.enum(["up", "down"]) }),
]);
const [addSchema, updateSchema] = shippingIntents.options;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role } = await requireWorkspace(request, params, "MEMBER");
  return { methods: await shippingMethodsOfGroup(group.id), canEdit: role !== "MEMBER" };
}

const formIdOf = (form: FormData) => {
  const id = form.get("methodId");
  return typeof id === "string" && id ? `method-${id}` : "add-method";
};

function methodInput(value: ShippingMethodFields): ShippingMethodInput {
  return {
    kind: value.kind,
    nameTh: value.nameTh,
    nameEn: value.nameEn,
    feeSatang: value.fee,
    perExtraKgSatang: value.perExtraKg ?? 0,
    freeOverSatang: value.freeOver ?? null,
    scheduleTh: value.scheduleTh,
    scheduleEn: value.scheduleEn,
  };
}

type Answer = FormReply & { done?: "added" | "saved" };

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user } = await requireWorkspace(request, params, "MANAGER");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseIntent(form, shippingIntents, formIdOf);
  if (!parsed.ok) return parsed.answer;
  const { value, submission } = parsed;
  const actor = { groupId: group.id, actorId: user.id };
  const formId = formIdOf(form);
  try {
    switch (value.intent) {
      case "add":
        await addShippingMethod({ ...actor, method: methodInput(value) });
        return data<Answer>({ formId, result: submission.reply({ resetForm: true }), done: "added" });
      case "update":
        await updateShippingMethod({ ...actor, methodId: value.methodId, method: methodInput(value) });
        break;
      case "deactivate":
      case "activate":
        await setShippingMethodActive({ ...actor, methodId: value.methodId, active: value.intent === "activate" });
        break;
      case "move":
        await moveShippingMethod({ ...actor, methodId: value.methodId, direction: value.direction });
        break;
    }
  } catch (error) {
    if (error instanceof NotInGroupError) throw new Response("No such shipping method in this group", { status: 404 });
    // The schema checks the same limits first, so these arrive only from a forged post.
    if (error instanceof InvalidShippingMethodError) {
      const field = error.field.replace(/Satang$/, "");
      return data<Answer>({ formId, result: submission.reply({ fieldErrors: { [field]: [`shipping.errors.${error.reason}`] } }) }, { status: 400 });
    }
    if (error instanceof TooManyShippingMethodsError) return data<Answer>({ formId, result: submission.reply({ formErrors: ["shipping.errors.tooMany"] }) }, { status: 400 });
    throw error;
  }
  return data<Answer>({ formId, result: submission.reply(), done: "saved" });
}

export default function WorkspaceShipping() {
  const { methods, canEdit } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t, lang } = useT();
  const resultFor = (formId: string) => (answer?.formId === formId ? answer.result : undefined);
  return (
    <div className="stack">
      <h2>{t("workspace.nav.shipping")}</h2>
      <p>{t("shipping.intro")}</p>
      {!canEdit ? <p className="hint">{t("shipping.readOnly")}</p> : null}
      {answer?.done ? (
        <p className="notice" role="status">
          {t(`shipping.${answer.done}`)}
        </p>
      ) : null}
      {methods.length === 0 ? <p>{t("shipping.none")}</p> : null}
      <ol className="workspace-products shipping-methods">
        {methods.map((method, index) => {
          const name = pick(lang, method.nameTh, method.nameEn);
          const formId = `method-${method.id}`;
          const failed = answer?.formId === formId && answer.result.status === "error";
          return (
            <li key={method.id} className="workspace-product">
              <h3>{name}</h3>
              <p className="hint">{t(`shipping.kinds.${method.kind}`)}</p>
              <p>
                {method.feeSatang === 0 ? t("shipping.free") : t("shipping.feeSummary", { fee: formatMoney(method.feeSatang, lang) })}
                {method.perExtraKgSatang > 0 ? `, ${t("shipping.perKgSummary", { fee: formatMoney(method.perExtraKgSatang, lang) })}` : null}
                {method.freeOverSatang !== null ? `, ${t("shipping.freeOverSummary", { amount: formatMoney(method.freeOverSatang, lang) })}` : null}
              </p>
              {method.scheduleTh ? <p>{pick(lang, method.scheduleTh, method.scheduleEn ?? method.scheduleTh)}</p> : null}
              {isPickup(method.kind) ? <p className="hint">{t("shipping.pickup")}</p> : null}
              {!method.active ? <p className="badge">{t("shipping.inactive")}</p> : null}
              {canEdit ? (
                <>
                  <div className="inline-form">
                    <SmallForm intent="move" methodId={method.id} extra={{ direction: "up" }} label={t("shipping.moveUp")} name={name} disabled={index === 0} />
                    <SmallForm intent="move" methodId={method.id} extra={{ direction: "down" }} label={t("shipping.moveDown")} name={name} disabled={index === methods.length - 1} />
                    <SmallForm intent={method.active ? "deactivate" : "activate"} methodId={method.id} label={t(method.active ? "shipping.deactivate" : "shipping.activate")} name={name} />
                  </div>
                  <details open={failed || undefined}>
                    <summary>{t("shipping.edit", { name })}</summary>
                    <ShippingMethodForm formId={formId} schema={updateSchema} method={method} lastResult={resultFor(formId)} submitLabel={t("shipping.save")} />
                  </details>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      {canEdit ? (
        <section className="stack" aria-labelledby="add-method-title">
          <h3 id="add-method-title">{t("shipping.add")}</h3>
          <ShippingMethodForm formId="add-method" schema={addSchema} method={null} lastResult={resultFor("add-method")} submitLabel={t("shipping.add")} />
        </section>
      ) : null}
    </div>
  );
}

/** A one-button form (move, turn off or on); its accessible name says which method it acts on. */
function SmallForm({ intent, methodId, extra = {}, label, name, disabled }: { intent: string; methodId: string; extra?: Record<string, string>; label: string; name: string; disabled?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="methodId" value={methodId} />
      {Object.entries(extra).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <button type="submit" className="button small secondary" disabled={disabled} aria-label={`${label}: ${name}`}>
        {label}
      </button>
    </Form>
  );
}
