/**
 * Outbox dead letters: messages (email, LINE, search, page caches) that failed every retry, with
 * how they failed, and a button to try one again from its first attempt (audited).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AnswerMessage, consoleMeta, type ConsoleAnswer } from "~/components/console";
import { CsrfInput } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-lang";
import { DeadLetterNotFoundError, deadLetters, retryDeadLetter } from "~/modules/outbox/dead-letters.server";
import { notice, refusal, staffIntent } from "~/web/console.server";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";

export const outboxIntents = z.discriminatedUnion("intent", [z.object({ intent: z.literal("retry"), messageId: z.string({ message: "errors.required" }).min(1).max(40) })]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  return { messages: await deadLetters() };
}

export const meta = consoleMeta("outbox");

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, formId, parsed } = await staffIntent(request, params, outboxIntents);
  if (!parsed.ok) return parsed.answer;
  try {
    await retryDeadLetter({ messageId: parsed.value.messageId, actorId: user.id });
  } catch (error) {
    if (error instanceof DeadLetterNotFoundError) return refusal(formId, "console.outbox.notFound", 404);
    throw error;
  }
  return notice(formId, "console.outbox.retried");
}

export default function StaffOutbox() {
  const { messages } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ConsoleAnswer | undefined;
  const { t, lang } = useT();
  return (
    <div className="stack">
      <h2>{t("console.nav.outbox")}</h2>
      <p className="hint">{t("console.outbox.intro")}</p>
      <AnswerMessage answer={answer} />
      {messages.length === 0 ? (
        <p className="empty-state">{t("console.outbox.none")}</p>
      ) : (
        <ul className="plain-list">
          {messages.map((message) => (
            <li key={message.id} className="console-card">
              <p className="audit-head">
                <strong>{t(`console.outbox.topics.${message.topic}`)}</strong>
                <span className="hint">{t("console.outbox.attempts", { count: message.attempts })}</span>
              </p>
              <p className="hint">
                {t("console.outbox.deadAt", { time: formatDateTime(new Date(message.deadAt ?? message.createdAt), lang) })} ·{" "}
                <code className="id">{message.id}</code>
              </p>
              <pre className="last-error">{message.lastError ?? "—"}</pre>
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="formId" value={`retry-${message.id}`} />
                <input type="hidden" name="messageId" value={message.id} />
                <button type="submit" name="intent" value="retry" className="button small" aria-label={`${t("console.outbox.retry")}: ${message.id}`}>
                  {t("console.outbox.retry")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
