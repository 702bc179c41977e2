/**
 * Curated collections: the order they take on the home page (move up/down, or drag), their state
 * (draft, scheduled, live, ended), and a form to start a new one.
 */
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { consoleMeta, fieldError, type ConsoleAnswer } from "~/components/console";
import { CsrfInput } from "~/components/forms";
import { ReorderList } from "~/components/reorder-list";
import { formatDateTime } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { collectionsForStaff, createCollection, moveCollection, reorderCollections } from "~/modules/curation/collections-admin.server";
import { CurationError } from "~/modules/curation/errors";
import { collectionListIntents } from "~/modules/curation/forms";
import { collectionState } from "~/modules/curation/schedule";
import { notice, refusal, staffIntent } from "~/web/console.server";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  return { collections: await collectionsForStaff(), now: new Date().toISOString() };
}

/** Every intent this page's forms post (the permission matrix checks it lists them all). */
export const intents = collectionListIntents;

export const meta = consoleMeta("collections");

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, user, formId, parsed } = await staffIntent(request, params, collectionListIntents);
  if (!parsed.ok) return parsed.answer;
  const { value } = parsed;
  try {
    switch (value.intent) {
      case "create": {
        const { intent: _intent, ...text } = value;
        const created = await createCollection({ ...text, actorId: user.id });
        return redirect(href(lang, `/staff/collections/${created.slug}`));
      }
      case "move-collection":
        await moveCollection({ collectionId: value.collectionId, offset: value.offset, actorId: user.id });
        return notice(formId, "console.reorder.saved");
      case "reorder-collections":
        await reorderCollections({ collectionIds: value.order, actorId: user.id });
        return notice(formId, "console.reorder.saved");
    }
  } catch (error) {
    if (error instanceof CurationError) return refusal(formId, `console.collections.errors.${error.reason}`, error.status);
    throw error;
  }
}

const createSchema = collectionListIntents.options[0];

export default function StaffCollections() {
  const { collections, now } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ConsoleAnswer | undefined;
  const { t, lang } = useT();
  const at = new Date(now);
  return (
    <div className="stack">
      <h2>{t("console.nav.collections")}</h2>
      <p className="hint">{t("console.collections.intro")}</p>
      {collections.length === 0 ? (
        <p className="empty-state">{t("console.collections.none")}</p>
      ) : (
        <ReorderList
          label={t("console.collections.homeOrder")}
          formId="collection-order"
          moveIntent="move-collection"
          orderIntent="reorder-collections"
          idField="collectionId"
          orderField="order"
          items={collections.map((collection) => {
            const title = pick(lang, collection.titleTh, collection.titleEn);
            const state = collectionState({ ...collection, startsAt: date(collection.startsAt), endsAt: date(collection.endsAt) }, at);
            return {
              id: collection.id,
              label: title,
              content: (
                <>
                  <Link to={href(lang, `/staff/collections/${collection.slug}`)} className="strong-link">
                    {title}
                  </Link>
                  <p className="hint">
                    <span className={`state state-${state}`}>{t(`console.collections.states.${state}`)}</span> ·{" "}
                    {t("console.collections.productCount", { count: collection._count.items })}
                    {collection.startsAt ? ` · ${t("console.collections.from", { time: formatDateTime(new Date(collection.startsAt), lang) })}` : ""}
                    {collection.endsAt ? ` · ${t("console.collections.until", { time: formatDateTime(new Date(collection.endsAt), lang) })}` : ""}
                  </p>
                </>
              ),
            };
          })}
        />
      )}
      {answer?.formId === "collection-order" && answer.error ? (
        <p className="form-error" role="alert">
          {t(answer.error)}
        </p>
      ) : null}
      <CreateForm answer={answer} />
    </div>
  );
}

function date(value: string | Date | null): Date | null {
  return value ? new Date(value) : null;
}

function CreateForm({ answer }: { answer: ConsoleAnswer | undefined }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: "create",
    lastResult: answer?.formId === "create" ? answer.result : undefined,
    constraint: getZodConstraint(createSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createSchema }),
  });
  const error = (name: keyof typeof fields) => fields[name].errors?.[0] ?? fieldError(answer, "create", name);
  return (
    <section aria-labelledby="create-title" className="console-card">
      <h3 id="create-title">{t("console.collections.create")}</h3>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        {(["titleTh", "titleEn"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={fields[name].id}>{t(`console.collections.${name}`)}</label>
            <input
              {...getInputProps(fields[name], { type: "text", ariaAttributes: false })}
              key={fields[name].key}
              aria-invalid={error(name) ? true : undefined}
              aria-describedby={error(name) ? fields[name].errorId : undefined}
            />
            {error(name) ? (
              <p id={fields[name].errorId} className="field-error" role="alert">
                {t(error(name)!)}
              </p>
            ) : null}
          </div>
        ))}
        {(["descriptionTh", "descriptionEn"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={fields[name].id}>{t(`console.collections.${name}`)}</label>
            <textarea {...getTextareaProps(fields[name], { ariaAttributes: false })} key={fields[name].key} rows={2} />
          </div>
        ))}
        <p>
          <button type="submit" className="button">
            {t("console.collections.createSubmit")}
          </button>
        </p>
      </Form>
    </section>
  );
}
