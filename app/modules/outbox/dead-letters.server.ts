/**
 * Dead letters as staff handle them: the messages that failed for good, and a retry that is
 * audited (who gave which message a fresh start, and how it had failed).
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { deadMessages, retryDeadMessage } from "./outbox.server";

export class DeadLetterNotFoundError extends Error {
  readonly name = "DeadLetterNotFoundError";
  constructor() {
    super("No dead outbox message with that id");
  }
}

export function deadLetters(client: Client = db()) {
  return deadMessages(client, { limit: 100 });
}

/** Retries a dead message from its first attempt; DeadLetterNotFoundError when there is no such dead message. */
export async function retryDeadLetter(input: { messageId: string; actorId: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const message = await tx.outboxMessage.findFirst({
      where: { id: input.messageId, deadAt: { not: null } },
      select: { id: true, topic: true, attempts: true, lastError: true, deadAt: true },
    });
    if (!message || !(await retryDeadMessage(tx, message.id))) throw new DeadLetterNotFoundError();
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "outbox.retry",
      subjectType: "OutboxMessage",
      subjectId: message.id,
      before: { dead: true, attempts: message.attempts },
      after: { dead: false, attempts: 0 },
      details: { topic: message.topic, lastError: message.lastError },
    });
  });
}
