import { GraphQLError } from 'graphql';

/**
 * The stable error codes of the API (in `extensions.code`). Integrators switch on these;
 * never rename one.
 */
export const ErrorCode = {
  /** No or an invalid/expired/revoked credential. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Signed in, but this actor may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** An argument is invalid; the message says which and why. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A referenced record does not exist (mutations; queries return null instead). */
  NOT_FOUND: 'NOT_FOUND',
  /** The record changed since the caller read it (stale version). */
  CONFLICT: 'CONFLICT',
  /** The database is unreachable; retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Anything unexpected; details are in the server log under the request id. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
