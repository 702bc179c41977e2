/**
 * Moderation: hide a listing or suspend a group with a reason the group sees, and reinstate.
 * Staff find what to act on by words or by group (plain GET forms); what is hidden or suspended
 * now is always listed. Each change reaches buyers, search and the group's owners at once.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { AnswerMessage, consoleMeta, fieldError, type ConsoleAnswer } from "~/components/console";
import { CsrfInput } from "~/components/forms";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { ModerationError, hideProduct, reinstateGroup, reinstateProduct, suspendGroup } from "~/modules/moderation/moderation.server";
import { moderationIntents } from "~/modules/moderation/forms";
import { moderationView, type ModerationGroup, type ModerationProduct } from "~/modules/moderation/staff-view.server";
import { notice, refusal, staffIntent } from "~/web/console.server";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const groupSlug = slugParam(url.searchParams.get("group") ?? undefined);
  return { q, view: await moderationView({ q, groupSlug }) };
}

/** Every intent this page's forms post (the permission matrix checks it lists them all). */
export const intents = moderationIntents;

export const meta = consoleMeta("moderation");

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, formId, parsed } = await staffIntent(request, params, moderationIntents);
  if (!parsed.ok) return parsed.answer;
  const { value } = parsed;
  const actorId = user.id;
  try {
    switch (value.intent) {
      case "hide-product":
        await hideProduct({ productId: value.productId, reason: value.reason, actorId });
        return notice(formId, "console.moderation.hidden");
      case "reinstate-product":
        await reinstateProduct({ productId: value.productId, actorId });
        return notice(formId, "console.moderation.productReinstated");
      case "suspend-group":
        await suspendGroup({ groupId: value.groupId, reason: value.reason, actorId });
        return notice(formId, "console.moderation.suspended");
      case "reinstate-group":
        await reinstateGroup({ groupId: value.groupId, actorId });
        return notice(formId, "console.moderation.groupReinstated");
    }
  } catch (error) {
    if (error instanceof ModerationError) return refusal(formId, `console.moderation.errors.${error.reason}`, error.status);
    throw error;
  }
}

