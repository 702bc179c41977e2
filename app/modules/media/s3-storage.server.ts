/**
 * The S3-compatible adapter of the media storage port (AWS S3, MinIO,
 * Cloudflare R2…). Objects are written with their Content-Type and a one-year
 * immutable Cache-Control, so the bucket or a CDN in front of it can serve them
 * directly; the store never proxies them.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { MediaStorage } from "./storage.server";

export interface S3Settings {
  bucket: string;
  region: string;
  /** A MinIO-like server's URL; path-style addressing is used with it, since such servers rarely have per-bucket DNS. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  publicUrl: string;
}

export const IMMUTABLE = "public, max-age=31536000, immutable";

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404);
}

export function s3Storage(settings: S3Settings, client?: S3Client): MediaStorage {
  const s3 =
    client ??
    new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: Boolean(settings.endpoint),
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
    });
  const base = settings.publicUrl.replace(/\/$/, "");
  return {
    async put(key, body, contentType) {
      await s3.send(
        new PutObjectCommand({ Bucket: settings.bucket, Key: key, Body: body, ContentType: contentType, CacheControl: IMMUTABLE }),
      );
    },
    async get(key) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async exists(key) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: key }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async delete(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: key }));
    },
    publicUrl(key) {
      return `${base}/${key}`;
    },
  };
}
