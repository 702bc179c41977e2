/**
 * The store's configuration: every environment variable it reads, parsed once
 * by zod at boot. A wrong or missing value stops the process with one readable
 * message naming the variable and what it should be, instead of failing later
 * somewhere far from the cause.
 */
import net from "node:net";
import { z } from "zod";

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), {
    message: 'must be a PostgreSQL URL such as "postgresql://user:password@localhost:5432/sammachip"',
  });

const percent = z.coerce
  .number({ message: "must be a number from 0 to 100" })
  .min(0, "must be a number from 0 to 100")
  .max(100, "must be a number from 0 to 100");

const port = z.coerce
  .number({ message: "must be a port number (1–65535)" })
  .int("must be a port number (1–65535)")
  .min(1, "must be a port number (1–65535)")
  .max(65535, "must be a port number (1–65535)");

function wholeNumber(max: number) {
  const message = `must be a whole number from 1 to ${max}`;
  return z.coerce.number({ message }).int(message).min(1, message).max(max, message);
}

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined));

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", ""], { message: 'must be "true" or "false"' })
    .optional()
    .transform((value) => (value === undefined || value === "" ? fallback : value === "true"));

/** A provider key: unset or blank is "not configured"; otherwise it must look like one of that provider's keys. */
const providerKey = (pattern: RegExp, example: string) =>
  optionalText.pipe(z.string().regex(pattern, `must look like ${example}`).optional());

const TRUST_PROXY_HELP =
  'must be "false", a number of proxy hops such as "1", or a comma-separated list of addresses or CIDRs (keywords: loopback, uniquelocal, linklocal)';
const proxyKeywords = new Set(["loopback", "uniquelocal", "linklocal"]);

function isAddressOrRange(entry: string): boolean {
  if (proxyKeywords.has(entry)) return true;
  const [address, prefix, extra] = entry.split("/");
  const version = net.isIP(address ?? "");
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * What Express's `trust proxy` takes: false (the default: the client is whoever connects), a
 * number of hops, or the proxies' addresses. Express's `true` (believe every X-Forwarded-For) is
 * refused on purpose: any client could then choose its own address and dodge the sign-in limits.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((value, context): false | number | string[] => {
    const text = (value ?? "").trim().toLowerCase();
    if (text === "" || text === "false") return false;
    if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text) === 0 ? false : Number(text);
    const entries = text.split(",").map((entry) => entry.trim());
    if (entries.every((entry) => entry !== "" && isAddressOrRange(entry))) return entries;
    context.addIssue({ code: "custom", message: TRUST_PROXY_HELP });
    return z.NEVER;
  });

