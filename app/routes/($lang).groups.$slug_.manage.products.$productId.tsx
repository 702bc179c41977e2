/**
 * One of the group's products: its status (draft → for sale → archived), a preview exactly as
 * buyers will see it, a copy to start a similar product from, its photos (add from the phone's
 * camera, move up or down, make one the cover, remove) and the editor with its cost helper.
 * Members see it; managers and owners change it. Every form posts an intent.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { lastResultFor } from "~/components/form-fields";
import { PhotoManager, type PhotoAnswer } from "~/components/product-photos";
import { ProductEditorForm } from "~/components/product-editor";
import { config } from "~/config.server";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import {
  InvalidProductError,
  categoryChoices,
  certificationChoices,
  duplicateProduct,
  productForEdit,
  setProductStatus,
  updateProduct,
} from "~/modules/catalog/product-editor.server";
import { saveProductSchema, satangToBahtInput } from "~/modules/catalog/product-form";
import { NotInGroupError } from "~/modules/groups/errors";
import { ImageRejectedError, addProductPhoto, uploadLimits } from "~/modules/media/media.server";
import { changeProductPhoto, productPhotos } from "~/modules/media/product-photos.server";
import { costCalculation } from "~/web/cost-helper.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { parseIntent } from "~/web/intent.server";
import { isMultipart, parseFileUpload } from "~/web/multipart.server";
import { readForm } from "~/web/body.server";

const photoId = z.string({ message: "errors.required" }).min(1).max(40);

export const productEditIntents = z.discriminatedUnion("intent", [
  saveProductSchema,
  z.object({ intent: z.literal("duplicate") }),
  z.object({ intent: z.literal("set-status"), status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]) }),
  z.object({ intent: z.literal("photo-up"), photoId }),
  z.object({ intent: z.literal("photo-down"), photoId }),
  z.object({ intent: z.literal("photo-cover"), photoId }),
  z.object({ intent: z.literal("photo-remove"), photoId }),
]);

const productIdOf = (value: string | undefined) => (value && /^[a-z0-9]{1,40}$/.test(value) ? value : null);

/** A product id that is not this group's is, for this workspace, a page that does not exist. */
async function orNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotInGroupError) throw notFound("No such product in this group");
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role } = await requireWorkspace(request, params, "MEMBER");
  const productId = productIdOf(params.productId);
  if (!productId) throw notFound("No such product");
  const product = await orNotFound(() => productForEdit(group.id, productId));
  const [photos, categories, certifications] = await Promise.all([productPhotos(product.id), categoryChoices(), certificationChoices()]);
  return {
    slug: group.slug,
    product,
    photos,
    categories,
    certifications,
    canEdit: role !== "MEMBER",
    feePercent: config().PLATFORM_FEE_PERCENT,
    maxUploadMb: uploadLimits().maxBytes / 1024 / 1024,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user, lang } = await requireWorkspace(request, params, "MANAGER");
  const productId = productIdOf(params.productId);
  if (!productId) throw notFound("No such product");
  if (isMultipart(request)) return addPhoto(request, group.id, productId, user.id);
  const form = await readForm(request);
  await requireCsrf(request, form);
  if (form.get("intent") === "calculate") return costCalculation(form);
  const parsed = parseIntent(form, productEditIntents, (posted) => (posted.get("intent") === "save-product" ? "product" : String(posted.get("intent"))));
  if (!parsed.ok) return parsed.answer;
  const { value } = parsed;
  const input = { groupId: group.id, actorId: user.id, productId };
  const here = href(lang, `/groups/${group.slug}/manage/products/${productId}`);
  return orNotFound(async () => {
    switch (value.intent) {
      case "save-product":
        try {
          await updateProduct({ ...input, product: value });
        } catch (error) {
          if (!(error instanceof InvalidProductError)) throw error;
          return data({ formId: "product", result: parsed.submission.reply({ fieldErrors: { [error.field]: [`productEditor.errors.${error.field}`] } }) }, { status: 400 });
        }
        return redirect(`${here}?saved=product`);
      case "duplicate": {
        // The copy's title says it is a copy, in each language it is written in.
        const copy = await duplicateProduct({ ...input, copyTh: translator("th")("productEditor.copySuffix"), copyEn: translator("en")("productEditor.copySuffix") });
        return redirect(`${href(lang, `/groups/${group.slug}/manage/products/${copy.id}`)}?saved=copy`);
      }
      case "set-status":
        await setProductStatus({ ...input, status: value.status });
        return redirect(`${here}?saved=status`);
      default: {
        const kind = value.intent.slice("photo-".length) as "up" | "down" | "cover" | "remove";
        await changeProductPhoto({ ...input, photoId: value.photoId, change: { kind } });
        return redirect(`${here}?saved=photos#photos`);
      }
    }
  });
}

