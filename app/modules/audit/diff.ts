/**
 * An audit record's details as a small diff for people: one row per field that changed, with
 * its value before and after, then any other details kept with the record (a reason, a key).
 */

export type AuditChange = { field: string; before: string | null; after: string | null };

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as one short line: lists joined, nothing as null (shown as a dash). */
export function showValue(value: Json | undefined): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (Array.isArray(value)) return value.map((item) => showValue(item) ?? "—").join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function auditChanges(details: unknown): { changes: AuditChange[]; other: AuditChange[] } {
  if (!isObject(details)) return { changes: [], other: [] };
  const { before, after, ...rest } = details;
  const changes: AuditChange[] = [];
  if (isObject(before) || isObject(after)) {
    const was = isObject(before) ? before : {};
    const now = isObject(after) ? after : {};
    const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
    for (const field of fields) {
      if (JSON.stringify(was[field] ?? null) === JSON.stringify(now[field] ?? null)) continue;
      changes.push({ field, before: showValue(was[field]), after: showValue(now[field]) });
    }
  } else if (before !== undefined || after !== undefined) {
    changes.push({ field: "value", before: showValue(before), after: showValue(after) });
  }
  const other = Object.entries(rest).map(([field, value]) => ({ field, before: null, after: showValue(value) }));
  return { changes, other };
}
