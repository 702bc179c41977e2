/**
 * The Content-Security-Policy against the real production build: the pages
 * load, hydrate and work (suggestions, client-side navigation, sign-in) with
 * nothing blocked, and the sign-in page refuses to be framed by another site.
 */
import { expect, test, type Page } from "@playwright/test";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { hydrated } from "./hydrated";

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

const pages = [
  ["home", "/"],
  ["product", "/en/products/chonnabot-mudmee-mudmee-silk-mak-chap-pattern"],
  ["sign-in", "/signin"],
  ["search", "/en/search?q=silk"],
] as const;

for (const [name, path] of pages) {
  test(`the ${name} page loads and hydrates with nothing blocked by the Content-Security-Policy`, async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
    await hydrated(page);
    // Hydration itself ran the scripts; also let the page fetch (suggestions use connect-src).
    await page.getByRole("combobox").first().pressSequentially("silk", { delay: 30 });
    await expect(page.getByRole("listbox")).toBeVisible();
    expect(violations).toEqual([]);
  });
}

test("a page from the page cache hydrates too (it is sent with its own nonce)", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.request.get("/en/products/chonnabot-mudmee-mudmee-silk-mak-chap-pattern");
  const response = await page.goto("/en/products/chonnabot-mudmee-mudmee-silk-mak-chap-pattern");
  expect(response?.headers()["x-page-cache"]).toBe("hit");
  await hydrated(page);
  // Client-side navigation: Remix fetches the next page's data and modules.
  await page.getByRole("link", { name: "Ban Non Sa-at Mudmee Silk Weavers" }).first().click();
  await expect(page).toHaveURL(/\/en\/groups\//);
  expect(violations).toEqual([]);
});

test("signing in and out works under the policy, with JavaScript", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/en/signin");
  await hydrated(page);
  await page.getByLabel("Email").fill("buyer@demo.sammachip.test");
  await page.getByLabel("Password").fill("sammachip-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the sign-in page refuses to render in another site's frame", async ({ page, baseURL }) => {
  // Another origin, served for real from a loopback address: Chromium refuses a page it did not
  // get from an address (page.route) to frame a local one before any policy is even read.
  const otherSite = http.createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<h1>Win a prize</h1><iframe title="framed" src="${baseURL}/signin"></iframe>`);
  });
  await new Promise<void>((resolve) => otherSite.listen(0, "127.0.0.1", resolve));
  try {
    const refused = page.waitForEvent("console", (message) => message.text().includes("frame-ancestors"));
    await page.goto(`http://127.0.0.1:${(otherSite.address() as AddressInfo).port}/`);
    // The browser says why it did not render the frame; only then is its emptiness meaningful.
    expect((await refused).text()).toContain(`violates the following Content Security Policy directive: "frame-ancestors 'none'"`);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    expect(framed?.url()).not.toContain("/signin");
    expect(await framed!.locator("input[type=password]").count()).toBe(0);
  } finally {
    otherSite.close();
  }
});
