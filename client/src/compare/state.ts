import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { AdoptionStatus, RegionKind } from '../gql/graphql';

/** The region kinds a director compares (CUSTOM groups are not a division of the country). */
export const REGION_KINDS: readonly RegionKind[] = [
  'PROVINCE',
  'COROP',
  'SAFETY_REGION',
  'GGD_REGION',
  'LABOUR_MARKET_REGION',
  'COOPERATION',
  'NETWORK',
];

/** Statuses that can count as "adopting", in lifecycle order. */
export const COUNTED_STATUSES: readonly AdoptionStatus[] = [
  'CONSIDERING',
  'PLANNED',
  'IMPLEMENTING',
  'LIVE',
  'RETIRED',
];

/** The API compares at most this many solutions at once. */
export const MAX_SOLUTIONS = 20;

export type SortKey = 'name' | 'municipalities' | `solution:${string}`;
export type SortDirection = 'ascending' | 'descending';

/** Everything a comparison is: the URL holds all of it, so a link reproduces the page. */
export interface CompareState {
  kind: RegionKind;
  solutions: string[];
  /** `YYYY-MM-DD`; empty for today. */
  asOf: string;
  statuses: AdoptionStatus[];
  sort: SortKey;
  direction: SortDirection;
  /** The solution the bar chart shows; empty for the first selected one. */
  chart: string;
}

export const DEFAULT_STATE: CompareState = {
  kind: 'PROVINCE',
  solutions: [],
  asOf: '',
  statuses: ['LIVE'],
  sort: 'name',
  direction: 'ascending',
  chart: '',
};

const first = (value: LocationQuery[string] | undefined): string => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : '';
};
const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SLUG = /^[a-z0-9-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the state from the URL query; anything malformed falls back to the default. */
export function parseCompareQuery(query: LocationQuery): CompareState {
  const kind = first(query.regio).toUpperCase() as RegionKind;
  const solutions = [...new Set(list(first(query.oplossingen).toLowerCase()).filter((s) => SLUG.test(s)))].slice(
    0,
    MAX_SOLUTIONS,
  );
  const statuses = COUNTED_STATUSES.filter((s) => list(first(query.status).toUpperCase()).includes(s));
  const asOf = first(query.peildatum);
  const sort = first(query.sorteer);
  const validSort =
    sort === 'name' || sort === 'municipalities' || (sort.startsWith('solution:') && solutions.includes(sort.slice(9)));
  const chart = first(query.grafiek);
  return {
    kind: REGION_KINDS.includes(kind) ? kind : DEFAULT_STATE.kind,
    solutions,
    asOf: DATE.test(asOf) && !Number.isNaN(Date.parse(asOf)) ? asOf : '',
    statuses: statuses.length ? statuses : DEFAULT_STATE.statuses,
    sort: validSort ? (sort as SortKey) : DEFAULT_STATE.sort,
    direction: first(query.volgorde) === 'aflopend' ? 'descending' : 'ascending',
    chart: solutions.includes(chart) ? chart : '',
  };
}

/** Writes the state as a URL query, leaving out what equals the default so links stay short. */
export function toCompareQuery(state: CompareState): LocationQueryRaw {
  const query: LocationQueryRaw = { regio: state.kind };
  if (state.solutions.length) query.oplossingen = state.solutions.join(',');
  if (state.asOf) query.peildatum = state.asOf;
  const statuses = COUNTED_STATUSES.filter((s) => state.statuses.includes(s));
  if (statuses.join(',') !== DEFAULT_STATE.statuses.join(',')) query.status = statuses.join(',');
  if (state.sort !== DEFAULT_STATE.sort) query.sorteer = state.sort;
  if (state.direction !== DEFAULT_STATE.direction) query.volgorde = 'aflopend';
  if (state.chart) query.grafiek = state.chart;
  return query;
}
