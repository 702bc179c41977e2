/**
 * One curated collection: publish or unpublish it, put its products in order (move up/down or
 * drag), add products buyers can see and remove them, and edit its names, description and
 * schedule (Bangkok time). Every change reaches the home page at once.
 */
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AnswerMessage, consoleMeta, fieldError, type ConsoleAnswer } from "~/components/console";
import { CsrfInput } from "~/components/forms";
import { ReorderList } from "~/components/reorder-list";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import {
  addToCollection,
  collectionForStaff,
  moveInCollection,
  productsToAdd,
  removeFromCollection,
  reorderCollection,
  setCollectionPublished,
  updateCollection,
} from "~/modules/curation/collections-admin.server";
import { CurationError } from "~/modules/curation/errors";
import { collectionIntents } from "~/modules/curation/forms";
import { collectionState, toBangkokLocal } from "~/modules/curation/schedule";
import { notice, refusal, staffIntent } from "~/web/console.server";
import { requireStaff } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";

async function collectionOf(params: { slug?: string }) {
  const slug = slugParam(params.slug);
  return slug ? collectionForStaff(slug) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  const collection = await collectionOf(params);
  if (!collection) throw notFound("No such collection");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const now = new Date();
  return {
    collection: {
      ...collection,
      state: collectionState(collection, now),
      startsAtLocal: collection.startsAt ? toBangkokLocal(collection.startsAt) : "",
      endsAtLocal: collection.endsAt ? toBangkokLocal(collection.endsAt) : "",
    },
    q,
    candidates: await productsToAdd({ collectionId: collection.id, q }),
  };
}

/** Every intent this page's forms post (the permission matrix checks it lists them all). */
export const intents = collectionIntents;

export const meta = consoleMeta("collections");

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, formId, parsed } = await staffIntent(request, params, collectionIntents);
  if (!parsed.ok) return parsed.answer;
  const { value } = parsed;
  const collection = await collectionOf(params);
  if (!collection) return refusal(formId, "console.collections.errors.collectionNotFound", 404);
  const base = { collectionId: collection.id, actorId: user.id };
  try {
    switch (value.intent) {
      case "update": {
        const { intent: _intent, ...fields } = value;
        await updateCollection({ ...base, ...fields });
        return notice(formId, "console.saved");
      }
      case "publish":
      case "unpublish":
        await setCollectionPublished({ ...base, published: value.intent === "publish" });
        return notice(formId, value.intent === "publish" ? "console.collections.published" : "console.collections.unpublished");
      case "add-product":
        await addToCollection({ ...base, productId: value.productId });
        return notice(formId, "console.collections.added");
      case "remove-product":
        await removeFromCollection({ ...base, productId: value.productId });
        return notice(formId, "console.collections.removed");
      case "move-product":
        await moveInCollection({ ...base, productId: value.productId, offset: value.offset });
        return notice(formId, "console.reorder.saved");
      case "reorder-products":
        await reorderCollection({ ...base, productIds: value.order });
        return notice(formId, "console.reorder.saved");
    }
  } catch (error) {
    if (error instanceof CurationError) return refusal(formId, `console.collections.errors.${error.reason}`, error.status);
    throw error;
  }
}

const updateSchema = collectionIntents.options[0];

