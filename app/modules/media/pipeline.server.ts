/**
 * The image pipeline: checks that bytes really are an image we accept (by
 * decoding its header with sharp, never by file name or Content-Type), then
 * turns it into responsive WebP and AVIF variants. Outputs carry no metadata:
 * sharp drops EXIF/GPS/XMP unless asked to keep them, and the orientation tag
 * is applied to the pixels first so nothing shows sideways once it is gone.
 */
import crypto from "node:crypto";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { ImageRejectedError } from "./errors";
import type { ImageFormat } from "./variants";

/** Widths a page may ask for; 1024 covers the product page on a 2× phone screen. */
export const TARGET_WIDTHS = [320, 640, 1024] as const;

/** Bumped when encoding settings change, so new settings get new (immutable) keys. */
const PIPELINE_VERSION = "1";

const uploadFormats = new Set(["jpeg", "png", "webp", "avif", "heif", "gif", "tiff"]);

export interface PipelineLimits {
  maxBytes: number;
  maxPixels: number;
}

export interface EncodeOptions {
  widths?: readonly number[];
  /** AVIF effort 0–9: each step up is slower for a few percent smaller files. */
  avifEffort?: number;
  webpEffort?: number;
  /** Trusted input only (our generated placeholders): SVG may reference files and scripts. */
  allowSvg?: boolean;
  /** For vector input, the width to rasterise at. */
  svgWidth?: number;
}

export interface EncodedVariant {
  format: ImageFormat;
  width: number;
  height: number;
  body: Buffer;
}

export interface EncodedImage {
  width: number;
  height: number;
  variants: EncodedVariant[];
}

/** The content-addressed folder an image's variants live under: same bytes and settings, same key. */
export function storageKeyFor(input: Buffer, options: EncodeOptions = {}): string {
  const hash = crypto.createHash("sha256");
  hash.update(`${PIPELINE_VERSION}|${JSON.stringify(settingsOf(options))}|`);
  hash.update(input);
  return `images/${hash.digest("hex").slice(0, 32)}`;
}

function settingsOf(options: EncodeOptions) {
  return {
    widths: options.widths ?? TARGET_WIDTHS,
    avif: options.avifEffort ?? 2,
    webp: options.webpEffort ?? 4,
    svg: options.svgWidth ?? 0,
  };
}

/** Refuses what is not an acceptable image; returns its upright size. Cheap: reads the header only. */
export async function inspectImage(input: Buffer, limits: PipelineLimits, options: Pick<EncodeOptions, "allowSvg"> = {}) {
  const megabytes = limits.maxBytes / 1024 / 1024;
  if (input.length === 0) throw new ImageRejectedError("missing");
  if (input.length > limits.maxBytes) throw new ImageRejectedError("tooLarge", { maxMegabytes: megabytes });
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejectedError("notAnImage");
  }
  const format = metadata.format ?? "";
  if (!(uploadFormats.has(format) || (options.allowSvg && format === "svg"))) throw new ImageRejectedError("unsupportedFormat");
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!width || !height) throw new ImageRejectedError("notAnImage");
  // Checked on the header's claimed size, before any pixel is decoded.
  if (width * height > limits.maxPixels) throw new ImageRejectedError("tooManyPixels", { maxMegapixels: limits.maxPixels / 1e6 });
  return { format, width, height };
}

/** The widths to encode: the targets narrower than the image, plus the image's own width when it is narrower than the widest. */
export function widthsFor(sourceWidth: number, targets: readonly number[] = TARGET_WIDTHS): number[] {
  const widest = Math.max(...targets);
  const widths = targets.filter((width) => width <= sourceWidth);
  const top = Math.min(sourceWidth, widest);
  if (!widths.includes(top)) widths.push(top);
  return widths.sort((a, b) => a - b);
}

/** Validates and encodes; throws ImageRejectedError for anything unacceptable. */
export async function encodeImage(input: Buffer, limits: PipelineLimits, options: EncodeOptions = {}): Promise<EncodedImage> {
  const inspected = await inspectImage(input, limits, options);
  const settings = settingsOf(options);
  const vector = inspected.format === "svg";
  const density = vector && options.svgWidth ? (72 * options.svgWidth) / inspected.width : undefined;
  const sourceWidth = vector && options.svgWidth ? options.svgWidth : inspected.width;
  const widths = widthsFor(sourceWidth, settings.widths);
  const widest = widths[widths.length - 1];

  // Decode once, upright and already at the widest size; every variant is made from these pixels.
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(input, { limitInputPixels: limits.maxPixels, density, failOn: "error" })
      .autoOrient()
      .resize({ width: widest, withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImageRejectedError("notAnImage");
  }
  const { width, height, channels } = decoded.info;
  const raw = { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } };

  const variants: EncodedVariant[] = [];
  for (const targetWidth of widths) {
    const resized = () => sharp(decoded.data, raw).resize({ width: targetWidth, withoutEnlargement: true });
    const [avif, webp] = await Promise.all([
      resized().avif({ quality: 55, effort: settings.avif }).toBuffer({ resolveWithObject: true }),
      resized().webp({ quality: 80, effort: settings.webp }).toBuffer({ resolveWithObject: true }),
    ]);
    variants.push({ format: "avif", width: avif.info.width, height: avif.info.height, body: avif.data });
    variants.push({ format: "webp", width: webp.info.width, height: webp.info.height, body: webp.data });
  }
  return { width, height, variants };
}
