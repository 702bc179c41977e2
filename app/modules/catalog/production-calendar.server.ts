/**
 * The group's production calendar as its workspace shows it: for each of the next weeks
 * (Monday to Sunday, Thai calendar days) and each made-to-order product, the units booked
 * against what the group can make that week. The bookings themselves are capacity.server.ts's.
 */
import { db } from "~/db/client.server";
import { productionCalendar } from "./capacity.server";
import { addDays } from "./production-weeks";

export const CALENDAR_WEEKS = 12;

export async function groupProductionCalendar(groupId: string, now = new Date()) {
  const calendar = await productionCalendar(db(), groupId, now, CALENDAR_WEEKS);
  return {
    weeks: calendar.weeks.map((monday) => ({ first: monday, last: addDays(monday, 6) })),
    products: calendar.products.map((product) => ({
      id: product.id,
      titleTh: product.titleTh,
      titleEn: product.titleEn,
      capacityPerWeek: product.capacityPerWeek,
      weeks: product.booked.map((booked) => ({
        booked,
        // Without a weekly capacity the group takes any amount (it set none), so no week is full.
        full: product.capacityPerWeek !== null && booked >= product.capacityPerWeek,
      })),
    })),
  };
}
