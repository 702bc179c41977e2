/**
 * One of the group's orders: what to make and send, to whom, how it is paid, what happened so
 * far, and the moves allowed now (the state machine's). Members read; managers and owners act,
 * and the committee's treasurer also confirms that the buyer's money arrived (mayConfirmPayments).
 * Each form posts an `intent` with the status the page showed (`from`), so a move on an order
 * someone else changed meanwhile is refused instead of applied blind. Cancelling goes through a
 * confirmation page (`?step=cancel`), which works without JavaScript.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { AddressLines, OrderLines, StatusBadge, Timeline } from "~/components/group-order";
import { CancelForm, ShipForm } from "~/components/group-order-forms";
import type { GroupOrderStatus } from "~/generated/prisma/enums";
import { formatDateTime, formatMoney } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { hasGroupRole, mayConfirmPayments } from "~/modules/accounts/permissions";
import { NotInGroupError } from "~/modules/groups/errors";
import { carrierForShipping, carrierName, trackingUrl } from "~/modules/orders/carriers";
import { isConfirmableByGroup, offeredMoves, paymentState } from "~/modules/orders/inbox";
import { OrderChangedError, confirmPaymentReceived, moveGroupOrder } from "~/modules/orders/lifecycle.server";
import { isPickup } from "~/modules/shipping/kinds";
import { groupOrderForGroup } from "~/modules/orders/queries.server";
import { GROUP_ORDER_STATUSES, IllegalTransitionError } from "~/modules/orders/status";
import { PaymentStateError } from "~/modules/payments/payments.server";
import { AlreadyPaidOutError, NothingToRefundError, RefundTooLargeError, refundByGroup } from "~/modules/payments/refunds.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireWorkspace } from "~/web/guards.server";
import { readForm } from "~/web/body.server";
import { notFound } from "~/web/http.server";
import { parseIntent, type FormReply } from "~/web/intent.server";
import { idParam } from "~/web/params";
import { VISIBLE_FIELDS, groupOrderIntents } from "~/web/group-order-intents";

async function groupOrderOf(groupId: string, rawId: string | undefined) {
  const id = idParam(rawId);
  if (!id) throw notFound("No such order");
  try {
    return await groupOrderForGroup(groupId, id);
  } catch (error) {
    // Another group's order is answered as if it did not exist.
    if (error instanceof NotInGroupError) throw notFound("No such order");
    throw error;
  }
}

const doneParam = z.enum([...GROUP_ORDER_STATUSES, "paid", "refunded"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, role, user } = await requireWorkspace(request, params, "MEMBER");
  const groupOrder = await groupOrderOf(group.id, params.groupOrderId);
  const search = new URL(request.url).searchParams;
  const canAct = role !== "MEMBER";
  const pickup = isPickup(groupOrder.shippingKind);
  const moves = offeredMoves(groupOrder.status, pickup, groupOrder.lines.some((line) => line.quantityToMake > 0));
  // The slip's storage key stays on the server; the page needs only whether there is a picture.
  const payments = groupOrder.payments.map(({ slipStorageKey, ...payment }) => ({ ...payment, hasSlipImage: slipStorageKey !== null }));
  return {
    slug: group.slug,
    groupOrder: { ...groupOrder, payments },
    pickup,
    canAct,
    moves,
    confirmingCancel: canAct && moves.includes("CANCELLED") && search.get("step") === "cancel",
    canConfirmPayment: mayConfirmPayments(user.memberships, group.id) && groupOrder.payments.some(isConfirmableByGroup),
    canRefund: canAct && groupOrder.payments.some((payment) => payment.status === "SUCCEEDED" || payment.status === "PARTIALLY_REFUNDED"),
    payment: paymentState(groupOrder.payments, groupOrder.order.status),
    suggestedCarrier: carrierForShipping(groupOrder.shippingKind),
    tracking:
      groupOrder.carrier && groupOrder.trackingNumber
        ? { carrier: groupOrder.carrier, number: groupOrder.trackingNumber, url: trackingUrl(groupOrder.carrier, groupOrder.trackingNumber) }
        : null,
    done: doneParam.safeParse(search.get("done")).data ?? null,
  };
}

/** Why a move was refused, as a dictionary key and its values, for the page to say in its language. */
export type Refusal = { key: string; from?: GroupOrderStatus; to?: GroupOrderStatus; status?: GroupOrderStatus };
type Answer = FormReply & { refused?: Refusal };

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user, lang } = await requireWorkspace(request, params, "MEMBER");
  const id = idParam(params.groupOrderId);
  if (!id) throw notFound("No such order");
  const form = await readForm(request);
  await requireCsrf(request, form);
  // Decided before the form is read further, so a refused member learns nothing from its errors.
  const confirming = form.get("intent") === "confirm-payment";
  if (!(confirming ? mayConfirmPayments(user.memberships, group.id) : hasGroupRole(user.memberships, group.id, "MANAGER"))) {
    throw new Response("Not allowed in this group", { status: 403 });
  }
  const parsed = parseIntent(form, groupOrderIntents, (posted) => String(posted.get("intent") ?? ""));
  if (!parsed.ok) return parsed.answer;
  const { value, submission } = parsed;
  const refuse = (status: number, refused: Refusal) => data<Answer>({ formId: value.intent, result: submission.reply(), refused }, { status });
  try {
    if (value.intent === "confirm-payment") {
      await confirmPaymentReceived({ groupId: group.id, groupOrderId: id, actorId: user.id });
    } else if (value.intent === "refund") {
      await refundByGroup({ groupId: group.id, groupOrderId: id, amountSatang: value.amount, reason: value.reason, actorId: user.id });
    } else {
      const to = value.intent === "ship" ? "SHIPPED" : value.intent === "cancel" ? "CANCELLED" : value.to;
      const details = value.intent === "ship" ? { carrier: value.carrier, trackingNumber: value.trackingNumber } : value.intent === "cancel" ? { reason: value.reason } : {};
      await moveGroupOrder({ groupId: group.id, groupOrderId: id, actorId: user.id, from: value.from, to, details });
    }
  } catch (error) {
    if (error instanceof NotInGroupError) throw notFound("No such order");
    if (error instanceof OrderChangedError) return refuse(409, { key: "inbox.errors.stale", status: error.current });
    if (error instanceof PaymentStateError) return refuse(409, { key: "inbox.errors.noPaymentWaiting" });
    if (error instanceof RefundTooLargeError) return refuse(400, { key: "pay.refund.tooLarge" });
    if (error instanceof NothingToRefundError) return refuse(409, { key: "pay.refund.nothing" });
    if (error instanceof AlreadyPaidOutError) return refuse(409, { key: "pay.refund.paidOut" });
    if (error instanceof IllegalTransitionError) {
      // A move the state machine never allows is a conflict with the order's state; a missing
      // detail (tracking number, reason) is a bad form.
      const missing = error.reason === "needsTracking" || error.reason === "needsReason";
      return refuse(missing ? 400 : 409, { key: error.reason === "notNext" ? "inbox.errors.illegal" : `inbox.errors.${error.reason}`, from: error.from, to: error.to });
    }
    throw error;
  }
  const done = value.intent === "confirm-payment" ? "paid" : value.intent === "refund" ? "refunded" : value.intent === "ship" ? "SHIPPED" : value.intent === "cancel" ? "CANCELLED" : value.to;
  return redirect(`${href(lang, `/groups/${group.slug}/manage/orders/${id}`)}?done=${done}`);
}

