/**
 * A group's orders as a spreadsheet: one row per item ordered, only the group's own group
 * orders, in the workspace's language. Dates are calendar days in Thai time; amounts are baht
 * with two decimals. A group order's own figures (items total, shipping, platform fee) appear on
 * its first row only, so summing a column counts each once.
 */
import { translator, type Lang } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { bahtCell, csvDocument, type CsvValue } from "~/lib/csv";
import { carrierName } from "./carriers";
import { groupOrdersForExport } from "./queries.server";

/** A range of calendar days in Thai time, both ends included, as YYYY-MM-DD. */
export interface DayRange {
  from?: string;
  to?: string;
}

const DAY_MS = 86_400_000;
const bangkokMidnight = (day: string) => new Date(`${day}T00:00:00+07:00`);
const bangkokDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * A phone number as people write it ("081-234-5678", "02-123-4567"). With the dashes a
 * spreadsheet keeps it as text; bare digits would lose the leading zero.
 */
export function phoneForSheet(phone: string): string {
  if (/^0\d{9}$/.test(phone)) return `${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)}`;
  if (/^0\d{8}$/.test(phone)) return `${phone.slice(0, 2)}-${phone.slice(2, 5)}-${phone.slice(5)}`;
  return phone;
}

const columns = ["order", "date", "status", "buyer", "phone", "province", "shipping", "carrier", "tracking", "product", "quantity", "unitPrice", "lineTotal", "itemsTotal", "shippingFee", "platformFee"] as const;

export async function groupOrdersCsv(groupId: string, range: DayRange, lang: Lang): Promise<string> {
  const t = translator(lang);
  const groupOrders = await groupOrdersForExport(groupId, {
    from: range.from ? bangkokMidnight(range.from) : undefined,
    to: range.to ? new Date(bangkokMidnight(range.to).getTime() + DAY_MS) : undefined,
  });
  const rows: CsvValue[][] = [];
  for (const groupOrder of groupOrders) {
    groupOrder.lines.forEach((line, index) => {
      const first = index === 0;
      rows.push([
        groupOrder.order.number,
        bangkokDay.format(groupOrder.createdAt),
        t(`inbox.status.${groupOrder.status}`),
        groupOrder.order.recipientName,
        phoneForSheet(groupOrder.order.phone),
        groupOrder.order.province,
        pick(lang, groupOrder.shippingNameTh, groupOrder.shippingNameEn),
        groupOrder.carrier ? carrierName(groupOrder.carrier, lang) : null,
        groupOrder.trackingNumber,
        pick(lang, line.titleTh, line.titleEn),
        line.quantity,
        bahtCell(line.unitPriceSatang),
        bahtCell(line.unitPriceSatang * line.quantity),
        first ? bahtCell(groupOrder.itemsSatang) : null,
        first ? bahtCell(groupOrder.shippingSatang) : null,
        first ? bahtCell(groupOrder.platformFeeSatang) : null,
      ]);
    });
  }
  return csvDocument(
    columns.map((column) => t(`inbox.export.columns.${column}`)),
    rows,
  );
}