export default function StaffModeration() {
  const { q, view } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ConsoleAnswer | undefined;
  const { t, lang } = useT();
  return (
    <div className="stack">
      <h2>{t("console.nav.moderation")}</h2>
      <Form method="get" className="inline-form" role="search">
        <label htmlFor="moderation-q" className="visually-hidden">
          {t("console.moderation.find")}
        </label>
        <input id="moderation-q" type="search" name="q" defaultValue={q} placeholder={t("console.moderation.find")} />
        <button type="submit" className="button secondary small">
          {t("search.submit")}
        </button>
      </Form>
      {/* Said here, not beside the row: after a change the row moves to another list, or is gone. */}
      <AnswerMessage answer={answer} />

      {view.group ? (
        <section aria-labelledby="group-title" className="stack">
          <h3 id="group-title">{pick(lang, view.group.nameTh, view.group.nameEn)}</h3>
          <GroupModeration group={view.group} answer={answer} />
          <ProductList products={view.group.products} answer={answer} empty={t("workspace.noProducts")} />
        </section>
      ) : null}

      {view.found ? (
        <section aria-labelledby="found-title" className="stack">
          <h3 id="found-title">{t("console.moderation.found", { q })}</h3>
          {view.found.groups.length > 0 ? (
            <ul className="plain-list">
              {view.found.groups.map((group) => (
                <li key={group.id}>
                  <Link to={`${href(lang, "/staff/moderation")}?group=${group.slug}`}>{pick(lang, group.nameTh, group.nameEn)}</Link>{" "}
                  <span className="hint">· {t(`staff.statuses.${group.verificationStatus}`)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <ProductList products={view.found.products} answer={answer} empty={t("console.moderation.nothingFound")} />
        </section>
      ) : null}

      <section aria-labelledby="hidden-title" className="stack">
        <h3 id="hidden-title">{t("console.moderation.hiddenNow")}</h3>
        <ProductList products={view.hidden} answer={answer} empty={t("console.moderation.noneHidden")} />
      </section>
      <section aria-labelledby="suspended-title" className="stack">
        <h3 id="suspended-title">{t("console.moderation.suspendedNow")}</h3>
        {view.suspended.length === 0 ? (
          <p className="hint">{t("console.moderation.noneSuspended")}</p>
        ) : (
          <ul className="plain-list">
            {view.suspended.map((group) => (
              <li key={group.id} className="console-card">
                <h4>{pick(lang, group.nameTh, group.nameEn)}</h4>
                <GroupModeration group={group} answer={answer} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ProductList({ products, answer, empty }: { products: ModerationProduct[]; answer: ConsoleAnswer | undefined; empty: string }) {
  if (products.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="plain-list">
      {products.map((product) => (
        <li key={product.id} className="console-card">
          <ProductModeration product={product} answer={answer} />
        </li>
      ))}
    </ul>
  );
}

function ProductModeration({ product, answer }: { product: ModerationProduct; answer: ConsoleAnswer | undefined }) {
  const { t, lang } = useT();
  const name = pick(lang, product.titleTh, product.titleEn);
  const formId = `product-${product.id}`;
  return (
    <div className="stack tight">
      <h4>{name}</h4>
      <p className="hint">
        {pick(lang, product.group.nameTh, product.group.nameEn)} · {t(`console.moderation.productStatus.${product.status}`)}
      </p>
      {product.hiddenAt ? (
        <>
          <p>
            <strong>{t("console.moderation.hiddenBecause")}</strong> {product.hiddenReason}
          </p>
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="formId" value={formId} />
            <input type="hidden" name="productId" value={product.id} />
            <button type="submit" name="intent" value="reinstate-product" className="button small secondary" aria-label={`${t("console.moderation.reinstateProduct")}: ${name}`}>
              {t("console.moderation.reinstateProduct")}
            </button>
          </Form>
        </>
      ) : (
        <ReasonForm
          formId={formId}
          answer={answer}
          intent="hide-product"
          idField="productId"
          id={product.id}
          summary={t("console.moderation.hideProduct")}
          submit={t("console.moderation.hide")}
          name={name}
        />
      )}
    </div>
  );
}

function GroupModeration({ group, answer }: { group: ModerationGroup; answer: ConsoleAnswer | undefined }) {
  const { t, lang } = useT();
  const name = pick(lang, group.nameTh, group.nameEn);
  const formId = `group-${group.id}`;
  return (
    <div className="stack tight">
      <p>
        {t("staff.status")}: <strong>{t(`staff.statuses.${group.verificationStatus}`)}</strong> · {pick(lang, group.province.nameTh, group.province.nameEn)}
      </p>
      {group.verificationStatus === "SUSPENDED" ? (
        <>
          <p>
            <strong>{t("console.moderation.suspendedBecause")}</strong> {group.suspendedReason}
          </p>
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="formId" value={formId} />
            <input type="hidden" name="groupId" value={group.id} />
            <button type="submit" name="intent" value="reinstate-group" className="button small secondary" aria-label={`${t("console.moderation.reinstateGroup")}: ${name}`}>
              {t("console.moderation.reinstateGroup")}
            </button>
          </Form>
        </>
      ) : (
        <ReasonForm
          formId={formId}
          answer={answer}
          intent="suspend-group"
          idField="groupId"
          id={group.id}
          summary={t("console.moderation.suspendGroup")}
          submit={t("console.moderation.suspend")}
          name={name}
        />
      )}
    </div>
  );
}

/** A reason and a button, folded away until staff open it (a <details>, so no script is needed). */
function ReasonForm(props: { formId: string; answer: ConsoleAnswer | undefined; intent: string; idField: string; id: string; summary: string; submit: string; name: string }) {
  const { t } = useT();
  const domId = useId();
  const error = fieldError(props.answer, props.formId, "reason");
  return (
    <details className="reason-form" open={error ? true : undefined}>
      <summary aria-label={`${props.summary}: ${props.name}`}>
        {props.summary}
      </summary>
      <Form method="post" className="stack tight">
        <CsrfInput />
        <input type="hidden" name="formId" value={props.formId} />
        <input type="hidden" name={props.idField} value={props.id} />
        <div className="field">
          <label htmlFor={`${domId}-reason`}>{t("console.moderation.reasonLabel")}</label>
          <p id={`${domId}-hint`} className="hint">
            {t("console.moderation.reasonHint")}
          </p>
          <textarea
            id={`${domId}-reason`}
            name="reason"
            rows={3}
            required
            minLength={5}
            maxLength={500}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${domId}-error ${domId}-hint` : `${domId}-hint`}
          />
          {error ? (
            <p id={`${domId}-error`} className="field-error" role="alert">
              {t(error)}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" name="intent" value={props.intent} className="button small danger" aria-label={`${props.submit}: ${props.name}`}>
            {props.submit}
          </button>
        </p>
      </Form>
    </details>
  );
}
