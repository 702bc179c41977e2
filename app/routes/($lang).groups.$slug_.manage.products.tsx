/**
 * The group's products in its workspace: every member sees them; managers and owners set stock
 * and add photos. Each form posts an `intent`; the stock form's schema is shared by the browser
 * (conform checks it before posting) and this action.
 */
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { STOCK_MAX } from "~/modules/catalog/limits";
import { groupProductsForWorkspace, setStock } from "~/modules/catalog/stock.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { ImageRejectedError, addProductPhoto, uploadLimits } from "~/modules/media/media.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { parseIntent, type FormReply } from "~/web/intent.server";
import { isMultipart, parseFileUpload } from "~/web/multipart.server";

const productId = z.string({ message: "errors.required" }).min(1).max(40);

/** Every intent this page's forms post, one schema each. */
export const productIntents = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("set-stock"),
    productId,
    stock: z.coerce
      .number({ message: "workspace.stockInvalid" })
      .int("workspace.stockInvalid")
      .min(0, "workspace.stockInvalid")
      .max(STOCK_MAX, "workspace.stockInvalid"),
  }),
]);
const stockSchema = productIntents.options[0];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role } = await requireWorkspace(request, params, "MEMBER");
  return { products: await groupProductsForWorkspace(group.id), canEdit: role !== "MEMBER", maxUploadMb: uploadLimits().maxBytes / 1024 / 1024 };
}

type PhotoAnswer = { photo: true; productId: string; error: string | null; limits: { mb: number; mp: number } | null; saved: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user } = await requireWorkspace(request, params, "MANAGER");
  if (isMultipart(request)) return addPhoto(request, group.id, user.id);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseIntent(form, productIntents, (posted) => `stock-${String(posted.get("productId") ?? "")}`);
  if (!parsed.ok) return parsed.answer;
  const { value } = parsed;
  try {
    await setStock({ groupId: group.id, productId: value.productId, stock: value.stock, actorId: user.id });
  } catch (error) {
    if (error instanceof NotInGroupError) throw new Response("Not this group's product", { status: 403 });
    throw error;
  }
  return data<FormReply & { saved: true }>({ formId: `stock-${value.productId}`, result: parsed.submission.reply(), saved: true });
}

const photoSchema = z.object({ intent: z.literal("add-photo"), productId });

/** The "add photo" form: a multipart post, checked for size while it streams in. */
async function addPhoto(request: Request, groupId: string, actorId: string) {
  const limits = uploadLimits();
  const upload = await parseFileUpload(request, { field: "photo", maxBytes: limits.maxBytes });
  await requireCsrf(request, upload.form);
  const parsed = photoSchema.safeParse(Object.fromEntries(upload.form));
  if (!parsed.success) throw new Response("Bad photo form", { status: 400 });
  const { productId } = parsed.data;
  const refused = (error: ImageRejectedError) =>
    data<PhotoAnswer>(
      { photo: true, productId, error: `media.errors.${error.reason}`, limits: { mb: limits.maxBytes / 1024 / 1024, mp: limits.maxPixels / 1e6 }, saved: false },
      { status: error.reason === "tooLarge" ? 413 : 400 },
    );
  if (upload.tooLarge) return refused(new ImageRejectedError("tooLarge"));
  if (!upload.file) return refused(new ImageRejectedError("missing"));
  try {
    await addProductPhoto({ groupId, productId, actorId, file: upload.file });
  } catch (error) {
    if (error instanceof ImageRejectedError) return refused(error);
    if (error instanceof NotInGroupError) throw new Response("Not this group's product", { status: 403 });
    throw error;
  }
  return data<PhotoAnswer>({ photo: true, productId, error: null, limits: null, saved: true });
}

type Answer = (FormReply & { saved?: boolean }) | PhotoAnswer;

export default function WorkspaceProducts() {
  const { products, canEdit, maxUploadMb } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const photo = answer && "photo" in answer ? answer : null;
  const stock = answer && !("photo" in answer) ? answer : null;
  const { t, lang } = useT();
  return (
    <div className="stack">
      <h2>{t("workspace.nav.products")}</h2>
      <p>{t("workspace.intro")}</p>
      {stock?.saved ? (
        <p className="notice" role="status">
          {t("workspace.saved")}
        </p>
      ) : null}
      {photo?.saved ? (
        <p className="notice" role="status">
          {t("media.saved")}
        </p>
      ) : null}
      {products.length === 0 ? <p>{t("workspace.noProducts")}</p> : null}
      <ul className="workspace-products">
        {products.map((product) => {
          const title = pick(lang, product.titleTh, product.titleEn);
          return (
            <li key={product.id} className="workspace-product">
              <h3>{title}</h3>
              {product.madeToOrder ? <p className="hint">{t("workspace.madeToOrder")}</p> : null}
              {canEdit ? (
                <>
                  <StockForm productId={product.id} title={title} stock={product.stock} lastResult={stock?.formId === `stock-${product.id}` ? stock.result : undefined} />
                  <PhotoForm
                    productId={product.id}
                    title={title}
                    maxUploadMb={maxUploadMb}
                    error={photo?.productId === product.id && photo.error ? t(photo.error, photo.limits ?? {}) : null}
                  />
                </>
              ) : (
                <p>
                  {t("workspace.stock")}: {product.stock}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function StockForm({ productId, title, stock, lastResult }: { productId: string; title: string; stock: number; lastResult?: FormReply["result"] }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: `stock-${productId}`,
    lastResult,
    constraint: getZodConstraint(stockSchema),
    defaultValue: { stock: String(stock) },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: stockSchema }),
  });
  const error = fields.stock.errors?.[0];
  return (
    <Form method="post" className="inline-form" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="set-stock" />
      <input type="hidden" name="productId" value={productId} />
      <label htmlFor={fields.stock.id}>
        {t("workspace.stock")} <span className="visually-hidden">{title}</span>
      </label>
      <input
        {...getInputProps(fields.stock, { type: "text", ariaAttributes: false })}
        key={fields.stock.key}
        inputMode="numeric"
        className="stock-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? fields.stock.errorId : undefined}
      />
      <button type="submit" className="button small">
        {t("workspace.save")}
      </button>
      {error ? (
        <p id={fields.stock.errorId} className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </Form>
  );
}

const acceptedTypes = "image/jpeg,image/png,image/webp,image/avif,image/gif";

function PhotoForm({ productId, title, maxUploadMb, error }: { productId: string; title: string; maxUploadMb: number; error: string | null }) {
  const { t } = useT();
  const id = `photo-${productId}`;
  return (
    <Form method="post" encType="multipart/form-data" className="inline-form photo-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="add-photo" />
      <input type="hidden" name="productId" value={productId} />
      <label htmlFor={id} className="visually-hidden">
        {t("media.photoLabel", { product: title })}
      </label>
      <input
        id={id}
        type="file"
        name="photo"
        accept={acceptedTypes}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <button type="submit" className="button small">
        {t("media.upload")}
      </button>
      <span id={`${id}-hint`} className="hint">
        {t("media.hint", { mb: maxUploadMb })}
      </span>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
