import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from './errors.js';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';

/** Codes whose message was written for the caller and may be shown as is. */
const PUBLIC_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** pg error codes and Node socket errors that mean "the database is away", not "the query is wrong". */
function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code && /^(08|57P0[1-3]|53300)/.test(e.code)) return true; // connection exceptions, shutdown, too many connections
  if (e.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(e.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated/i.test(e.message ?? '');
}

/** PostgreSQL cancelled the statement: statement_timeout (or an operator's pg_cancel_backend). */
function isStatementTimeout(err: unknown): boolean {
  return (err as { code?: string } | undefined)?.code === '57014';
}

/** PostgreSQL refused a text value from the caller: invalid byte sequence (a NUL byte) or untranslatable character. */
function isUnstorableText(err: unknown): boolean {
  const code = (err as { code?: string; severity?: string } | undefined)?.code;
  return (code === '22021' || code === '22P05') && typeof (err as { severity?: unknown }).severity === 'string';
}

/** graphql-js's "Did you mean …?" hints, which spell out the schema to someone guessing at it. */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Formats every error that leaves the API: our own codes pass through; anything else (a bug, a
 * SQL error) becomes INTERNAL_SERVER_ERROR or SERVICE_UNAVAILABLE with the request id, and its
 * detail goes to the log only. No SQL, table names or stack traces ever reach the caller.
 * With `hideSuggestions` (production) "Did you mean" hints are dropped from every message.
 */
export function createFormatError(options: { hideSuggestions: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = formatError(formatted, error);
    return options.hideSuggestions && SUGGESTION.test(out.message)
      ? { ...out, message: out.message.replace(SUGGESTION, '') }
      : out;
  };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Apollo's own refusals of a malformed request (e.g. a persisted-query hash that does not
  // match) carry an HTTP 4xx but no code; they are the caller's mistake, not ours.
  if (!formatted.path && isRequestRefusal(error)) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  const original = unwrapResolverError(error);
  if (isUnstorableText(original)) {
    return {
      message: 'A text argument contains a character that cannot be stored or searched (such as a NUL byte).',
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  if (isStatementTimeout(original)) {
    return {
      message:
        'The query took longer than the server allows and was stopped. Ask for less (smaller pages, fewer fields).',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      message: 'The database is temporarily unavailable. Please retry in a few seconds.',
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  return {
    message: 'An unexpected error occurred. It has been logged; quote the request id when reporting it.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Whether an error is one we wrote for the caller (else it is logged in full and masked). */
export function isPublicError(err: { extensions?: Record<string, unknown> }): boolean {
  return PUBLIC_CODES.has(String(err.extensions?.code ?? '')) || isRequestRefusal(err);
}

/** Apollo's own refusals of a malformed request carry an HTTP 4xx (and often no code). */
function isRequestRefusal(err: unknown): boolean {
  const status = (err as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Logs unexpected errors with the request's logger (so the line carries the request id) and
 * stamps the request id on every error the caller sees.
 */
export function errorLoggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const err of errors) {
            if (isPublicError(err)) continue;
            const original = unwrapResolverError(err);
            if (isDatabaseUnavailable(original))
              contextValue.log.warn({ err: original, path: err.path }, 'database unavailable');
            else contextValue.log.error({ err: original, path: err.path }, 'unexpected error in resolver');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}

/**
 * HTTP 503 (with Retry-After) when every error of an answer is SERVICE_UNAVAILABLE: the database
 * is away and the caller should retry, which load balancers and clients understand by status.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length || !errors.every((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        },
      };
    },
  };
}

export { isDatabaseUnavailable };
