/** Why an upload was refused; each reason is a dictionary key under `media.errors`. */
export type RejectionReason = "missing" | "tooLarge" | "notAnImage" | "unsupportedFormat" | "tooManyPixels" | "tooManyPhotos";

/** Thrown before anything is stored, so a refused upload leaves no files and no rows. */
export class ImageRejectedError extends Error {
  readonly name = "ImageRejectedError";
  constructor(
    readonly reason: RejectionReason,
    readonly limits: { maxMegabytes?: number; maxMegapixels?: number } = {},
  ) {
    super(`Image refused: ${reason}`);
  }
}
