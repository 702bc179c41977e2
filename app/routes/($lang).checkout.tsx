/**
 * Checkout (/checkout): contact (email or phone; guests welcome), shipping per group, an address
 * when anything is delivered, a review with every group's lines, shipping and the total, and the
 * way of paying. One form that works without JavaScript: "update totals" re-renders the review
 * with the chosen shipping; "place order" places it. A hidden checkout key makes a double click
 * one order. Totals shown here are recomputed by placeOrder from the database, never taken from
 * the form.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { z } from "zod";
import { config } from "~/config.server";
import { AddressFields, type AddressFieldsMeta } from "~/components/address-fields";
import { CsrfInput, Field } from "~/components/forms";
import { formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { chooseShipping } from "~/modules/cart/cart.server";
import { checkoutView } from "~/modules/checkout/checkout-view.server";
import { CheckoutError, placeOrder, type CheckoutProblem } from "~/modules/checkout/place-order.server";
import { addressShape, addressFieldNames } from "~/modules/addresses/address";
import { thaiAddressSchema } from "~/modules/addresses/address.server";
import { buyerOf } from "~/web/buyer.server";
import { csrfForForm, requireCsrf } from "~/web/csrf.server";
import { requireLang } from "~/web/lang.server";
import { grantOrder } from "~/web/order-access.server";
import { startCardPayment } from "~/modules/payments/card-payments.server";
import { publicOrigin } from "~/web/origin.server";
import { readForm } from "~/web/body.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

const PROVIDERS = ["CASH_ON_PICKUP", "PROMPTPAY_DIRECT", "OMISE", "STRIPE"] as const;

/** Who receives the order; for deliveries the address fieldset asks the name and phone with the address. */
const contactSchema = z.object({
  recipientName: addressShape.recipientName,
  phone: addressShape.phone,
  email: z.union([z.literal(""), z.email({ message: "errors.email" }).max(254)]).transform((value) => value.toLowerCase() || null),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const { user, cartId } = await buyerOf(request);
  const view = await checkoutView(cartId);
  const { csrf, headers } = await csrfForForm(request);
  return data(
    { view, csrf, checkoutKey: crypto.randomUUID(), stripePromptPay: config().STRIPE_PROMPTPAY, user: user ? { name: user.name, email: user.email } : null },
    { headers: { ...Object.fromEntries(new Headers(headers)), "Cache-Control": "private, no-store" } },
  );
}

type Answer = { fieldErrors: Record<string, string>; values: Record<string, string>; problems: CheckoutProblem[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "csrf"));
  const { user, cartId } = await buyerOf(request);
  if (!cartId) return redirect(href(lang, "/cart"));
  const shipping: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (key.startsWith("shipping.") && value) shipping[key.slice("shipping.".length)] = value;
  // The choices are kept for the page shown again; an order placed empties the basket and its
  // choices anyway, so the placing path keeps them only when it shows the page again.
  const rememberShipping = async () => {
    for (const [groupId, methodId] of Object.entries(shipping)) await chooseShipping(cartId, groupId, methodId);
  };
  if (values.intent !== "place") {
    await rememberShipping();
    return data<Answer>({ fieldErrors: {}, values, problems: [] });
  }

  const view = await checkoutView(cartId, shipping);
  const fieldErrors: Record<string, string> = {};
  const contact = contactSchema.safeParse(values);
  if (!contact.success) for (const issue of contact.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  // The places are checked against the Thai address dataset only once the fields' shapes are right.
  const address = view.needsAddress ? await thaiAddressSchema.safeParseAsync(values) : null;
  if (address && !address.success) for (const issue of address.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  const payment = z.enum(PROVIDERS).safeParse(values.payment);
  if (!payment.success) fieldErrors.payment = "checkout.choosePayment";
  const checkoutKey = z.string().uuid().safeParse(values.checkoutKey);
  if (!checkoutKey.success) throw new Response("Bad checkout form", { status: 400 });
  if (!contact.success || (address && !address.success) || !payment.success) {
    await rememberShipping();
    return data<Answer>({ fieldErrors, values, problems: [] }, { status: 400 });
  }

  try {
    const placed = await placeOrder({
      cartId,
      checkoutKey: checkoutKey.data,
      buyerId: user?.id ?? null,
      locale: lang,
      contact: contact.data,
      address: address?.success
        ? { line: address.data.line, subdistrict: address.data.subdistrict, district: address.data.district, province: address.data.province, postcode: address.data.postcode }
        : null,
      shipping: Object.fromEntries(view.groups.filter((group) => group.chosen).map((group) => [group.group.id, group.chosen!.id])),
      payment: payment.data,
    });
    const grant = { "Set-Cookie": await grantOrder(request, placed.number) };
    const orderPath = href(lang, `/orders/${placed.number}`);
    if (payment.data === "STRIPE") {
      // Straight on to Stripe's page; if Stripe cannot be reached, the order page offers it again.
      const url = await startCardPayment({ orderId: placed.id, provider: "STRIPE", token: null, orderUrl: `${publicOrigin(request)}${orderPath}` }).catch((error: unknown) => {
        console.error(`order ${placed.number}: Stripe Checkout: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      if (url) return redirect(url, { headers: grant });
    }
    return redirect(`${orderPath}?placed=1`, { headers: grant });
  } catch (error) {
    if (error instanceof CheckoutError) {
      await rememberShipping();
      const busy = error.problems.some((problem) => problem.kind === "busy");
      return data<Answer>({ fieldErrors: {}, values, problems: error.problems }, { status: busy ? 429 : 409, headers: busy ? { "Retry-After": "5" } : {} });
    }
    throw error;
  }
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("checkout.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Checkout() {
  const { view, checkoutKey, stripePromptPay, user } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t, lang } = useT();
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const values = answer?.values ?? {};
  const errors = answer?.fieldErrors ?? {};
  if (view.groups.length === 0) {
    return (
      <section className="page narrow" aria-labelledby="checkout-title">
        <h1 id="checkout-title">{t("checkout.title")}</h1>
        <p className="empty-state">{t("cart.empty")}</p>
        <Link to={href(lang, "/")}>{t("cart.browse")}</Link>
      </section>
    );
  }
  return (
    <section className="page checkout" aria-labelledby="checkout-title">
      <h1 id="checkout-title">{t("checkout.title")}</h1>
      {answer?.problems.length ? (
        <div className="form-error" role="alert">
          <p>{t("checkout.problems")}</p>
          <ul>
            {answer.problems.map((problem, index) => (
              <li key={index}>{t(`checkout.problem.${problem.kind}`, { count: "available" in problem ? problem.available : 0 })}</li>
            ))}
          </ul>
          <Link to={href(lang, "/cart")}>{t("checkout.backToCart")}</Link>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate onChange={(event) => {
        // With JavaScript, choosing another shipping method updates the totals at once.
        const target = event.target as HTMLInputElement;
        if (target.name.startsWith("shipping.")) {
          const data = new FormData(event.currentTarget);
          data.set("intent", "review");
          submit(data, { method: "post", preventScrollReset: true, replace: true });
        }
      }}>
        <CsrfInput />
        <input type="hidden" name="checkoutKey" value={values.checkoutKey ?? checkoutKey} />
        <fieldset className="stack">
          <legend>{t("checkout.contact")}</legend>
          {view.needsAddress ? null : (
            <>
              <Field label={t("checkout.recipientName")} name="recipientName" autoComplete="name" required defaultValue={values.recipientName ?? user?.name ?? ""} error={errors.recipientName} />
              <Field label={t("checkout.phone")} name="phone" type="tel" autoComplete="tel" inputMode="tel" required defaultValue={values.phone ?? ""} error={errors.phone} />
            </>
          )}
          <Field label={t("checkout.email")} hint={t("checkout.emailHint")} name="email" type="email" autoComplete="email" defaultValue={values.email ?? user?.email ?? ""} error={errors.email} />
        </fieldset>

        {view.groups.map((group) => (
          <fieldset key={group.group.id} className="checkout-group stack">
            <legend>{pick(lang, group.group.nameTh, group.group.nameEn)}</legend>
            <ul className="plain-list">
              {group.lines.map((line) => (
                <li key={line.product.id}>
                  {line.quantity} × {pick(lang, line.product.titleTh, line.product.titleEn)} — {formatMoney(line.lineSatang, lang)}
                </li>
              ))}
            </ul>
            {group.options.length === 0 ? (
              <p className="field-error">{t("checkout.noShipping")}</p>
            ) : (
              <div className="radios" role="radiogroup" aria-label={t("checkout.shippingFor", { group: pick(lang, group.group.nameTh, group.group.nameEn) })}>
                {group.options.map((option) => (
                  <label key={option.id} className="radio">
                    <input type="radio" name={`shipping.${group.group.id}`} value={option.id} defaultChecked={option.id === group.chosen?.id} />
                    <span>
                      {pick(lang, option.nameTh, option.nameEn)} — {option.free ? t("checkout.free") : formatMoney(option.feeSatang, lang)}
                      {option.scheduleTh ? <span className="hint"> · {pick(lang, option.scheduleTh, option.scheduleEn ?? "")}</span> : null}
                    </span>
                  </label>
                ))}
              </div>
            )}
            <p>
              {t("checkout.groupTotal")}: <strong>{formatMoney(group.itemsSatang + group.shippingSatang, lang)}</strong>
            </p>
          </fieldset>
        ))}
        <button type="submit" name="intent" value="review" className="button secondary small">
          {t("checkout.updateTotals")}
        </button>

        {view.needsAddress ? <AddressFields fields={addressFieldsMeta(values, errors, user?.name)} legend={t("checkout.address")} /> : null}

        <fieldset className="stack">
          <legend>{t("checkout.payment")}</legend>
          {view.payments.map((provider, index) => (
            <label key={provider} className="radio">
              <input type="radio" name="payment" value={provider} defaultChecked={(values.payment ?? (index === 0 ? provider : "")) === provider} />
              <span>
                {provider === "STRIPE" && stripePromptPay ? t("checkout.stripeWithPromptPay") : t(`checkout.providers.${provider}`)}
                <span className="hint"> · {t(`checkout.providerHints.${provider}`)}</span>
              </span>
            </label>
          ))}
          {errors.payment ? <p className="field-error" role="alert">{t(errors.payment)}</p> : null}
        </fieldset>

        <div className="checkout-summary" data-testid="checkout-summary">
          <p>
            {t("cart.itemsTotal")}: {formatMoney(view.itemsSatang, lang)}
          </p>
          <p>
            {t("checkout.shipping")}: {formatMoney(view.shippingSatang, lang)}
          </p>
          <p className="total">
            {t("checkout.total")}: <strong>{formatMoney(view.totalSatang, lang)}</strong>
          </p>
        </div>
        <button type="submit" name="intent" value="place" className="button" disabled={busy || view.missingShipping.length > 0}>
          {t("checkout.place")}
        </button>
      </Form>
    </section>
  );
}

/** The address fieldset's fields, filled with what the buyer last sent and the server's answer to it. */
function addressFieldsMeta(values: Record<string, string>, errors: Record<string, string>, name: string | undefined): AddressFieldsMeta {
  const initial: Record<string, string | undefined> = { recipientName: name, ...values };
  return Object.fromEntries(
    addressFieldNames.map((field) => [field, { id: `address-${field}`, name: field, errorId: `address-${field}-error`, initialValue: initial[field] ?? "", errors: errors[field] ? [errors[field]] : undefined }]),
  ) as AddressFieldsMeta;
}
