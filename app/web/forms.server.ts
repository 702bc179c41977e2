/**
 * Parses a posted form with a zod schema into data or field errors. Errors are
 * dictionary keys, translated by the page; the values typed are returned so the
 * form can show them again.
 */
import type { z } from "zod";

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

export function parseForm<S extends z.ZodType>(schema: S, form: FormData, omit: string[] = ["password", "csrf"]): FormResult<z.infer<S>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") raw[key] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message.startsWith("errors.") ? issue.message : "errors.required";
  }
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !omit.includes(key)));
  return { ok: false, fieldErrors, values };
}
