/**
 * Where image files live: a port with two adapters, local disk (the default,
 * under MEDIA_DIR or DATA_DIR/media, served by the /media route) and an
 * S3-compatible bucket (when S3_BUCKET is set). Keys are content-hashed, so an
 * object never changes once written and may be cached forever.
 */
import fs from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { config, type Config } from "~/config.server";
import { s3Storage } from "./s3-storage.server";

export interface MediaStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** The URL a browser fetches the object from. */
  publicUrl(key: string): string;
}

const keyPattern = /^[a-z0-9]+(?:[/._-][a-z0-9]+)*$/;

/** Keys come from our own hashing, but the serving route takes them from URLs: never let one climb out of the folder. */
export function isValidKey(key: string): boolean {
  return key.length <= 200 && keyPattern.test(key) && !key.split("/").includes("..");
}

function checkedKey(key: string): string {
  if (!isValidKey(key)) throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
  return key;
}

export function localStorage(root: string, urlPrefix = "/media"): MediaStorage {
  const fileOf = (key: string) => path.join(root, ...checkedKey(key).split("/"));
  return {
    async put(key, body) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file under the final name. The temporary
      // name is unique per write: two uploads of one photo at once write the same key in the same
      // millisecond, and a shared name let the first rename take the second's file away (ENOENT).
      const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
      await fs.writeFile(temporary, body);
      await fs.rename(temporary, file);
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async exists(key) {
      return fs.access(fileOf(key)).then(
        () => true,
        () => false,
      );
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    publicUrl(key) {
      return `${urlPrefix}/${checkedKey(key)}`;
    },
  };
}

export function storageFrom(settings: Config): MediaStorage {
  if (settings.S3_BUCKET) {
    return s3Storage({
      bucket: settings.S3_BUCKET,
      region: settings.S3_REGION ?? "us-east-1",
      endpoint: settings.S3_ENDPOINT,
      accessKeyId: settings.S3_ACCESS_KEY_ID,
      secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
      publicUrl: settings.S3_PUBLIC_URL!,
    });
  }
  return localStorage(localMediaDir(settings));
}

export function localMediaDir(settings: Pick<Config, "MEDIA_DIR" | "DATA_DIR">): string {
  return path.resolve(settings.MEDIA_DIR ?? path.join(settings.DATA_DIR, "media"));
}

let current: MediaStorage | undefined;

/** The process's storage, from the configuration. */
export function mediaStorage(): MediaStorage {
  current ??= storageFrom(config());
  return current;
}
