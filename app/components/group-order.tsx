/** Pieces of a group order as its group sees it: the status badge, the address, the lines, the history. */
import type { GroupOrderStatus } from "~/generated/prisma/enums";
import { formatDate, formatDateTime, formatMoney } from "~/i18n/format";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";

export function StatusBadge({ status }: { status: GroupOrderStatus }) {
  const { t } = useT();
  return <span className={`status-badge status-${status.toLowerCase().replace(/_/g, "-")}`}>{t(`inbox.status.${status}`)}</span>;
}

export interface DeliveryAddress {
  recipientName: string;
  addressLine: string | null;
  subdistrict: string | null;
  district: string | null;
  province: string | null;
  postcode: string | null;
}

/** The recipient's address as a Thai parcel label has it: the line, then subdistrict, district, province and postcode. */
export function AddressLines({ order }: { order: DeliveryAddress }) {
  const place = [order.subdistrict, order.district].filter(Boolean).join(" ");
  const region = [order.province, order.postcode].filter(Boolean).join(" ");
  return (
    <>
      {[order.addressLine, place, region].filter(Boolean).map((line) => (
        <span key={line} className="address-line">
          {line}
        </span>
      ))}
    </>
  );
}

export interface OrderLineView {
  id: string;
  titleTh: string;
  titleEn: string;
  unitTh: string;
  unitEn: string;
  quantity: number;
  quantityFromStock: number;
  quantityToMake: number;
  unitPriceSatang: number;
  promisedBy: string | Date | null;
}

/** The items of a group order, with how many come from stock and how many are still to be made. */
export function OrderLines({ lines }: { lines: readonly OrderLineView[] }) {
  const { t, lang } = useT();
  return (
    <ul className="order-lines">
      {lines.map((line) => (
        <li key={line.id}>
          <span className="order-line-title">
            {line.quantity} × {pick(lang, line.titleTh, line.titleEn)}
          </span>
          <span className="order-line-price">{formatMoney(line.unitPriceSatang * line.quantity, lang)}</span>
          {line.quantityToMake > 0 ? (
            <span className="hint">
              {[
                line.quantityFromStock > 0 ? t("inbox.detail.fromStock", { count: line.quantityFromStock }) : null,
                t("inbox.detail.toMake", { count: line.quantityToMake }),
                line.promisedBy ? t("inbox.detail.readyBy", { date: formatDate(new Date(line.promisedBy), lang) }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function Timeline({ events }: { events: readonly { from: GroupOrderStatus | null; to: GroupOrderStatus; note: string | null; createdAt: string | Date }[] }) {
  const { t, lang } = useT();
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={index}>
          <time dateTime={new Date(event.createdAt).toISOString()}>{formatDateTime(new Date(event.createdAt), lang)}</time>{" "}
          <strong>{t(`inbox.status.${event.to}`)}</strong>
          {event.note ? <span className="timeline-note"> · {event.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