export default function GroupOrderPage() {
  const view = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t, lang } = useT();
  const { groupOrder, slug } = view;
  const { order } = groupOrder;
  const base = href(lang, `/groups/${slug}/manage/orders`);
  const self = `${base}/${groupOrder.id}`;
  const refused = answer?.refused;
  const direct = groupOrder.payments.find((payment) => payment.provider === "PROMPTPAY_DIRECT" && (payment.status === "PENDING" || payment.status === "AWAITING_CONFIRMATION"));
  // Errors on fields nobody types (a hidden status, the intent) come from a forged or outdated form.
  const badForm = Object.keys(answer?.result.error ?? {}).some((field) => !VISIBLE_FIELDS.includes(field));
  const refusedText = refused
    ? t(refused.key, {
        from: refused.from ? t(`inbox.status.${refused.from}`) : "",
        to: refused.to ? t(`inbox.status.${refused.to}`) : "",
        status: refused.status ? t(`inbox.status.${refused.status}`) : "",
      })
    : badForm
      ? t("inbox.errors.badForm")
      : null;
  const error = refusedText ? (
    <p className="form-error" role="alert">
      {refusedText}
    </p>
  ) : null;

  if (view.confirmingCancel) {
    return (
      <div className="stack">
        <h2>{t("inbox.detail.cancelTitle", { number: order.number })}</h2>
        <p>{t("inbox.detail.cancelWarning")}</p>
        {error}
        <CancelForm action={`${self}?step=cancel`} from={groupOrder.status} lastResult={answer?.formId === "cancel" ? answer.result : undefined} />
        <p>
          <Link to={self}>{t("inbox.detail.keep")}</Link>
        </p>
      </div>
    );
  }

  const shown = view.moves.filter((to) => to !== "SHIPPED" && to !== "CANCELLED");
  return (
    <div className="stack order-detail">
      <p>
        <Link to={base}>← {t("inbox.detail.back")}</Link>
      </p>
      <h2 className="order-title">
        {t("inbox.detail.heading", { number: order.number })} <StatusBadge status={groupOrder.status} />
      </h2>
      <p className="hint">{t("inbox.detail.placed", { date: formatDateTime(new Date(groupOrder.createdAt), lang) })}</p>
      {view.done && !refused ? (
        <p className="notice" role="status">
          {t(`inbox.detail.done.${view.done}`)}
        </p>
      ) : null}
      {error}

      <section aria-labelledby="moves-title" className="panel">
        <h3 id="moves-title">{t("inbox.detail.moves")}</h3>
        {view.moves.length === 0 ? (
          <p>{t("inbox.detail.finished")}</p>
        ) : !view.canAct ? (
          <p className="hint">{t("inbox.detail.readOnly")}</p>
        ) : (
          <>
            {shown.length > 0 ? (
              <Form method="post" action={self} className="move-buttons">
                <CsrfInput />
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="from" value={groupOrder.status} />
                {shown.map((to) => (
                  <button key={to} type="submit" name="to" value={to} className="button">
                    {t(`inbox.detail.move.${to}`)}
                  </button>
                ))}
              </Form>
            ) : null}
            {view.moves.includes("SHIPPED") ? (
              <ShipForm action={self} from={groupOrder.status} suggested={view.suggestedCarrier} lastResult={answer?.formId === "ship" ? answer.result : undefined} />
            ) : null}
            {view.moves.includes("CANCELLED") ? (
              <p>
                <Link to={`${self}?step=cancel`} className="button secondary danger">
                  {t("inbox.detail.move.CANCELLED")}
                </Link>
              </p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="lines-title">
        <h3 id="lines-title">{t("inbox.detail.lines")}</h3>
        <OrderLines lines={groupOrder.lines} />
        <dl className="totals">
          <div>
            <dt>{t("inbox.detail.itemsTotal")}</dt>
            <dd>{formatMoney(groupOrder.itemsSatang, lang)}</dd>
          </div>
          <div>
            <dt>{t("inbox.detail.shippingFee")}</dt>
            <dd>{formatMoney(groupOrder.shippingSatang, lang)}</dd>
          </div>
          <div>
            <dt>{t("inbox.detail.total")}</dt>
            <dd>
              <strong>{formatMoney(groupOrder.itemsSatang + groupOrder.shippingSatang, lang)}</strong>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="delivery-title">
        <h3 id="delivery-title">{t("inbox.detail.delivery")}</h3>
        <p>{pick(lang, groupOrder.shippingNameTh, groupOrder.shippingNameEn)}</p>
        <dl className="facts-list">
          <div>
            <dt>{t("inbox.detail.recipient")}</dt>
            <dd>{order.recipientName}</dd>
          </div>
          <div>
            <dt>{t("inbox.detail.phone")}</dt>
            <dd>
              <a href={`tel:${order.phone}`} aria-label={t("inbox.detail.call", { phone: order.phone })}>
                {order.phone}
              </a>
            </dd>
          </div>
          {order.email ? (
            <div>
              <dt>{t("inbox.detail.email")}</dt>
              <dd>
                <a href={`mailto:${order.email}`}>{order.email}</a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("inbox.detail.address")}</dt>
            <dd className="address">{view.pickup ? t("inbox.detail.pickup") : <AddressLines order={order} />}</dd>
          </div>
          {view.tracking ? (
            <div>
              <dt>{t("inbox.detail.tracking")}</dt>
              <dd>
                {carrierName(view.tracking.carrier, lang)} <span className="tracking-number">{view.tracking.number}</span>
                {view.tracking.url ? (
                  <>
                    <br />
                    <a href={view.tracking.url} target="_blank" rel="noopener noreferrer">
                      {t("inbox.detail.track", { carrier: carrierName(view.tracking.carrier, lang) })}
                    </a>
                  </>
                ) : null}
              </dd>
            </div>
          ) : null}
          {groupOrder.cancelReason ? (
            <div>
              <dt>{t("inbox.detail.cancelReason")}</dt>
              <dd>{groupOrder.cancelReason}</dd>
            </div>
          ) : null}
        </dl>
        <p className="slip-links">
          <a href={`${self}/slip?format=a4`}>{t("inbox.detail.slipA4")}</a>
          <a href={`${self}/slip?format=thermal`}>{t("inbox.detail.slipThermal")}</a>
        </p>
      </section>

      <section aria-labelledby="payment-title">
        <h3 id="payment-title">{t("inbox.detail.payment")}</h3>
        <p>{t(`inbox.paymentState.${view.payment}`)}</p>
        {direct && view.canConfirmPayment ? (
          <div className="transfer-slip">
            <h4>{t("pay.groupSlip.title")}</h4>
            {direct.slipReference ? <p>{t("pay.groupSlip.reference", { reference: direct.slipReference })}</p> : null}
            {direct.hasSlipImage ? (
              <a href={`${self}/transfer-slip`} target="_blank" rel="noopener">
                <img src={`${self}/transfer-slip`} alt={t("pay.groupSlip.imageAlt")} width={240} loading="lazy" />
              </a>
            ) : (
              <p className="hint">{t("pay.groupSlip.noSlip")}</p>
            )}
            <p className="hint">{t("pay.groupSlip.checkFirst", { amount: formatMoney(direct.amountSatang, lang) })}</p>
          </div>
        ) : null}
        {view.canConfirmPayment ? (
          <Form method="post" action={self} className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="confirm-payment" />
            <p className="hint">{t("inbox.detail.confirmPaymentHint")}</p>
            <p>
              <button type="submit" className="button">
                {t("inbox.detail.confirmPayment")}
              </button>
            </p>
          </Form>
        ) : null}
      </section>

      {view.canRefund ? (
        <details className="danger-zone">
          <summary>{t("pay.refund.title")}</summary>
          <Form method="post" action={self} className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="refund" />
            <p className="hint">{t("pay.refund.hint")}</p>
            <label htmlFor="refund-amount">{t("pay.refund.amount")}</label>
            <input id="refund-amount" name="amount" inputMode="decimal" required maxLength={20} />
            <label htmlFor="refund-reason">{t("pay.refund.reason")}</label>
            <input id="refund-reason" name="reason" required maxLength={300} />
            <button type="submit" className="button secondary">
              {t("pay.refund.submit")}
            </button>
          </Form>
        </details>
      ) : null}

      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">{t("inbox.detail.timeline")}</h3>
        <Timeline events={groupOrder.events} />
      </section>
    </div>
  );
}
