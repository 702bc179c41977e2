/**
 * An order as its buyer follows it (/orders/SM-2570-000123): each group's part with its status,
 * timeline, promised dates and carrier tracking, how to reach each group, what was paid, and
 * "cancel" while no group has accepted. Paid by PromptPay straight to the groups, each group's
 * part shows its own QR (exact amount, the group's name, a picture to save for a banking app on
 * the same phone) and takes the transfer slip, posted as a multipart form to this same action. Paid
 * by card (Omise.js on this page, or Stripe's hosted page), the page fetches the payment back from
 * the provider before it shows a result, and offers to pay while the money has not arrived. Open to the account that placed it, to the browser that
 * placed it, and to anyone who gives the order's email or phone (a guest on another device);
 * to anyone else it is the same "not found" as an unknown code.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { CardPayment, type CardState } from "~/components/card-payment";
import { CsrfInput, Field } from "~/components/forms";
import { GroupContacts } from "~/components/group-contacts";
import { formatDate, formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { NotReceivableError, OrderNotCancellableError, cancelOrderByBuyer, confirmReceivedByBuyer } from "~/modules/orders/lifecycle.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { ORDER_NUMBER_PATTERN } from "~/modules/orders/numbering.server";
import { orderForBuyer } from "~/modules/orders/queries.server";
import { buyerMayCancel } from "~/modules/orders/status";
import { trackingUrl } from "~/modules/orders/carriers";
import { promptPayCodes } from "~/modules/payments/promptpay-qr.server";
import { SlipRejectedError, slipMaxBytes, submitSlip } from "~/modules/payments/slips.server";
import { CARD_PROVIDERS, CardTokenMissingError, OMISE_SOURCES, omisePromptPayQr, refreshCardPayment, startCardPayment } from "~/modules/payments/card-payments.server";
import { OrderNotPayableError } from "~/modules/payments/providers/omise/omise.server";
import { publicOrigin } from "~/web/origin.server";
import { config } from "~/config.server";
import type { PaymentProvider } from "~/generated/prisma/enums";
import { isMultipart, parseFileUpload } from "~/web/multipart.server";
import { csrfForForm, requireCsrf } from "~/web/csrf.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { grantOrder, grantedOrders } from "~/web/order-access.server";
import { getUser } from "~/web/session.server";
import { readForm } from "~/web/body.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

function orderNumber(params: LoaderFunctionArgs["params"]): string {
  const number = params.number ?? "";
  if (!ORDER_NUMBER_PATTERN.test(number)) throw notFound("No such order");
  return number;
}

async function access(request: Request, number: string) {
  const user = await getUser(request);
  const granted = (await grantedOrders(request)).includes(number);
  return { user, granted };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const number = orderNumber(params);
  const { user, granted } = await access(request, number);
  // A browser that placed or unlocked the order sees it without giving the contact again.
  let order = await orderForBuyer(number, { userId: user?.id, granted });
  const byCard = order !== null && CARD_PROVIDERS.includes(order.paymentProvider);
  const returned = new URL(request.url).searchParams.has("paid");
  // Paid already (a card charged at once, or settled by a webhook meanwhile): nothing to ask.
  const card = byCard && order!.status === "PENDING_PAYMENT" ? await cardState(order!.id, order!.paymentProvider, returned) : byCard && returned && order!.status === "PAID" ? "paid" : null;
  if (card === "paid") order = await orderForBuyer(number, { userId: user?.id, granted });
  const { csrf, headers } = await csrfForForm(request);
  const toPay = order ? await promptPayCodes(order) : [];
  // Omise.js needs the public key in the browser; it is public by design.
  const omiseKey = order?.paymentProvider === "OMISE" ? (config().OMISE_PUBLIC_KEY ?? null) : null;
  const omiseQr = omiseKey && order?.status === "PENDING_PAYMENT" ? await omisePromptPayQr(order.id) : null;
  const stripePromptPay = order?.paymentProvider === "STRIPE" && config().STRIPE_PROMPTPAY;
  return data({ number, order, csrf, toPay, card, omiseKey, omiseQr, stripePromptPay }, { headers: { ...Object.fromEntries(new Headers(headers)), "Cache-Control": "private, no-store" } });
}

/** What the provider says of the order's card payment, fetched back from it (never read from the return URL). */
async function cardState(orderId: string, provider: PaymentProvider, returned: boolean): Promise<CardState> {
  try {
    const outcome = await refreshCardPayment(orderId, provider);
    if (outcome === "paid" || outcome === "failed") return outcome;
    return returned ? "notYet" : null;
  } catch (error) {
    // Stripe unreachable, or a session whose amount or currency is not ours: nothing is recorded.
    console.error(`order ${orderId}: card payment not confirmed: ${error instanceof Error ? error.message : String(error)}`);
    return returned ? "notYet" : null;
  }
}

