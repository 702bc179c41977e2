/**
 * Lighthouse with its mobile defaults (simulated slow 4G, 4× CPU slowdown) in
 * headless Chromium. One run's performance score wanders by several points, so
 * each page is run several times and the median run (by performance) is
 * reported, as Lighthouse's own guidance on variability advises; every run's
 * score is listed beside it.
 */
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
  cumulativeLayoutShift: number | null;
  /** The performance score of every run, in the order they ran. */
  performanceRuns: (number | null)[];
}

export function chromePath(): string | undefined {
  return process.env.CHROME_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((file) => fs.existsSync(file));
}

export async function lighthouseScores(urls: string[], runs = 3): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const results: LighthouseScores[] = [];
    for (const url of urls) {
      const scores: Omit<LighthouseScores, "performanceRuns">[] = [];
      for (let run = 0; run < runs; run++) scores.push(await lighthouseRun(url, chrome.port));
      const byPerformance = [...scores].sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0));
      const median = byPerformance[Math.floor((byPerformance.length - 1) / 2)];
      results.push({ ...median, performanceRuns: scores.map((score) => score.performance) });
    }
    return results;
  } finally {
    chrome.kill();
  }
}

async function lighthouseRun(url: string, port: number): Promise<Omit<LighthouseScores, "performanceRuns">> {
  const run = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
  });
  if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = run.lhr;
  return {
    url,
    performance: categories.performance?.score ?? null,
    accessibility: categories.accessibility?.score ?? null,
    bestPractices: categories["best-practices"]?.score ?? null,
    seo: categories.seo?.score ?? null,
    largestContentfulPaintMs: audits["largest-contentful-paint"]?.numericValue ?? null,
    totalBlockingTimeMs: audits["total-blocking-time"]?.numericValue ?? null,
    cumulativeLayoutShift: audits["cumulative-layout-shift"]?.numericValue ?? null,
  };
}
