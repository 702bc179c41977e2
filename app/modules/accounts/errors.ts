/** Typed failures of the accounts module; routes map them to field errors and statuses. */
export class EmailTakenError extends Error {
  readonly name = "EmailTakenError";
}

export class InvalidCredentialsError extends Error {
  readonly name = "InvalidCredentialsError";
}

export class TooManyAttemptsError extends Error {
  readonly name = "TooManyAttemptsError";
  constructor(readonly retryAfterMinutes: number) {
    super(`Too many sign-in attempts; retry in ${retryAfterMinutes} minutes`);
  }
}