const intents = z.discriminatedUnion("intent", [
  // Omise.js's one-use card token; Stripe needs none (the card is typed on Stripe's page).
  // Or, with Omise, its PromptPay or a bank's app (a source the server makes).
  z.object({ intent: z.literal("pay-card"), omiseToken: z.string().regex(/^tokn_[A-Za-z0-9_]{1,60}$/, "orders.invalid").optional(), omiseSource: z.enum(OMISE_SOURCES, "pay.omise.unknownSource").optional() }),
  z.object({ intent: z.literal("unlock"), contact: z.string().trim().min(3, "orders.contactRequired").max(254) }),
  z.object({ intent: z.literal("cancel"), reason: z.string().trim().max(300).default("") }),
  z.object({ intent: z.literal("received"), groupOrderId: z.string().min(1).max(64) }),
]);

/** How each refused slip is answered: the status and the message key shown beside its form. */
const slipRefusal: Record<SlipRejectedError["reason"], number> = { missing: 400, tooLarge: 413, notAnImage: 415, noQr: 422, notASlip: 422, alreadyUsed: 409, notAwaitingSlip: 409 };

/** The buyer's transfer slip for one group's PromptPay payment. */
async function slipAction(request: Request, lang: "th" | "en", number: string) {
  const upload = await parseFileUpload(request, { field: "slip", maxBytes: slipMaxBytes() });
  await requireCsrf(request, upload.form);
  const paymentId = z.string().min(1).max(64).safeParse(upload.form.get("paymentId"));
  if (upload.form.get("intent") !== "slip" || !paymentId.success) return data({ error: "orders.invalid", paymentId: null }, { status: 400 });
  const { user, granted } = await access(request, number);
  const order = await orderForBuyer(number, { userId: user?.id, granted });
  if (!order) throw notFound("No such order");
  if (upload.tooLarge) return data({ error: "pay.slip.tooLarge", paymentId: paymentId.data }, { status: 413 });
  try {
    await submitSlip({ orderId: order.id, paymentId: paymentId.data, bytes: upload.file, actorId: user?.id ?? null });
  } catch (error) {
    if (error instanceof SlipRejectedError) return data({ error: `pay.slip.${error.reason}`, paymentId: paymentId.data }, { status: slipRefusal[error.reason] });
    throw error;
  }
  return redirect(`${href(lang, `/orders/${number}`)}?slip=sent`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const number = orderNumber(params);
  if (isMultipart(request)) return slipAction(request, lang, number);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = intents.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "orders.invalid" }, { status: 400 });
  const { user, granted } = await access(request, number);
  if (parsed.data.intent === "unlock") {
    const order = await orderForBuyer(number, { contact: parsed.data.contact });
    // The same answer for a wrong contact and an unknown code: a guess learns nothing.
    if (!order) return data({ error: "orders.notFoundForContact" }, { status: 404 });
    return redirect(href(lang, `/orders/${number}`), { headers: { "Set-Cookie": await grantOrder(request, number) } });
  }
  const order = await orderForBuyer(number, { userId: user?.id, granted });
  if (!order) throw notFound("No such order");
  if (parsed.data.intent === "pay-card") {
    if (!CARD_PROVIDERS.includes(order.paymentProvider) || order.status !== "PENDING_PAYMENT") return data({ error: "orders.invalid" }, { status: 409 });
    const orderUrl = `${publicOrigin(request)}${href(lang, `/orders/${number}`)}`;
    try {
      return redirect(await startCardPayment({ orderId: order.id, provider: order.paymentProvider, token: parsed.data.omiseToken ?? null, source: order.paymentProvider === "OMISE" ? parsed.data.omiseSource : undefined, orderUrl }));
    } catch (error) {
      if (error instanceof CardTokenMissingError) return data({ error: "pay.card.needsScript" }, { status: 400 });
      if (error instanceof OrderNotPayableError) return data({ error: "orders.invalid" }, { status: 409 });
      console.error(`order ${number}: card payment: ${error instanceof Error ? error.message : String(error)}`);
      return data({ error: "pay.card.unavailable" }, { status: 503 });
    }
  }
  if (parsed.data.intent === "received") {
    try {
      await confirmReceivedByBuyer({ orderId: order.id, groupOrderId: parsed.data.groupOrderId, actorId: user?.id ?? null });
    } catch (error) {
      if (error instanceof NotInGroupError) throw notFound("No such order");
      if (error instanceof NotReceivableError) return data({ error: "pay.received.notYet" }, { status: 409 });
      throw error;
    }
    return redirect(`${href(lang, `/orders/${number}`)}?received=1`);
  }
  try {
    await cancelOrderByBuyer({ orderId: order.id, actorId: user?.id ?? null, reason: parsed.data.reason || "cancelled by the buyer" });
  } catch (error) {
    if (error instanceof OrderNotCancellableError) return data({ error: "orders.notCancellable" }, { status: 409 });
    throw error;
  }
  return redirect(href(lang, `/orders/${number}`));
}

