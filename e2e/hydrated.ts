import { expect, type Page } from "@playwright/test";

/**
 * The store's JavaScript starts after the window's load event (which is when
 * page.goto returns), so a test of something only JavaScript does waits here
 * first: typing earlier would reach the plain HTML form, not the combobox.
 */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "");
}
