/** A group's workspace: its members see their products; managers and owners set stock and add photos. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { groupBySlug } from "~/modules/groups/groups.server";
import { ProductNotInGroupError, groupProductsForWorkspace, setStock } from "~/modules/catalog/stock.server";
import { ImageRejectedError, ProductNotInGroupForImageError, addProductPhoto, uploadLimits } from "~/modules/media/media.server";
import { readForm } from "~/web/body.server";
import { requireCsrf } from "~/web/csrf.server";
import { isMultipart, parseFileUpload } from "~/web/multipart.server";
import { requireGroupRole } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";

async function groupFrom(params: LoaderFunctionArgs["params"]) {
  requireLang(params);
  const slug = slugParam(params.slug);
  const group = slug ? await groupBySlug(slug) : null;
  if (!group) throw notFound("No such group");
  return group;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const group = await groupFrom(params);
  await requireGroupRole(request, group.id, "MEMBER");
  return { group, products: await groupProductsForWorkspace(group.id), maxUploadMb: uploadLimits().maxBytes / 1024 / 1024 };
}

const setStockSchema = z.object({
  productId: z.string().min(1).max(40),
  stock: z.coerce.number({ message: "workspace.stockInvalid" }).int("workspace.stockInvalid").min(0, "workspace.stockInvalid").max(100_000, "workspace.stockInvalid"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const group = await groupFrom(params);
  const user = await requireGroupRole(request, group.id, "MANAGER");
  if (isMultipart(request)) return addPhoto(request, group.id, user.id);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = setStockSchema.safeParse(Object.fromEntries(form));
  const productId = String(form.get("productId") ?? "");
  if (!parsed.success) return data({ productId, error: "workspace.stockInvalid", saved: false }, { status: 400 });
  try {
    await setStock({ groupId: group.id, productId: parsed.data.productId, stock: parsed.data.stock, actorId: user.id });
  } catch (error) {
    if (error instanceof ProductNotInGroupError) throw new Response("Not this group's product", { status: 403 });
    throw error;
  }
  return { productId, error: null, saved: true };
}

const photoSchema = z.object({ productId: z.string().min(1).max(40) });

/** The "add photo" form: a multipart post, checked for size while it streams in. */
async function addPhoto(request: Request, groupId: string, actorId: string) {
  const limits = uploadLimits();
  const upload = await parseFileUpload(request, { field: "photo", maxBytes: limits.maxBytes });
  await requireCsrf(request, upload.form);
  const parsed = photoSchema.safeParse(Object.fromEntries(upload.form));
  if (!parsed.success) throw new Response("Bad photo form", { status: 400 });
  const productId = parsed.data.productId;
  const refused = (error: ImageRejectedError) =>
    data(
      { photo: true, productId, error: `media.errors.${error.reason}`, limits: { mb: limits.maxBytes / 1024 / 1024, mp: limits.maxPixels / 1e6 }, saved: false },
      { status: error.reason === "tooLarge" ? 413 : 400 },
    );
  if (upload.tooLarge) return refused(new ImageRejectedError("tooLarge"));
  if (!upload.file) return refused(new ImageRejectedError("missing"));
  try {
    await addProductPhoto({ groupId, productId, actorId, file: upload.file });
  } catch (error) {
    if (error instanceof ImageRejectedError) return refused(error);
    if (error instanceof ProductNotInGroupForImageError) throw new Response("Not this group's product", { status: 403 });
    throw error;
  }
  return { photo: true, productId, error: null, limits: null, saved: true };
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, location }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  const name = loaderData ? pick(lang, loaderData.group.nameTh, loaderData.group.nameEn) : "";
  return [{ title: t("workspace.title", { group: name }) }, { name: "robots", content: "noindex" }];
};

export default function GroupWorkspace() {
  const { group, products, maxUploadMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const photoResult = actionData && "photo" in actionData ? actionData : null;
  const result = actionData && !("photo" in actionData) ? actionData : null;
  const { t, lang } = useT();
  return (
    <section className="page" aria-labelledby="workspace-title">
      <h1 id="workspace-title">{t("workspace.title", { group: pick(lang, group.nameTh, group.nameEn) })}</h1>
      <p>{t("workspace.intro")}</p>
      {result?.saved ? (
        <p className="notice" role="status">
          {t("workspace.saved")}
        </p>
      ) : null}
      {photoResult?.saved ? (
        <p className="notice" role="status">
          {t("media.saved")}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("workspace.product")}</th>
            <th scope="col">{t("workspace.stock")}</th>
            <th scope="col">{t("media.photo")}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => {
            const title = pick(lang, product.titleTh, product.titleEn);
            const error = result?.productId === product.id ? result.error : null;
            return (
              <tr key={product.id}>
                <td>{title}</td>
                <td>
                  {
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="productId" value={product.id} />
                      <label className="visually-hidden" htmlFor={`stock-${product.id}`}>
                        {t("workspace.stock")} {title}
                      </label>
                      <input
                        id={`stock-${product.id}`}
                        name="stock"
                        inputMode="numeric"
                        defaultValue={product.stock}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `stock-error-${product.id}` : undefined}
                        className="stock-input"
                      />
                      <button type="submit" className="button small">
                        {t("workspace.save")}
                      </button>
                      {error ? (
                        <p id={`stock-error-${product.id}`} className="field-error" role="alert">
                          {t(error)}
                        </p>
                      ) : null}
                      {product.madeToOrder ? <span className="hint">{t("workspace.madeToOrder")}</span> : null}
                    </Form>
                  }
                </td>
                <td>
                  <PhotoForm
                    productId={product.id}
                    title={title}
                    maxUploadMb={maxUploadMb}
                    error={photoResult?.productId === product.id && photoResult.error ? t(photoResult.error, photoResult.limits ?? {}) : null}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const acceptedTypes = "image/jpeg,image/png,image/webp,image/avif,image/gif";

function PhotoForm({ productId, title, maxUploadMb, error }: { productId: string; title: string; maxUploadMb: number; error: string | null }) {
  const { t } = useT();
  const id = `photo-${productId}`;
  return (
    <Form method="post" encType="multipart/form-data" className="inline-form photo-form">
      <CsrfInput />
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
