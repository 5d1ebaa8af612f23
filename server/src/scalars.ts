import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The form of every slug (solutions, standards, initiatives, organisations), as the tables' CHECKs require. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Parses `YYYY-MM-DD` to the same string, rejecting impossible dates such as 2023-02-30. */
export function parseIsoDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) {
    throw new GraphQLError(`Date must be a string in the form YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`${value} is not a date in the calendar`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/**
 * A calendar date without time or zone, `YYYY-MM-DD` (ISO 8601). Validity dates, effective
 * dates and `asOf` arguments are all of this type: a municipality exists "on" a date, not at
 * an instant, so no time zone can shift it.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or time zone, formatted `YYYY-MM-DD` (ISO 8601), e.g. `2022-03-24`.',
  // Output comes from PostgreSQL `date` columns, already valid: checking the form is enough
  // (this runs for every date in every answer). Input gets the full calendar check.
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return typeof value === 'string' && DATE.test(value) ? value : parseIsoDate(value);
  },
  parseValue: parseIsoDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date must be a string in the form YYYY-MM-DD', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parseIsoDate(ast.value);
  },
});

// Building an Intl formatter is costly; this one runs on every uncached request.
const NL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** Today's date in the Netherlands, as YYYY-MM-DD. */
export function todayInNL(now = new Date()): string {
  return NL_DATE.format(now);
}
