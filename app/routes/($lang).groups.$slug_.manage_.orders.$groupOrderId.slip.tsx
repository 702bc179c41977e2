/**
 * A packing slip to print for one of the group's orders, on A4 or on 80 mm thermal paper
 * (`?format=a4|thermal`; anything else is A4). Outside the workspace layout so that nothing but
 * the slip is printed: the site's header and footer and the page's own tools are hidden by a
 * print style block. The "print" button needs JavaScript; without it the page says to use the
 * browser's own print command.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { AddressLines } from "~/components/group-order";
import { formatShortDate } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { NotInGroupError } from "~/modules/groups/errors";
import { isPickup } from "~/modules/shipping/kinds";
import { groupOrderForGroup } from "~/modules/orders/queries.server";
import { requireWorkspace } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { idParam } from "~/web/params";
import { useNonce } from "~/components/nonce";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

const formatParam = z.enum(["a4", "thermal"]).catch("a4");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  const id = idParam(params.groupOrderId);
  if (!id) throw notFound("No such order");
  const groupOrder = await groupOrderForGroup(group.id, id).catch((error: unknown) => {
    if (error instanceof NotInGroupError) throw notFound("No such order");
    throw error;
  });
  return {
    slug: group.slug,
    format: formatParam.parse(new URL(request.url).searchParams.get("format")),
    pickup: isPickup(groupOrder.shippingKind),
    groupOrder,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: t("inbox.slip.title", { number: loaderData?.groupOrder.order.number ?? "" }) }, { name: "robots", content: "noindex" }];
};

// Paper and what not to print. `size: 80mm auto` is what a roll wants but not every browser
// takes it; one that drops it keeps the fixed-length size before it.
const printStyles = {
  a4: "@page { size: A4; margin: 15mm; }",
  thermal: "@page { size: 80mm 297mm; size: 80mm auto; margin: 3mm; }",
};
const hideForPrint = "@media print { .site-header, .site-footer, .skip-link, .no-print { display: none !important; } body, .page { background: #fff; margin: 0; padding: 0; max-width: none; } }";

function usePrintable(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(typeof window.print === "function"), []);
  return ready;
}

export default function PackingSlip() {
  const { slug, format, pickup, groupOrder } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const printable = usePrintable();
  const nonce = useNonce();
  const { order, group } = groupOrder;
  const self = href(lang, `/groups/${slug}/manage/orders/${groupOrder.id}`);
  return (
    <div className={`page slip slip-${format}`}>
      {/* Its own nonce, or the Content-Security-Policy drops it and the slip prints on the browser's default paper. */}
      <style nonce={nonce} dangerouslySetInnerHTML={{ __html: `${printStyles[format]} ${hideForPrint}` }} />
      <div className="no-print slip-tools stack">
        <p>
          <Link to={self}>← {t("inbox.slip.back")}</Link>
        </p>
        <nav aria-label={t("inbox.slip.paper")} className="inline-form">
          <a href={`${self}/slip?format=a4`} aria-current={format === "a4" ? "page" : undefined}>
            {t("inbox.slip.a4")}
          </a>
          <a href={`${self}/slip?format=thermal`} aria-current={format === "thermal" ? "page" : undefined}>
            {t("inbox.slip.thermal")}
          </a>
        </nav>
        {printable ? (
          <p>
            <button type="button" className="button" onClick={() => window.print()}>
              {t("inbox.slip.print")}
            </button>
          </p>
        ) : (
          <p className="hint">{t("inbox.slip.printHint")}</p>
        )}
      </div>
      <article className="slip-sheet" aria-labelledby="slip-title">
        <h1 id="slip-title">{t("inbox.slip.title", { number: order.number })}</h1>
        <p>
          {t("inbox.slip.date")}: {formatShortDate(new Date(groupOrder.createdAt), lang)}
        </p>
        <div className="slip-parties">
          <section aria-labelledby="slip-to">
            <h2 id="slip-to">{t("inbox.slip.to")}</h2>
            <p className="slip-address">
              <strong>{order.recipientName}</strong>
              <span className="address-line">{order.phone}</span>
              {pickup ? <span className="address-line">{t("inbox.slip.pickup")}</span> : <AddressLines order={order} />}
            </p>
          </section>
          <section aria-labelledby="slip-from">
            <h2 id="slip-from">{t("inbox.slip.from")}</h2>
            <p className="slip-address">
              <strong>{pick(lang, group.nameTh, group.nameEn)}</strong>
              {[group.villageTh, group.province?.nameTh, group.phone].filter(Boolean).map((line) => (
                <span key={line} className="address-line">
                  {line}
                </span>
              ))}
            </p>
          </section>
        </div>
        <table className="table slip-lines">
          <thead>
            <tr>
              <th scope="col">{t("inbox.slip.quantity")}</th>
              <th scope="col">{t("inbox.slip.product")}</th>
            </tr>
          </thead>
          <tbody>
            {groupOrder.lines.map((line) => (
              <tr key={line.id}>
                <td className="slip-qty">
                  {line.quantity} {pick(lang, line.unitTh, line.unitEn)}
                </td>
                <td>{pick(lang, line.titleTh, line.titleEn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {t("inbox.slip.shipping")}: {pick(lang, groupOrder.shippingNameTh, groupOrder.shippingNameEn)}
        </p>
      </article>
    </div>
  );
}