export default function StaffCollection() {
  const { collection, q, candidates } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ConsoleAnswer | undefined;
  const { t, lang } = useT();
  const title = pick(lang, collection.titleTh, collection.titleEn);
  return (
    <div className="stack">
      <p>
        <Link to={href(lang, "/staff/collections")}>← {t("console.collections.all")}</Link>
      </p>
      <h2>{title}</h2>
      <p>
        <span className={`state state-${collection.state}`}>{t(`console.collections.states.${collection.state}`)}</span>{" "}
        <span className="hint">{t(`console.collections.stateHelp.${collection.state}`)}</span>
      </p>
      <Form method="post" className="inline-form">
        <CsrfInput />
        <input type="hidden" name="formId" value="publish" />
        {collection.published ? (
          <button type="submit" name="intent" value="unpublish" className="button secondary">
            {t("console.collections.unpublish")}
          </button>
        ) : (
          <button type="submit" name="intent" value="publish" className="button">
            {t("console.collections.publish")}
          </button>
        )}
      </Form>
      <AnswerMessage answer={answer} formId="publish" />

      <section aria-labelledby="products-title" className="stack">
        <h3 id="products-title">{t("console.collections.products")}</h3>
        <AnswerMessage answer={answer} formId="items" />
        {collection.products.length === 0 ? (
          <p className="empty-state">{t("console.collections.noProducts")}</p>
        ) : (
          <ReorderList
            label={t("console.collections.productOrder")}
            formId="items"
            moveIntent="move-product"
            orderIntent="reorder-products"
            idField="productId"
            orderField="order"
            items={collection.products.map((product) => {
              const name = pick(lang, product.titleTh, product.titleEn);
              return {
                id: product.id,
                label: name,
                content: (
                  <>
                    <span className="strong-link">{name}</span>
                    <p className="hint">
                      {pick(lang, product.group.nameTh, product.group.nameEn)}
                      {product.visible ? "" : ` · ${t("console.collections.notVisible")}`}
                    </p>
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="formId" value="items" />
                      <input type="hidden" name="productId" value={product.id} />
                      <button type="submit" name="intent" value="remove-product" className="link-button" aria-label={`${t("console.collections.remove")}: ${name}`}>
                        {t("console.collections.remove")}
                      </button>
                    </Form>
                  </>
                ),
              };
            })}
          />
        )}
      </section>

      <section aria-labelledby="add-title" className="stack console-card">
        <h3 id="add-title">{t("console.collections.add")}</h3>
        <Form method="get" className="inline-form" role="search" aria-labelledby="add-title">
          <label htmlFor="add-q" className="visually-hidden">
            {t("console.collections.findProduct")}
          </label>
          <input id="add-q" type="search" name="q" defaultValue={q} placeholder={t("console.collections.findProduct")} />
          <button type="submit" className="button secondary small">
            {t("search.submit")}
          </button>
        </Form>
        <AnswerMessage answer={answer} formId="add" />
        {candidates.length === 0 ? (
          <p className="hint">{t("console.collections.noCandidates")}</p>
        ) : (
          <ul className="plain-list compact-list">
            {candidates.map((product) => {
              const name = pick(lang, product.titleTh, product.titleEn);
              return (
                <li key={product.id} className="candidate">
                  <span>
                    {name} <span className="hint">· {pick(lang, product.group.nameTh, product.group.nameEn)}</span>
                  </span>
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="formId" value="add" />
                    <input type="hidden" name="productId" value={product.id} />
                    <button type="submit" name="intent" value="add-product" className="button small" aria-label={`${t("console.collections.addButton")}: ${name}`}>
                      {t("console.collections.addButton")}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <DetailsForm collection={collection} answer={answer} />
    </div>
  );
}

type Editable = { titleTh: string; titleEn: string; descriptionTh: string | null; descriptionEn: string | null; startsAtLocal: string; endsAtLocal: string };

function DetailsForm({ collection, answer }: { collection: Editable; answer: ConsoleAnswer | undefined }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: "update",
    lastResult: answer?.formId === "update" ? answer.result : undefined,
    constraint: getZodConstraint(updateSchema),
    defaultValue: {
      titleTh: collection.titleTh,
      titleEn: collection.titleEn,
      descriptionTh: collection.descriptionTh ?? "",
      descriptionEn: collection.descriptionEn ?? "",
      startsAt: collection.startsAtLocal,
      endsAt: collection.endsAtLocal,
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateSchema }),
  });
  const error = (name: keyof typeof fields) => fields[name].errors?.[0] ?? fieldError(answer, "update", name);
  const described = (name: keyof typeof fields, hint?: string) => [error(name) ? fields[name].errorId : null, hint].filter(Boolean).join(" ") || undefined;
  const message = (name: keyof typeof fields) =>
    error(name) ? (
      <p id={fields[name].errorId} className="field-error" role="alert">
        {t(error(name)!)}
      </p>
    ) : null;
  return (
    <section aria-labelledby="details-title" className="console-card">
      <h3 id="details-title">{t("console.collections.details")}</h3>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="formId" value="update" />
        {(["titleTh", "titleEn"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={fields[name].id}>{t(`console.collections.${name}`)}</label>
            <input
              {...getInputProps(fields[name], { type: "text", ariaAttributes: false })}
              key={fields[name].key}
              aria-invalid={error(name) ? true : undefined}
              aria-describedby={described(name)}
            />
            {message(name)}
          </div>
        ))}
        {(["descriptionTh", "descriptionEn"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={fields[name].id}>{t(`console.collections.${name}`)}</label>
            <textarea {...getTextareaProps(fields[name], { ariaAttributes: false })} key={fields[name].key} rows={3} aria-describedby={described(name)} />
            {message(name)}
          </div>
        ))}
        <fieldset className="facet">
          <legend>{t("console.collections.schedule")}</legend>
          <p id="schedule-hint" className="hint">
            {t("console.collections.scheduleHint")}
          </p>
          {(["startsAt", "endsAt"] as const).map((name) => (
            <div className="field" key={name}>
              <label htmlFor={fields[name].id}>{t(`console.collections.${name}`)}</label>
              <input
                {...getInputProps(fields[name], { type: "datetime-local", ariaAttributes: false })}
                key={fields[name].key}
                aria-invalid={error(name) ? true : undefined}
                aria-describedby={described(name, "schedule-hint")}
              />
              {message(name)}
            </div>
          ))}
        </fieldset>
        <AnswerMessage answer={answer} formId="update" />
        <p>
          <button type="submit" className="button">
            {t("console.save")}
          </button>
        </p>
      </Form>
    </section>
  );
}
