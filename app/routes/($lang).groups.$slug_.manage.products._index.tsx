/**
 * The group's products in its workspace, by status: every member sees them; managers and owners
 * set stock here at a glance, and open a product to edit it, its photos and its status, or
 * start a new one. The stock form's schema is shared by the browser (conform) and this action.
 */
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { productArt } from "~/components/cards";
import { Picture } from "~/components/picture";
import { formatMoney } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { STOCK_MAX } from "~/modules/catalog/limits";
import { workspaceProducts } from "~/modules/catalog/product-editor.server";
import { setStock } from "~/modules/catalog/stock.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { parseIntent, type FormReply } from "~/web/intent.server";
import { readForm } from "~/web/body.server";

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

const statuses = ["ACTIVE", "DRAFT", "ARCHIVED"] as const;
type Status = (typeof statuses)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role } = await requireWorkspace(request, params, "MEMBER");
  const asked = new URL(request.url).searchParams.get("status");
  const status = (statuses as readonly string[]).includes(asked ?? "") ? (asked as Status) : null;
  return { slug: group.slug, status, products: await workspaceProducts(group.id, status), canEdit: role !== "MEMBER" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user } = await requireWorkspace(request, params, "MANAGER");
  const form = await readForm(request);
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

type Answer = FormReply & { saved?: boolean };

export default function WorkspaceProducts() {
  const { slug, status, products, canEdit } = useLoaderData<typeof loader>();
  const stock = useActionData<typeof action>() as Answer | undefined;
  const { t, lang } = useT();
  const base = href(lang, `/groups/${slug}/manage/products`);
  return (
    <div className="stack">
      <h2>{t("workspace.nav.products")}</h2>
      {canEdit ? (
        <p>
          <Link to={`${base}/new`} className="button">
            {t("productEditor.new")}
          </Link>
        </p>
      ) : null}
      <nav aria-label={t("productEditor.byStatus")}>
        <ul className="chips">
          {[null, ...statuses].map((each) => (
            <li key={each ?? "current"}>
              <Link to={each ? `${base}?status=${each}` : base} className="chip" aria-current={each === status ? "page" : undefined}>
                {each ? t(`productEditor.statuses.${each}`) : t("productEditor.statuses.current")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {stock?.saved ? (
        <p className="notice" role="status">
          {t("workspace.saved")}
        </p>
      ) : null}
      {products.length === 0 ? <p className="empty-state">{t("workspace.noProducts")}</p> : null}
      <ul className="workspace-products">
        {products.map((product) => {
          const title = pick(lang, product.titleTh, product.titleEn);
          return (
            <li key={product.id} className="workspace-product">
              <div className="product-row">
                {product.images[0] ? (
                  <Picture image={product.images[0].image} alt="" sizes="72px" className="thumb" />
                ) : (
                  <img src={productArt(product.slug, product.category.slug)} alt="" width={72} height={72} className="thumb" loading="lazy" />
                )}
                <div>
                  <h3>
                    <Link to={`${base}/${product.id}`}>{title}</Link>
                  </h3>
                  <p className="hint">
                    {formatMoney(product.priceSatang, lang)} · <span className={`status status-${product.status.toLowerCase()}`}>{t(`productEditor.statuses.${product.status}`)}</span>
                    {product.madeToOrder ? ` · ${t("workspace.madeToOrder")}` : ""}
                  </p>
                  {product.hiddenAt ? <p className="field-error">{t("productEditor.hiddenByStaff")}</p> : null}
                </div>
              </div>
              {canEdit ? (
                <StockForm productId={product.id} title={title} stock={product.stock} lastResult={stock?.formId === `stock-${product.id}` ? stock.result : undefined} />
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