export const configSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], { message: 'must be "development", "production" or "test"' })
    .default("development"),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Unset: the store starts its own embedded PostgreSQL under DATA_DIR. */
  DATABASE_URL: postgresUrl.optional().or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1, "must be a folder path").default(".data"),
  EMBEDDED_PG_PORT: port.default(54329),
  /** Signs session cookies; generated and kept under DATA_DIR when unset outside production. */
  SESSION_SECRET: optionalText.pipe(
    z.string().min(32, "must be at least 32 characters of random text").optional(),
  ),
  /** Where the store is reached from outside, for canonical links and sitemaps. */
  PUBLIC_URL: optionalText.pipe(z.url({ message: 'must be an absolute URL such as "https://example.com"' }).optional()),
  /** How long a page rendered for a signed-out visitor is served to the next ones (0 turns the cache off). */
  PAGE_CACHE_SECONDS: z.coerce.number({ message: "must be a number of seconds from 0 to 3600" }).int().min(0).max(3600).default(30),
  /** How long a buyer has to pay for an order paid up front before it expires and its stock is released. */
  UNPAID_ORDER_MINUTES: z.coerce.number({ message: "must be a number of minutes from 5 to 10080" }).int().min(5).max(10_080).default(1440),
  /** The platform's share of each sale, in percent. */
  PLATFORM_FEE_PERCENT: percent.default(0),
  /**
   * Failed sign-ins to one account allowed in LOGIN_WINDOW_MINUTES before each further attempt
   * must wait (30 s, doubling up to the window).
   */
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * Failed sign-ins from one client address in the window before it must wait: far above the
   * per-account limit, since a village's Wi-Fi or a mobile carrier puts many people behind one address.
   */
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: wholeNumber(100_000).default(100),
  /** Accounts one client address may try to create per hour. */
  SIGNUP_MAX_PER_HOUR: wholeNumber(100_000).default(20),
  /** Which reverse proxies in front of the store to believe about the client's address and protocol (Express's `trust proxy`). */
  TRUST_PROXY: trustProxy,
  MEILI_URL: optionalText.pipe(z.url({ message: 'must be the Meilisearch URL such as "http://127.0.0.1:7700"' }).optional()),
  MEILI_API_KEY: optionalText,
  /** Longest wait for one Meilisearch request before search falls back to the database. */
  MEILI_TIMEOUT_MS: z.coerce.number({ message: "must be a number of milliseconds" }).int("must be a whole number of milliseconds").min(100).max(120_000).default(3_000),
  /**
   * Days the search log keeps each search (query, language, result count, product opened, day;
   * nothing personal) before it is deleted; staff and group reports read at most 90 of them.
   */
  SEARCH_LOG_RETENTION_DAYS: z.coerce
    .number({ message: "must be a number of days from 7 to 730" })
    .int("must be a whole number of days from 7 to 730")
    .min(7, "must be a number of days from 7 to 730")
    .max(730, "must be a number of days from 7 to 730")
    .default(180),
  /** Largest photo a group may upload, in megabytes; bigger files are refused before anything is stored. */
  MEDIA_MAX_UPLOAD_MB: z.coerce.number({ message: "must be a number of megabytes" }).positive("must be a number of megabytes").max(100).default(8),
  /** Largest decoded image in megapixels: a small file that decodes to a huge bitmap (a decompression bomb) is refused. */
  MEDIA_MAX_MEGAPIXELS: z.coerce.number({ message: "must be a number of megapixels" }).positive("must be a number of megapixels").max(500).default(40),
  /** Where local image files live; unset: DATA_DIR/media. */
  MEDIA_DIR: optionalText,
  /** Unset: image files live on local disk under DATA_DIR/media. Set (with the S3_* below): in an S3-compatible bucket. */
  S3_BUCKET: optionalText,
  S3_REGION: optionalText,
  /** For MinIO-like servers: their URL; requests then use path-style addressing. */
  S3_ENDPOINT: optionalText.pipe(z.url({ message: 'must be a URL such as "http://127.0.0.1:9000"' }).optional()),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  /** Where browsers fetch the bucket's objects from (a CDN or the bucket's public URL). */
  S3_PUBLIC_URL: optionalText.pipe(z.url({ message: 'must be an absolute URL such as "https://cdn.example.com/media"' }).optional()),
  /** Unset: emails are written as .eml files under DATA_DIR/mail. Set: sent through this SMTP server. */
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an SMTP URL such as "smtp://user:password@smtp.example.com:587" or "smtps://…:465"')
      .optional(),
  ),
  /** The sender of the store's emails. */
  MAIL_FROM: z.string().trim().min(3, 'must be an address such as "Sammachip Market <no-reply@example.com>"').default("ตลาดสัมมาชีพ Sammachip Market <no-reply@sammachip.local>"),
  /** LINE Messaging API channel access token; unset: LINE messages are written as files under DATA_DIR/line. */
  LINE_CHANNEL_ACCESS_TOKEN: optionalText,
  /** Where the LINE Messaging API lives (tests point it at a local server). */
  LINE_API_URL: z.url({ message: 'must be a URL such as "https://api.line.me"' }).default("https://api.line.me"),
  /** Omise (cards, PromptPay and mobile banking through the platform): both keys, or neither. */
  OMISE_PUBLIC_KEY: providerKey(/^pkey_(test_)?[A-Za-z0-9]+$/, '"pkey_test_…" or "pkey_…"'),
  OMISE_SECRET_KEY: providerKey(/^skey_(test_)?[A-Za-z0-9]+$/, '"skey_test_…" or "skey_…"'),
  /** Stripe Checkout (cards; PromptPay for Thai accounts): the secret key and the webhook endpoint's signing secret, or neither. */
  STRIPE_SECRET_KEY: providerKey(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, '"sk_test_…" or "sk_live_…"'),
  STRIPE_WEBHOOK_SECRET: providerKey(/^whsec_[A-Za-z0-9]+$/, '"whsec_…"'),
  /** Offer PromptPay in Stripe Checkout (only for a Thai Stripe account charging THB). */
  STRIPE_PROMPTPAY: flag(false),
  /** Pay groups through Stripe Connect (separate charges and transfers) instead of from the platform's balance. */
  STRIPE_CONNECT: flag(false),
  /**
   * The country of the Express accounts groups open through Connect onboarding (ISO 3166 alpha-2).
   * Stripe lets platforms in Thailand not self-serve Express accounts, and cross-border payouts
   * only among the US, UK, EEA, Canada and Switzerland: see the README.
   */
  STRIPE_CONNECT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as "US"')
    .default("US"),
  /** Days after delivery before a group's money is paid out (the buyer's "I received it" releases it at once). */
  PAYOUT_HOLD_DAYS: z.coerce.number({ message: "must be a number of days from 0 to 60" }).int("must be a whole number of days").min(0, "must be a number of days from 0 to 60").max(60, "must be a number of days from 0 to 60").default(7),
  /**
   * For browser tests only: a file holding milliseconds to add to the store's clock for payout holds,
   * read at each use, so a journey can let a hold pass. Never set in a real store.
   */
  TEST_CLOCK_FILE: optionalText,
  /** How often each instance pays out what is releasable (0 turns the schedule off; staff can still run it). */
  PAYOUT_INTERVAL_MINUTES: z.coerce.number({ message: "must be a number of minutes from 0 to 10080" }).int().min(0).max(10_080).default(60),
  /**
   * Seed the demo catalog and demo accounts into an empty database at start.
   * Unset: yes for a local store (embedded database or not production), no for
   * a production deployment, which must never get accounts with known passwords.
   */
  SEED_DEMO: z
    .enum(["true", "false"], { message: 'must be "true" or "false"' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) {
    const config = result.data;
    if (config.NODE_ENV === "production" && config.DATABASE_URL && !config.SESSION_SECRET) {
      throw new ConfigError([
        "SESSION_SECRET: must be set in production when DATABASE_URL is set (at least 32 characters of random text)",
      ]);
    }
    const pairs: [keyof Config, keyof Config, string][] = [
      ["OMISE_PUBLIC_KEY", "OMISE_SECRET_KEY", "Omise needs both keys"],
      ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "Stripe needs the secret key and the webhook signing secret"],
    ];
    for (const [a, b, why] of pairs) {
      if (Boolean(config[a]) !== Boolean(config[b])) throw new ConfigError([`${config[a] ? b : a}: must be set when ${config[a] ? a : b} is set (${why})`]);
    }
    if (config.STRIPE_PROMPTPAY && !config.STRIPE_SECRET_KEY) throw new ConfigError(["STRIPE_PROMPTPAY: needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET"]);
    if (config.STRIPE_CONNECT && !config.STRIPE_SECRET_KEY) throw new ConfigError(["STRIPE_CONNECT: needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET"]);
    if (config.S3_BUCKET && !config.S3_PUBLIC_URL) {
      throw new ConfigError(["S3_PUBLIC_URL: must be set when S3_BUCKET is set (where browsers fetch the images from)"]);
    }
    return config;
  }
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const got = typeof issue.path[0] === "string" ? env[issue.path[0]] : undefined;
    const shown = got === undefined ? "" : ` (got ${JSON.stringify(redact(name, got))})`;
    return `${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}

function redact(name: string, value: string): string {
  if (/SECRET|KEY|PASSWORD/.test(name)) return "…";
  return value.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:…@");
}

// Kept on globalThis: the server entry and the Remix build are separate module
// graphs, and both must see the configuration as it was at boot.
const holder = globalThis as unknown as { __sammachipConfig?: Config };

/** The process's configuration, parsed on first use. */
export function config(): Config {
  holder.__sammachipConfig ??= parseConfig(process.env);
  return holder.__sammachipConfig;
}
