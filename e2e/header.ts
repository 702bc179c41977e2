import type { Page } from "@playwright/test";

/**
 * Signs out from the header. On a phone the account's links are folded under the buyer's name
 * (a <details>), so it is opened first; on wide screens, and without JavaScript, it is open already.
 */
export async function signOut(page: Page, label: "ออกจากระบบ" | "Sign out"): Promise<void> {
  await openAccountMenu(page);
  await page.getByRole("button", { name: label }).click();
}

/** Opens the header's account menu when it is folded (on a phone), so its links can be used. */
export async function openAccountMenu(page: Page): Promise<void> {
  const menu = page.locator("details.account-menu");
  if ((await menu.count()) > 0 && !(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) await menu.locator("> summary").click();
}
