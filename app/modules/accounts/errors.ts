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

/** Password-reset emails refused: too many asked for this address, or from this client address, in the last hour. */
export class TooManyResetRequestsError extends Error {
  readonly name = "TooManyResetRequestsError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many password-reset requests; retry in ${retryAfterSeconds} s`);
  }
}

/** A password-reset link that cannot be used: never issued (or altered), already used, or expired. */
export class ResetLinkError extends Error {
  readonly name = "ResetLinkError";
  constructor(readonly reason: "unknown" | "used" | "expired") {
    super(`Password-reset link ${reason}`);
  }
}
