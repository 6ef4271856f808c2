import { DomainError } from '@app/errors';

/** Not signed in (or the session/token has ended). Pages redirect to /sign-in instead. */
export class UnauthenticatedError extends DomainError {
  constructor() {
    super('unauthenticated', 'Sign in, or send a valid bearer token', 401);
  }
}

/** The same answer whether the email is unknown, the password wrong or the account deactivated. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('auth.invalid_credentials', 'The email address or password is not correct', 401, [
      {
        field: 'email',
        code: 'auth.invalid_credentials',
        message: 'The email address or password is not correct',
      },
    ]);
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super('user.email_taken', 'An account with this email address already exists', 409, [
      {
        field: 'email',
        code: 'user.email_taken',
        message: 'An account with this email address already exists',
      },
    ]);
  }
}

export class CsrfError extends DomainError {
  constructor() {
    super(
      'csrf.invalid',
      'The form has expired or did not come from this service: go back, reload and try again',
      403,
    );
  }
}
