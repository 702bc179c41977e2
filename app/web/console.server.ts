/**
 * The staff console's action pipeline, the same on every page: staff only, CSRF checked, the
 * posted `intent` parsed by the page's one schema, and answers about one form (ConsoleAnswer).
 */
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { ConsoleAnswer } from "~/components/console";
import { requireCsrf } from "./csrf.server";
import { requireStaff } from "./guards.server";
import { parseIntent } from "./intent.server";
import { requireLang } from "./lang.server";

/** The form an answer is about: the posted `formId`, else the intent. */
function formIdOf(form: FormData): string {
  const posted = form.get("formId");
  return typeof posted === "string" && posted.length <= 100 ? posted : String(form.get("intent") ?? "");
}

export async function staffIntent<S extends z.ZodType>(request: Request, params: { lang?: string }, schema: S) {
  const lang = requireLang(params);
  const user = await requireStaff(request);
  const form = await request.formData();
  await requireCsrf(request, form);
  const formId = formIdOf(form);
  const parsed = parseIntent(form, schema, () => formId);
  return { lang, user, formId, parsed };
}

export function notice(formId: string, key: string, values?: ConsoleAnswer["values"]) {
  return data<ConsoleAnswer>({ formId, notice: key, values });
}

/** A refused change: nothing was written; the page shows why. */
export function refusal(formId: string, key: string, status: number, values?: ConsoleAnswer["values"]) {
  return data<ConsoleAnswer>({ formId, error: key, values }, { status });
}
