import { z } from 'zod';
import { AdoptionStatus } from '../adoption/adoption.types.js';
import { RegionKind } from '../geography/region.types.js';
import { MUNICIPALITY_CODE } from '../reference/municipalities.js';
import { parseIsoDate, SLUG } from '../scalars.js';
import { Interval } from '../uptake/timeline.types.js';
import { UptakeGrouping } from '../uptake/uptake.types.js';

/**
 * The query parameters of the aggregate exports, validated with zod. They carry the arguments
 * of the GraphQL fields of the same figures; the rules the services apply (known slugs, 1–20
 * compared solutions, at most 400 periods) stay in the services and are reached through them.
 */

/** A refused parameter: answered as 400 `{ code: 'BAD_USER_INPUT', message, parameter }`. */
export class ExportParamError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message.startsWith(parameter) ? message : `${parameter}: ${message}`);
  }
}

const enumOf = <T extends Record<string, string>>(values: T) => {
  const allowed = Object.values(values) as [T[keyof T], ...T[keyof T][]];
  return z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .pipe(z.enum(allowed, { error: (issue) => `unknown value ${String(issue.input)}; one of ${allowed.join(', ')}` }));
};

const date = z.string().transform((v, ctx) => {
  try {
    return parseIsoDate(v.trim());
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

const csvList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Comma-separated statuses, each an AdoptionStatus; an unknown one is named. */
const statusList = csvList.transform((values, ctx) => {
  const allowed = Object.values(AdoptionStatus) as string[];
  const upper = values.map((v) => v.toUpperCase());
  const unknown = upper.filter((v) => !allowed.includes(v));
  if (unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `unknown status ${unknown.join(', ')}; one of ${allowed.join(', ')}` });
    return z.NEVER;
  }
  if (upper.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'must name at least one status; omit it for LIVE' });
    return z.NEVER;
  }
  return upper as AdoptionStatus[];
});

export const AGGREGATE_PARAMS = {
  uptake: z.strictObject({
    groupBy: enumOf(UptakeGrouping),
    asOf: date.optional(),
    solutions: csvList.optional(),
    status: statusList.optional(),
  }),
  'region-comparison': z.strictObject({
    kind: enumOf(RegionKind),
    solutions: csvList,
    asOf: date.optional(),
    status: statusList.optional(),
  }),
  'adoption-timeline': z.strictObject({
    solution: z.string(),
    from: date,
    to: date,
    interval: enumOf(Interval),
  }),
} as const;
export type AggregateName = keyof typeof AGGREGATE_PARAMS;

/**
 * The optional parameters of the lists that take any (the other lists take none and ignore the
 * query string). Without parameters a list is the whole list.
 */
export const LIST_PARAMS = {
  adoptions: z
    .strictObject({
      municipality: z
        .string()
        .transform((v) => v.trim().toUpperCase())
        .pipe(
          z.string().regex(MUNICIPALITY_CODE, {
            error: (issue) => `must be a CBS code like GM0363, got "${String(issue.input)}"`,
          }),
        ),
      solution: z
        .string()
        .transform((v) => v.trim().toLowerCase())
        .pipe(
          z.string().regex(SLUG, {
            error: (issue) =>
              `must be a slug of lowercase letters, digits and hyphens (e.g. "open-formulieren"), got "${String(issue.input)}"`,
          }),
        ),
    })
    .partial(),
} as const;
export type ListParamsName = keyof typeof LIST_PARAMS;
export type ListParams<N extends ListParamsName> = z.infer<(typeof LIST_PARAMS)[N]>;
export type AggregateParams<N extends AggregateName> = z.infer<(typeof AGGREGATE_PARAMS)[N]>;

/**
 * Parses a request's query string for one aggregate export. A parameter given twice is joined
 * with a comma (so `status=LIVE&status=PLANNED` works); an empty value counts as not given.
 */
export function parseAggregateParams<N extends AggregateName>(
  name: N,
  query: Record<string, string | string[] | undefined>,
): AggregateParams<N> {
  return parseParams(name, AGGREGATE_PARAMS[name], query) as AggregateParams<N>;
}

/** Parses a request's query string for a list that takes parameters, by the same rules. */
export function parseListParams<N extends ListParamsName>(
  name: N,
  query: Record<string, string | string[] | undefined>,
): ListParams<N> {
  return parseParams(name, LIST_PARAMS[name], query) as ListParams<N>;
}

function parseParams(name: string, schema: z.ZodObject, query: Record<string, string | string[] | undefined>): unknown {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const text = Array.isArray(value) ? value.join(',') : (value ?? '');
    if (text.trim() !== '') input[key] = text;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // A misspelt parameter explains a "missing" one, so it is reported first.
  const issues = parsed.error.issues;
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
  const allowed = Object.keys(schema.shape).join(', ');
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    throw new ExportParamError(key!, `${key} is not a parameter of ${name} (it takes ${allowed})`);
  }
  const parameter = String(issue.path[0]);
  if (issue.code === 'invalid_type' && !(parameter in input)) {
    throw new ExportParamError(parameter, `${parameter} is required (${name} takes ${allowed})`);
  }
  throw new ExportParamError(parameter, issue.message);
}
