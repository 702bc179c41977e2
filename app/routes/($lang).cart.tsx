/**
 * The basket (/cart, /en/cart): lines grouped by occupation group with each group's subtotal,
 * what changed since the buyer last looked (price, "only 2 left", no longer for sale), quantity
 * and remove forms that work without JavaScript, and the way on to checkout. Adding comes here
 * too, from the product page's form; a post without a valid CSRF token (a product page served
 * from the shared cache before its JavaScript ran) changes nothing and asks the buyer to confirm.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { Picture } from "~/components/picture";
import { productArt } from "~/components/cards";
import { formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { CartLimitError, acceptCartChanges, cartView, putInCart, removeFromCart } from "~/modules/cart/cart.server";
import { MAX_LINE_QUANTITY } from "~/modules/catalog/limits";
import { productTitle } from "~/modules/catalog/catalog.server";
import { buyerCart, buyerOf } from "~/web/buyer.server";
import { csrfForForm, requireCsrf } from "~/web/csrf.server";
import { requireLang } from "~/web/lang.server";
import { readForm } from "~/web/body.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

const productId = z.string().min(1).max(40);
const quantity = (min: number) => z.coerce.number({ message: "cart.quantityInvalid" }).int("cart.quantityInvalid").min(min, "cart.quantityInvalid").max(MAX_LINE_QUANTITY, "cart.quantityInvalid");

export const cartIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), productId, quantity: quantity(1).default(1) }),
  z.object({ intent: z.literal("set"), productId, quantity: quantity(0) }),
  z.object({ intent: z.literal("remove"), productId }),
  z.object({ intent: z.literal("accept-changes") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const { cartId } = await buyerOf(request);
  const { csrf, headers } = await csrfForForm(request);
  return data({ cart: await cartView(cartId), csrf }, { headers: { ...Object.fromEntries(new Headers(headers)), "Cache-Control": "private, no-store" } });
}

type Answer = { error: string | null; productId?: string; available?: number; confirm?: { productId: string; quantity: number; title: { th: string; en: string } } };

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  const parsed = cartIntents.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<Answer>({ error: parsed.error.issues[0]?.message.startsWith("cart.") ? parsed.error.issues[0].message : "cart.invalid" }, { status: 400 });
  const intent = parsed.data;
  try {
    await requireCsrf(request, form);
  } catch (error) {
    if (!(error instanceof Response) || intent.intent !== "add") throw error;
    // Added from a cached product page before its script fetched a token: ask, change nothing.
    const title = await productTitle(intent.productId);
    if (!title) return data<Answer>({ error: "cart.notForSale" }, { status: 400 });
    return data<Answer>({ error: null, confirm: { productId: intent.productId, quantity: intent.quantity, title } }, { status: 200 });
  }
  const { cartId, setCookie } = await buyerCart(request);
  const headers: HeadersInit = setCookie ? { "Set-Cookie": setCookie } : {};
  try {
    if (intent.intent === "add") await putInCart(cartId, { productId: intent.productId, quantity: intent.quantity });
    else if (intent.intent === "set") await putInCart(cartId, { productId: intent.productId, quantity: intent.quantity, replace: true });
    else if (intent.intent === "remove") await removeFromCart(cartId, intent.productId);
    else await acceptCartChanges(cartId);
  } catch (error) {
    if (error instanceof CartLimitError) {
      const key = { notAvailable: "cart.onlyLeft", notForSale: "cart.notForSale", tooManyLines: "cart.tooManyLines" }[error.reason];
      return data<Answer>({ error: key, productId: intent.intent === "accept-changes" ? undefined : intent.productId, available: error.available }, { status: 409, headers });
    }
    throw error;
  }
  // Post/redirect/get: a reload never adds twice.
  return redirect(href(lang, "/cart"), { headers });
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("cart.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function CartPage() {
  const { cart } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t, lang } = useT();
  return (
    <section className="page cart-page" aria-labelledby="cart-title">
      <h1 id="cart-title">{t("cart.title")}</h1>
      {answer?.confirm ? (
        <Form method="post" className="notice-box stack">
          <p>{t("cart.confirmAdd", { quantity: answer.confirm.quantity, title: pick(lang, answer.confirm.title.th, answer.confirm.title.en) })}</p>
          <CsrfInput />
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="productId" value={answer.confirm.productId} />
          <input type="hidden" name="quantity" value={answer.confirm.quantity} />
          <button type="submit" className="button">
            {t("cart.addConfirm")}
          </button>
        </Form>
      ) : null}
      {answer?.error ? (
        <p className="form-error" role="alert">
          {t(answer.error, { count: answer.available ?? 0 })}
        </p>
      ) : null}
      {cart.groups.length === 0 ? (
        <div className="empty-state stack">
          <p>{t("cart.empty")}</p>
          <p>
            <Link to={href(lang, "/")}>{t("cart.browse")}</Link>
          </p>
        </div>
      ) : (
        <>
          {cart.hasProblems ? (
            <Form method="post" className="notice-box stack">
              <p role="status">{t("cart.changed")}</p>
              <CsrfInput />
              <input type="hidden" name="intent" value="accept-changes" />
              <button type="submit" className="button">
                {t("cart.acceptChanges")}
              </button>
            </Form>
          ) : null}
          {cart.groups.map(({ group, lines, itemsSatang }) => (
            <section key={group.id} className="cart-group" aria-labelledby={`group-${group.id}`}>
              <h2 id={`group-${group.id}`}>
                <Link to={href(lang, `/groups/${group.slug}`)}>{pick(lang, group.nameTh, group.nameEn)}</Link>
              </h2>
              <ul className="cart-lines">
                {lines.map((line) => {
                  const title = pick(lang, line.product.titleTh, line.product.titleEn);
                  const unit = pick(lang, line.product.unitTh, line.product.unitEn);
                  return (
                    <li key={line.product.id} className="cart-line">
                      {line.product.images[0] ? (
                        <Picture image={line.product.images[0].image} alt="" sizes="80px" className="cart-thumb" />
                      ) : (
                        <img className="cart-thumb" src={productArt(line.product.slug, line.product.category.slug)} alt="" width={80} height={80} loading="lazy" />
                      )}
                      <div className="cart-line-body">
                        <Link to={href(lang, `/products/${line.product.slug}`)} className="cart-line-title">
                          {title}
                        </Link>
                        <span>
                          {formatMoney(line.product.priceSatang, lang)} {t("product.perUnit", { unit })}
                        </span>
                        {line.notice.kind === "priceChanged" ? (
                          <p className="field-error">{t("cart.priceChanged", { from: formatMoney(line.notice.fromSatang, lang), to: formatMoney(line.notice.toSatang, lang) })}</p>
                        ) : line.notice.kind === "limited" ? (
                          <p className="field-error">{t("cart.onlyLeft", { count: line.notice.available })}</p>
                        ) : line.notice.kind === "unavailable" ? (
                          <p className="field-error">{t("cart.notForSale")}</p>
                        ) : null}
                        <div className="cart-line-forms">
                          <Form method="post" className="inline-form">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="set" />
                            <input type="hidden" name="productId" value={line.product.id} />
                            <label htmlFor={`qty-${line.product.id}`} className="visually-hidden">
                              {t("cart.quantityOf", { title })}
                            </label>
                            <input id={`qty-${line.product.id}`} name="quantity" type="number" inputMode="numeric" min={0} max={line.maxQuantity} defaultValue={line.quantity} className="qty-input" />
                            <button type="submit" className="button small secondary">
                              {t("cart.update")}
                            </button>
                          </Form>
                          <Form method="post" className="inline-form">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="productId" value={line.product.id} />
                            <button type="submit" className="link-button">
                              {t("cart.remove")} <span className="visually-hidden">{title}</span>
                            </button>
                          </Form>
                        </div>
                      </div>
                      <strong className="cart-line-total">{formatMoney(line.lineSatang, lang)}</strong>
                    </li>
                  );
                })}
              </ul>
              <p className="cart-subtotal">
                {t("cart.groupSubtotal")}: <strong>{formatMoney(itemsSatang, lang)}</strong>
              </p>
            </section>
          ))}
          <div className="cart-summary">
            <p>
              {t("cart.itemsTotal")}: <strong>{formatMoney(cart.itemsSatang, lang)}</strong>
            </p>
            <p className="hint">{t("cart.shippingAtCheckout")}</p>
            {cart.hasProblems ? null : (
              <Link to={href(lang, "/checkout")} className="button">
                {t("cart.toCheckout")}
              </Link>
            )}
          </div>
        </>
      )}
    </section>
  );
}
