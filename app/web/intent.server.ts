/**
 * Intent-keyed actions, as in Epic Stack's settings pages: one route's forms each post an
 * `intent` field, and one `z.discriminatedUnion("intent", …)` holds a schema per intent, shared
 * by the browser (conform validates before posting, when JavaScript is on) and the server (the
 * same schema parses the post). Field errors are dictionary keys, shown in the page's language.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";

/** What an action answers about one form: which form (its id) and conform's reply for it. */
export type FormReply = { formId: string; result: SubmissionResult<string[]> };

/**
 * Parses a posted form with the route's intent schema. A bad post gets a ready 400 answer
 * (field errors and what was typed, for the form `formId`); a good one the parsed value.
 */
export function parseIntent<S extends z.ZodType>(form: FormData, schema: S, formId: (form: FormData) => string) {
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success") {
    return { ok: false as const, answer: data<FormReply>({ formId: formId(form), result: submission.reply() }, { status: 400 }) };
  }
  return { ok: true as const, value: submission.value as z.infer<S>, submission };
}
