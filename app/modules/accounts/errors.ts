/** Typed failures of the accounts module; routes map them to field errors and statuses. */
export class EmailTakenError extends Error {
  readonly name = "EmailTakenError";
}

export class InvalidCredentialsError extends Error {
  readonly name = "InvalidCredentialsError";
}

/** Sign-in refused before the password is checked: this account (or address) must wait. */
export class TooManyAttemptsError extends Error {
  readonly name = "TooManyAttemptsError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts; retry in ${retryAfterSeconds} s`);
  }
}

/** Sign-up refused: too many accounts tried from this client address in the last hour. */
export class TooManySignUpsError extends Error {
  readonly name = "TooManySignUpsError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-ups from this address; retry in ${retryAfterSeconds} s`);
  }
}
