import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { WeeklyChart, type WeekPoint } from "./weekly-chart";

const caption = (path: string, weeks: WeekPoint[]) => {
  const html = renderToString(
    <MemoryRouter initialEntries={[path]}>
      <WeeklyChart weeks={weeks} />
    </MemoryRouter>,
  ).replaceAll("<!-- -->", "");
  return /<figcaption[^>]*>([^<]*)<\/figcaption>/.exec(html)?.[1];
};

const weeks = (orders: number[]): WeekPoint[] => orders.map((count, index) => ({ week: `2026-11-${String(index * 7 + 2).padStart(2, "0")}`, orders: count, salesSatang: count * 35_000 }));

describe("the dashboard chart's caption", () => {
  it("counts one order in the singular and more in the plural", () => {
    expect(caption("/en/groups/g/manage", weeks([0, 1, 0]))).toBe("Last 3 weeks: ฿350 in sales from 1 order");
    expect(caption("/en/groups/g/manage", weeks([2, 1, 1_000]))).toBe("Last 3 weeks: ฿351,050 in sales from 1,003 orders");
  });

  it("says คำสั่งซื้อ in Thai whatever the number", () => {
    expect(caption("/groups/g/manage", weeks([0, 1, 0]))).toContain("จาก 1 คำสั่งซื้อ");
  });
});