export const meta: MetaFunction<typeof loader> = ({ location, data: loaded }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("orders.title", { number: loaded?.number ?? "" })} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function OrderPage() {
  const { number, order, toPay, card, omiseKey, omiseQr, stripePromptPay } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as { error: string; paymentId?: string | null } | undefined;
  const [search] = useSearchParams();
  const { t, lang } = useT();
  if (!order) {
    return (
      <section className="page narrow" aria-labelledby="order-title">
        <h1 id="order-title">{t("orders.title", { number })}</h1>
        <p>{t("orders.unlockIntro")}</p>
        <Form method="post" className="stack" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="unlock" />
          <Field label={t("orders.contact")} name="contact" autoComplete="email" required error={answer?.error} />
          <button type="submit" className="button">
            {t("orders.unlock")}
          </button>
        </Form>
      </section>
    );
  }
  const mayCancel = (order.status === "PENDING_PAYMENT" || order.status === "PAID") && buyerMayCancel(order.groupOrders.map((groupOrder) => groupOrder.status));
  return (
    <section className="page order-page" aria-labelledby="order-title">
      {search.get("placed") ? (
        <p className="notice notice-box" role="status">
          {t("orders.thanks", { number: order.number })}
        </p>
      ) : null}
      <h1 id="order-title">{t("orders.title", { number: order.number })}</h1>
      <p>
        {t("orders.placedOn", { date: formatDate(new Date(order.createdAt), lang) })} · {t(`orders.status.${order.status}`)} · {t("checkout.total")}{" "}
        <strong>{formatMoney(order.totalSatang, lang)}</strong>
      </p>
      {order.status === "PENDING_PAYMENT" && order.expiresAt ? <p>{t("mail.payBy", { date: formatDate(new Date(order.expiresAt), lang) })}</p> : null}
      {order.paymentProvider === "CASH_ON_PICKUP" ? <p className="hint">{t("mail.payLater")}</p> : null}
      {(order.paymentProvider === "STRIPE" || order.paymentProvider === "OMISE") && (card || order.status === "PENDING_PAYMENT") ? (
        <CardPayment amountSatang={order.totalSatang} state={card} open={order.status === "PENDING_PAYMENT"} omiseKey={omiseKey} omiseQr={omiseQr} promptPay={stripePromptPay} />
      ) : null}
      {search.get("received") ? (
        <p className="notice notice-box" role="status">
          {t("pay.received.done")}
        </p>
      ) : null}
      {search.get("slip") ? (
        <p className="notice notice-box" role="status">
          {t("pay.slip.sent")}
        </p>
      ) : null}
      {answer?.error && !answer.paymentId ? (
        <p className="form-error" role="alert">
          {t(answer.error)}
        </p>
      ) : null}
      {order.groupOrders.map((groupOrder) => {
        const groupName = pick(lang, groupOrder.group.nameTh, groupOrder.group.nameEn);
        const link = groupOrder.carrier && groupOrder.trackingNumber ? trackingUrl(groupOrder.carrier, groupOrder.trackingNumber) : null;
        return (
          <section key={groupOrder.id} className="group-order" aria-labelledby={`go-${groupOrder.id}`}>
            <h2 id={`go-${groupOrder.id}`}>
              <Link to={href(lang, `/groups/${groupOrder.group.slug}`)}>{groupName}</Link>
            </h2>
            <p className="status-line" data-testid={`status-${groupOrder.group.slug}`}>
              {t(`orders.groupStatus.${groupOrder.status}`)}
            </p>
            <ul className="plain-list">
              {groupOrder.lines.map((line) => (
                <li key={line.productSlug}>
                  {line.quantity} × {pick(lang, line.titleTh, line.titleEn)} — {formatMoney(line.unitPriceSatang * line.quantity, lang)}
                  {line.promisedBy ? <span className="hint"> · {t("availability.readyAround", { date: formatDate(new Date(line.promisedBy), lang) })}</span> : null}
                </li>
              ))}
              <li>
                {pick(lang, groupOrder.shippingNameTh, groupOrder.shippingNameEn)} — {formatMoney(groupOrder.shippingSatang, lang)}
              </li>
            </ul>
            {groupOrder.trackingNumber ? (
              <p>
                {t("orders.tracking", { carrier: groupOrder.carrier ?? "", number: groupOrder.trackingNumber })}{" "}
                {link ? (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    {t("orders.trackingLink")}
                  </a>
                ) : null}
              </p>
            ) : null}
            {groupOrder.cancelReason ? <p>{t("orders.cancelReason", { reason: groupOrder.cancelReason === "expired" ? t("orders.expiredReason") : groupOrder.cancelReason })}</p> : null}
            <ol className="timeline">
              {groupOrder.events.map((event, index) => (
                <li key={index}>
                  {t(`orders.groupStatus.${event.to}`)} · {formatDate(new Date(event.createdAt), lang)}
                </li>
              ))}
            </ol>
            <dl className="money-split receipt-split" aria-label={t("money.receipt.title")}>
              <div>
                <dt>{t("money.receipt.group", { group: groupName })}</dt>
                <dd data-testid={`receipt-share-${groupOrder.group.slug}`}>
                  {formatMoney(groupOrder.itemsSatang + groupOrder.shippingSatang - groupOrder.platformFeeSatang - groupOrder.providerFeeSatang, lang)}
                </dd>
              </div>
              <div>
                <dt>{t("money.receipt.platform")}</dt>
                <dd>{formatMoney(groupOrder.platformFeeSatang, lang)}</dd>
              </div>
              <div>
                <dt>{t("money.receipt.provider")}</dt>
                <dd>{formatMoney(groupOrder.providerFeeSatang, lang)}</dd>
              </div>
            </dl>
            <PaymentPart
              groupName={groupName}
              number={order.number}
              payments={groupOrder.payments}
              toPay={toPay.find((code) => code.groupOrderId === groupOrder.id) ?? null}
              error={answer?.paymentId && groupOrder.payments.some((payment) => payment.id === answer.paymentId) ? answer.error : null}
            />
            {["SHIPPED", "READY_FOR_PICKUP", "DELIVERED"].includes(groupOrder.status) && !groupOrder.receivedAt ? (
              <Form method="post" className="stack">
                <CsrfInput />
                <input type="hidden" name="intent" value="received" />
                <input type="hidden" name="groupOrderId" value={groupOrder.id} />
                <p className="hint">{t("pay.received.hint")}</p>
                <button type="submit" className="button secondary">
                  {t("pay.received.button", { group: groupName })}
                </button>
              </Form>
            ) : null}
            <GroupContacts contacts={groupOrder.group} groupName={groupName} headingId={`contact-${groupOrder.id}`} />
          </section>
        );
      })}
      {mayCancel ? (
        <details className="danger-zone">
          <summary>{t("orders.cancel")}</summary>
          <Form method="post" className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="cancel" />
            <label htmlFor="cancel-reason">{t("orders.cancelWhy")}</label>
            <input id="cancel-reason" name="reason" maxLength={300} />
            <button type="submit" className="button secondary">
              {t("orders.cancelConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

type LoadedOrder = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["order"]>;

/** One group's payment: its PromptPay QR and slip form while unpaid, then where the money stands. */
function PaymentPart(props: {
  groupName: string;
  number: string;
  payments: LoadedOrder["groupOrders"][number]["payments"];
  toPay: ReturnType<typeof useLoaderData<typeof loader>>["toPay"][number] | null;
  error: string | null;
}) {
  const { t, lang } = useT();
  const direct = props.payments.find((payment) => payment.provider === "PROMPTPAY_DIRECT");
  if (!direct) return null;
  const { toPay } = props;
  const headingId = `pay-${direct.id}`;
  return (
    <section className="pay-part" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("pay.title", { group: props.groupName })}</h3>
      {toPay ? (
        <>
          <figure className="promptpay-qr">
            {/* The SVG is qrcode's own output from our payload: no user text in it. */}
            <div className="qr" role="img" aria-label={t("pay.qrLabel", { group: props.groupName, amount: formatMoney(toPay.amountSatang, lang) })} dangerouslySetInnerHTML={{ __html: toPay.qr.svg }} />
            <figcaption>
              <strong>{props.groupName}</strong>
              <span className="amount" data-testid={`pay-amount-${direct.id}`}>
                {formatMoney(toPay.amountSatang, lang)}
              </span>
            </figcaption>
          </figure>
          <p className="hint">{t("pay.howTo")}</p>
          <p>
            <a className="button secondary" href={toPay.qr.pngDataUrl} download={`promptpay-${props.number}-${direct.id.slice(-6)}.png`}>
              {t("pay.saveImage")}
            </a>
          </p>
          <Form method="post" encType="multipart/form-data" className="stack" aria-label={t("pay.slip.formLabel", { group: props.groupName })}>
            <CsrfInput />
            <input type="hidden" name="intent" value="slip" />
            <input type="hidden" name="paymentId" value={direct.id} />
            <label htmlFor={`slip-${direct.id}`}>{t("pay.slip.label")}</label>
            <input id={`slip-${direct.id}`} name="slip" type="file" accept="image/*" required aria-describedby={props.error ? `slip-error-${direct.id}` : undefined} />
            {props.error ? (
              <p id={`slip-error-${direct.id}`} className="field-error" role="alert">
                {t(props.error)}
              </p>
            ) : null}
            <button type="submit" className="button">
              {t("pay.slip.send")}
            </button>
          </Form>
        </>
      ) : (
        <p data-testid={`pay-state-${direct.id}`}>{t(`pay.state.${direct.status}`)}</p>
      )}
    </section>
  );
}
