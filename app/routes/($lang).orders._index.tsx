/**
 * "My orders": a signed-in buyer's order history; for a guest, a form to find an order by its
 * code and the email or phone it was placed with.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput, Field } from "~/components/forms";
import { formatDate, formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { ORDER_NUMBER_PATTERN } from "~/modules/orders/numbering.server";
import { orderForBuyer, ordersOfBuyer } from "~/modules/orders/queries.server";
import { csrfForForm, requireCsrf } from "~/web/csrf.server";
import { requireLang } from "~/web/lang.server";
import { grantOrder } from "~/web/order-access.server";
import { getUser } from "~/web/session.server";
import { readForm } from "~/web/body.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const user = await getUser(request);
  const { csrf, headers } = await csrfForForm(request);
  return data({ orders: user ? await ordersOfBuyer(user.id) : null, csrf }, { headers: { ...Object.fromEntries(new Headers(headers)), "Cache-Control": "private, no-store" } });
}

const findSchema = z.object({
  number: z.string().trim().toUpperCase().regex(ORDER_NUMBER_PATTERN, "orders.numberInvalid"),
  contact: z.string().trim().min(3, "orders.contactRequired").max(254),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = findSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "orders.invalid" }, { status: 400 });
  const order = await orderForBuyer(parsed.data.number, { contact: parsed.data.contact });
  if (!order) return data({ error: "orders.notFoundForContact" }, { status: 404 });
  return redirect(href(lang, `/orders/${order.number}`), { headers: { "Set-Cookie": await grantOrder(request, order.number) } });
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("orders.mine")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function MyOrders() {
  const { orders } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  return (
    <section className="page narrow" aria-labelledby="orders-title">
      <h1 id="orders-title">{t("orders.mine")}</h1>
      {orders ? (
        orders.length === 0 ? (
          <p className="empty-state">{t("orders.none")}</p>
        ) : (
          <ul className="plain-list">
            {orders.map((order) => (
              <li key={order.number}>
                <Link to={href(lang, `/orders/${order.number}`)}>{order.number}</Link> · {formatDate(new Date(order.createdAt), lang)} · {formatMoney(order.totalSatang, lang)} ·{" "}
                {t(`orders.status.${order.status}`)}
                <br />
                <span className="hint">{order.groupOrders.map((groupOrder) => pick(lang, groupOrder.group.nameTh, groupOrder.group.nameEn)).join(", ")}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <h2>{t("orders.find")}</h2>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <Field label={t("orders.number")} name="number" placeholder="SM-2570-000123" required error={answer?.error === "orders.numberInvalid" ? answer.error : undefined} />
        <Field label={t("orders.contact")} name="contact" required error={answer?.error && answer.error !== "orders.numberInvalid" ? answer.error : undefined} />
        <button type="submit" className="button">
          {t("orders.unlock")}
        </button>
      </Form>
    </section>
  );
}
