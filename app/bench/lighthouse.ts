/** Lighthouse with its mobile defaults (simulated slow 4G, 4× CPU slowdown) in headless Chromium. */
import * as chromeLauncher from "chrome-launcher";
import fs from "node:fs";
import lighthouse from "lighthouse";

export interface LighthouseScores {
  url: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  largestContentfulPaintMs: number | null;
  totalBlockingTimeMs: number | null;
}

export function chromePath(): string | undefined {
  return process.env.CHROME_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((file) => fs.existsSync(file));
}

export async function lighthouseScores(urls: string[]): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const results: LighthouseScores[] = [];
    for (const url of urls) {
      const run = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = run.lhr;
      results.push({
        url,
        performance: categories.performance?.score ?? null,
        accessibility: categories.accessibility?.score ?? null,
        bestPractices: categories["best-practices"]?.score ?? null,
        seo: categories.seo?.score ?? null,
        largestContentfulPaintMs: audits["largest-contentful-paint"]?.numericValue ?? null,
        totalBlockingTimeMs: audits["total-blocking-time"]?.numericValue ?? null,
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