/** The "add photo" form: a multipart post, checked for size while it streams in. */
async function addPhoto(request: Request, groupId: string, productId: string, actorId: string) {
  const limits = uploadLimits();
  const upload = await parseFileUpload(request, { field: "photo", maxBytes: limits.maxBytes });
  await requireCsrf(request, upload.form);
  if (upload.form.get("intent") !== "add-photo") throw new Response("Bad photo form", { status: 400 });
  const refused = (error: ImageRejectedError) =>
    data<PhotoAnswer>(
      { photo: true, productId, error: `media.errors.${error.reason}`, limits: { mb: limits.maxBytes / 1024 / 1024, mp: limits.maxPixels / 1e6 }, saved: false },
      { status: error.reason === "tooLarge" ? 413 : error.reason === "tooManyPhotos" ? 409 : 400 },
    );
  if (upload.tooLarge) return refused(new ImageRejectedError("tooLarge"));
  if (!upload.file) return refused(new ImageRejectedError("missing"));
  try {
    await addProductPhoto({ groupId, productId, actorId, file: upload.file });
  } catch (error) {
    if (error instanceof ImageRejectedError) return refused(error);
    if (error instanceof NotInGroupError) throw notFound("No such product in this group");
    throw error;
  }
  return data<PhotoAnswer>({ photo: true, productId, error: null, limits: null, saved: true });
}

export default function EditProduct() {
  const { slug, product, photos, categories, certifications, canEdit, feePercent, maxUploadMb } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as (PhotoAnswer & { formId?: undefined }) | { formId: string; calculated?: { priceSatang: number | null; costSatang: number | null } } | undefined;
  const [search] = useSearchParams();
  const { t, lang } = useT();
  const photoAnswer = answer && "photo" in answer ? answer : null;
  const formAnswer = answer && !("photo" in answer) ? answer : undefined;
  const base = href(lang, `/groups/${slug}/manage/products`);
  const saved = search.get("saved") ?? (search.get("created") ? "created" : null);
  const next: Record<string, { status: "DRAFT" | "ACTIVE" | "ARCHIVED"; label: string }[]> = {
    DRAFT: [{ status: "ACTIVE", label: "productEditor.publish" }, { status: "ARCHIVED", label: "productEditor.archive" }],
    ACTIVE: [{ status: "DRAFT", label: "productEditor.unpublish" }, { status: "ARCHIVED", label: "productEditor.archive" }],
    ARCHIVED: [{ status: "ACTIVE", label: "productEditor.restore" }],
  };
  return (
    <div className="stack">
      <p>
        <Link to={base}>{t("productEditor.backToList")}</Link>
      </p>
      <h2>{pick(lang, product.titleTh, product.titleEn)}</h2>
      {saved ? (
        <p className="notice" role="status">
          {t(`productEditor.saved.${saved}`)}
        </p>
      ) : null}
      <section className="form-card stack" aria-labelledby="status-title">
        <h3 id="status-title">
          {t("productEditor.status")}: {t(`productEditor.statuses.${product.status}`)}
        </h3>
        {product.hiddenAt ? <p className="field-error">{t("productEditor.hiddenReason", { reason: product.hiddenReason ?? "" })}</p> : null}
        <p className="actions-left">
          <Link to={`${base}/${product.id}/preview`} className="button secondary">
            {t("productEditor.preview")}
          </Link>
        </p>
        {canEdit ? (
          <div className="actions-left">
            {next[product.status].map((option) => (
              <Form method="post" key={option.status} className="inline-form">
                <CsrfInput />
                <input type="hidden" name="status" value={option.status} />
                <button type="submit" name="intent" value="set-status" className={option.status === "ACTIVE" ? "button" : "button secondary"}>
                  {t(option.label)}
                </button>
              </Form>
            ))}
            <Form method="post" className="inline-form">
              <CsrfInput />
              <button type="submit" name="intent" value="duplicate" className="button secondary">
                {t("productEditor.duplicate")}
              </button>
            </Form>
          </div>
        ) : null}
      </section>
      <PhotoManager photos={photos} canEdit={canEdit} maxUploadMb={maxUploadMb} title={pick(lang, product.titleTh, product.titleEn)} answer={photoAnswer} />
      {canEdit ? (
        <section aria-labelledby="details-title" className="form-card">
          <h3 id="details-title">{t("productEditor.details")}</h3>
          <ProductEditorForm
            values={{
              titleTh: product.titleTh,
              titleEn: product.titleEn,
              storyTh: product.storyTh,
              storyEn: product.storyEn,
              category: product.category.slug,
              price: satangToBahtInput(product.priceSatang),
              unitTh: product.unitTh,
              unitEn: product.unitEn,
              weightGrams: String(product.weightGrams),
              stock: String(product.stock),
              madeToOrder: product.madeToOrder,
              leadTimeDays: product.leadTimeDays ? String(product.leadTimeDays) : "",
              capacityPerWeek: product.capacityPerWeek ? String(product.capacityPerWeek) : "",
              unitCost: product.unitCostSatang === null ? "" : satangToBahtInput(product.unitCostSatang),
              certifications: product.certifications.map((row) => row.certification.slug),
            }}
            categories={categories}
            certifications={certifications}
            feePercent={feePercent}
            lastResult={lastResultFor(formAnswer, "product")}
            calculated={formAnswer?.calculated}
            submitLabel={t("productEditor.save")}
          />
        </section>
      ) : null}
    </div>
  );
}
