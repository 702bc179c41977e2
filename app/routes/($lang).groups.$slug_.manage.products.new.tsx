/** A new product: the editor's form, saved as a draft; its photos are added on its own page next. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { lastResultFor } from "~/components/form-fields";
import { ProductEditorForm } from "~/components/product-editor";
import { config } from "~/config.server";
import { href } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";
import { InvalidProductError, categoryChoices, certificationChoices, createProduct } from "~/modules/catalog/product-editor.server";
import { saveProductSchema } from "~/modules/catalog/product-form";
import { costCalculation } from "~/web/cost-helper.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { parseIntent } from "~/web/intent.server";
import { readForm } from "~/web/body.server";

export const newProductIntents = z.discriminatedUnion("intent", [saveProductSchema]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireWorkspace(request, params, "MANAGER");
  const [categories, certifications] = await Promise.all([categoryChoices(), certificationChoices()]);
  return { categories, certifications, feePercent: config().PLATFORM_FEE_PERCENT };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user, lang } = await requireWorkspace(request, params, "MANAGER");
  const form = await readForm(request);
  await requireCsrf(request, form);
  if (form.get("intent") === "calculate") return costCalculation(form);
  const parsed = parseIntent(form, newProductIntents, () => "product");
  if (!parsed.ok) return parsed.answer;
  try {
    const created = await createProduct({ groupId: group.id, actorId: user.id, product: parsed.value });
    return redirect(`${href(lang, `/groups/${group.slug}/manage/products/${created.id}`)}?created=1`);
  } catch (error) {
    if (error instanceof InvalidProductError) {
      return data({ formId: "product", result: parsed.submission.reply({ fieldErrors: { [error.field]: [`productEditor.errors.${error.field}`] } }) }, { status: 400 });
    }
    throw error;
  }
}

export default function NewProduct() {
  const { categories, certifications, feePercent } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as { calculated?: { priceSatang: number | null; costSatang: number | null } } | undefined;
  const { t } = useT();
  return (
    <div className="stack">
      <h2>{t("productEditor.new")}</h2>
      <p className="hint">{t("productEditor.newIntro")}</p>
      <ProductEditorForm
        values={{
          titleTh: "",
          titleEn: "",
          storyTh: "",
          storyEn: "",
          category: categories[0]?.slug ?? "",
          price: "",
          unitTh: "ชิ้น",
          unitEn: "piece",
          weightGrams: "",
          stock: "0",
          madeToOrder: false,
          leadTimeDays: "",
          capacityPerWeek: "",
          unitCost: "",
          certifications: [],
        }}
        categories={categories}
        certifications={certifications}
        feePercent={feePercent}
        lastResult={lastResultFor(answer, "product")}
        calculated={answer?.calculated}
        submitLabel={t("productEditor.create")}
      />
    </div>
  );
}
