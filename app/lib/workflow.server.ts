/**
 * Multi-step work with outside effects, in the spirit of Medusa's workflows but small: each
 * step that touches the outside world (store files, charge a card, start a transfer) names the
 * compensation that undoes it. Steps run in order; if one fails, the compensations of the steps
 * already done run in reverse order, then the original error is rethrown. Nothing is left half
 * done unless a compensation itself fails, which is logged with the step's name so a person can
 * finish the undo by hand.
 *
 *   const stored = step("store image files", () => storeImage(file), (image) => deleteKeys(image.written));
 *   const rows = step("write image rows", (image) => inTransaction(db(), (tx) => linkImage(tx, image)));
 *   await runWorkflow("add product photo", [stored, rows]);  // rows fails → files deleted
 *
 * Database writes belong in one transaction inside a single step (the transaction is its own
 * undo); steps exist for what a rollback cannot reach. Work that must happen after a commit and
 * may be retried for days (email, LINE, payouts) goes through the outbox instead.
 */

export interface Step<In, Out> {
  name: string;
  invoke(input: In): Promise<Out>;
  /** Undoes `invoke`, given its output; absent for steps with nothing to undo. */
  compensate?(output: Out, input: In): Promise<void>;
}

export function step<In, Out>(name: string, invoke: (input: In) => Promise<Out>, compensate?: (output: Out, input: In) => Promise<void>): Step<In, Out> {
  return { name, invoke, compensate };
}

export class CompensationFailedError extends Error {
  readonly name = "CompensationFailedError";
  constructor(
    readonly workflow: string,
    readonly step: string,
    readonly cause: unknown,
    readonly original: unknown,
  ) {
    super(`${workflow}: undoing "${step}" failed after an error; finish it by hand: ${describe(cause)} (original error: ${describe(original)})`);
  }
}

type Log = (message: string) => void;

/**
 * Runs steps as a pipeline: each receives the previous step's output (the first receives
 * `input`). Returns the last output. Typed loosely in the middle because a pipeline's types
 * are only known step by step; each step is typed where it is defined.
 */
export async function runWorkflow<T>(
  name: string,
  steps: Step<any, any>[], // eslint-disable-line @typescript-eslint/no-explicit-any
  input?: unknown,
  options: { log?: Log } = {},
): Promise<T> {
  const log = options.log ?? ((message) => console.error(message));
  const done: { step: Step<unknown, unknown>; input: unknown; output: unknown }[] = [];
  let value: unknown = input;
  for (const current of steps) {
    try {
      const output = await current.invoke(value);
      done.push({ step: current, input: value, output });
      value = output;
    } catch (error) {
      await compensate(name, done, error, log);
      throw error;
    }
  }
  return value as T;
}

async function compensate(name: string, done: { step: Step<unknown, unknown>; input: unknown; output: unknown }[], original: unknown, log: Log) {
  for (const { step: finished, input, output } of [...done].reverse()) {
    if (!finished.compensate) continue;
    try {
      await finished.compensate(output, input);
    } catch (error) {
      // Keep undoing the others: a failed undo of one step must not leave the rest done.
      log(new CompensationFailedError(name, finished.name, error, original).message);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
