/** Route parameters parsed by zod: anything that is not a well-formed slug is treated as unknown (404). */
import { z } from "zod";

const slug = z.string().max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export function slugParam(value: string | undefined): string | null {
  const result = slug.safeParse(value);
  return result.success ? result.data : null;
}

const id = z.string().regex(/^[a-z0-9]{1,40}$/);

/** A row id in a URL (cuid); anything else is unknown (404). */
export function idParam(value: string | undefined): string | null {
  const result = id.safeParse(value);
  return result.success ? result.data : null;
}
