/** The product's one availability statement (catalog/availability.ts), in words. */
import type { TFunction } from "~/i18n/i18n";
import { formatDate } from "~/i18n/format";
import type { Lang } from "~/i18n/i18n";
import type { AvailabilityStatement } from "~/modules/catalog/availability";

type Serialized = { kind: AvailabilityStatement["kind"]; count?: number; promisedBy?: string | Date | null; leadTimeDays?: number | null };

export function reviveAvailability(raw: Serialized): AvailabilityStatement {
  const promisedBy = raw.promisedBy ? new Date(raw.promisedBy) : null;
  switch (raw.kind) {
    case "ready":
      return { kind: "ready", count: raw.count ?? 0 };
    case "readyThenMade":
      return { kind: "readyThenMade", count: raw.count ?? 0, promisedBy, leadTimeDays: raw.leadTimeDays ?? null };
    case "madeToOrder":
      return { kind: "madeToOrder", promisedBy, leadTimeDays: raw.leadTimeDays ?? null };
    default:
      return { kind: "soldOut" };
  }
}

export function availabilityText(
  statement: AvailabilityStatement,
  { unit, leadTime, lang, t }: { unit: string; leadTime: string | null; lang: Lang; t: TFunction },
): string {
  const made = (promisedBy: Date | null) => (promisedBy ? t("availability.readyAround", { date: formatDate(promisedBy, lang) }) : (leadTime ?? ""));
  switch (statement.kind) {
    case "ready":
      return t("availability.ready", { count: statement.count, unit });
    case "readyThenMade":
      return t("availability.readyThenMade", { count: statement.count, unit, made: made(statement.promisedBy) });
    case "madeToOrder":
      return t("availability.madeToOrder", { made: made(statement.promisedBy) });
    case "soldOut":
      return t("availability.soldOut");
  }
}
