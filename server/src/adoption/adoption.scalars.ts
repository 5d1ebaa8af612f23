import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 date-time with a mandatory offset, so an instant is never ambiguous.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parseDateTime(value: unknown): string {
  const d = typeof value === 'string' && DATE_TIME.test(value) ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) {
    throw new GraphQLError(
      `DateTime must be an ISO 8601 date-time with a time zone, e.g. 2025-03-01T09:30:00Z, got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return d.toISOString();
}

/**
 * An instant (`timestamptz`): when something was recorded or confirmed. Serialised in UTC with
 * millisecond precision. Candidate for server/src/scalars.ts once another domain needs it.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description:
    'An instant, formatted as an ISO 8601 / RFC 3339 date-time with time zone, e.g. `2025-03-01T09:30:00.000Z`. Output is always UTC.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    return parseDateTime(value);
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('DateTime must be a string such as 2025-03-01T09:30:00Z', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parseDateTime(ast.value);
  },
});
