/**
 * TEMPORARY: the carriers module (carriers.ts), being written beside this with the group's order
 * pages, replaces this file when it lands.
 */
const pages: Record<string, (number: string) => string> = {
  THAILAND_POST_EMS: (n) => `https://track.thailandpost.co.th/?trackNumber=${encodeURIComponent(n)}`,
  THAILAND_POST_REGISTERED: (n) => `https://track.thailandpost.co.th/?trackNumber=${encodeURIComponent(n)}`,
  KERRY: (n) => `https://th.kerryexpress.com/th/track/?track=${encodeURIComponent(n)}`,
  FLASH: (n) => `https://www.flashexpress.co.th/fle/tracking?se=${encodeURIComponent(n)}`,
  JT: (n) => `https://www.jtexpress.co.th/service/track?billcode=${encodeURIComponent(n)}`,
};

export function trackingUrl(carrier: string, number: string): string | null {
  return pages[carrier]?.(number) ?? null;
}
