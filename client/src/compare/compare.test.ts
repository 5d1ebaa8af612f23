import { describe, expect, it } from 'vitest';
import { csvFormatFor, toCsv, type ExportTable } from './export';
import { sortRows, type MatrixRow } from './matrix';
import { DEFAULT_STATE, parseCompareQuery, toCompareQuery, type CompareState } from './state';

describe('compare URL state', () => {
  it('round-trips every choice through the query string', () => {
    const state: CompareState = {
      kind: 'SAFETY_REGION',
      solutions: ['open-formulieren', 'common-ground'],
      asOf: '2021-06-30',
      statuses: ['IMPLEMENTING', 'LIVE'],
      sort: 'solution:common-ground',
      direction: 'descending',
      chart: 'common-ground',
    };
    const query = toCompareQuery(state);
    expect(query).toEqual({
      regio: 'SAFETY_REGION',
      oplossingen: 'open-formulieren,common-ground',
      peildatum: '2021-06-30',
      status: 'IMPLEMENTING,LIVE',
      sorteer: 'solution:common-ground',
      volgorde: 'aflopend',
      grafiek: 'common-ground',
    });
    // As the router hands it back after a reload: strings only.
    const reloaded = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
    expect(parseCompareQuery(reloaded)).toEqual(state);
  });

  it('keeps defaults out of the URL', () => {
    expect(toCompareQuery(DEFAULT_STATE)).toEqual({ regio: 'PROVINCE' });
    expect(parseCompareQuery({})).toEqual(DEFAULT_STATE);
  });

  it('ignores what it cannot use instead of failing', () => {
    const state = parseCompareQuery({
      regio: 'GALAXY',
      oplossingen: 'a,A,<script>,b,' + Array.from({ length: 30 }, (_, i) => `s${i}`).join(','),
      peildatum: '2021-13-45',
      status: 'LIVE,BOGUS',
      sorteer: 'solution:not-chosen',
      grafiek: 'not-chosen',
    });
    expect(state.kind).toBe('PROVINCE');
    expect(state.solutions.slice(0, 3)).toEqual(['a', 'b', 's0']);
    expect(state.solutions).toHaveLength(20);
    expect(state.asOf).toBe('');
    expect(state.statuses).toEqual(['LIVE']);
    expect(state.sort).toBe('name');
    expect(state.chart).toBe('');
  });
});

const cell = (solutionSlug: string, adoptingCount: number, share: number) => ({
  solutionSlug,
  solutionName: solutionSlug,
  adoptingCount,
  share,
});
const rows: MatrixRow[] = [
  { code: 'PV27', name: 'Noord-Holland', municipalityCount: 44, cells: [cell('a', 22, 0.5)] },
  { code: 'PV20', name: 'Groningen', municipalityCount: 10, cells: [cell('a', 9, 0.9)] },
  { code: 'PV26', name: 'Utrecht', municipalityCount: 26, cells: [cell('a', 13, 0.5)] },
  { code: 'PV21', name: 'Fryslân', municipalityCount: 18, cells: [cell('a', 0, 0)] },
];
const names = (list: MatrixRow[]) => list.map((r) => r.name);

describe('sortRows', () => {
  it('sorts by name with the locale, both ways', () => {
    expect(names(sortRows(rows, 'name', 'ascending', 'nl'))).toEqual([
      'Fryslân',
      'Groningen',
      'Noord-Holland',
      'Utrecht',
    ]);
    expect(names(sortRows(rows, 'name', 'descending', 'nl'))).toEqual([
      'Utrecht',
      'Noord-Holland',
      'Groningen',
      'Fryslân',
    ]);
  });

  it('sorts by share of a solution, ties by name', () => {
    expect(names(sortRows(rows, 'solution:a', 'descending', 'nl'))).toEqual([
      'Groningen',
      'Noord-Holland',
      'Utrecht',
      'Fryslân',
    ]);
    expect(names(sortRows(rows, 'municipalities', 'ascending', 'nl'))).toEqual([
      'Groningen',
      'Fryslân',
      'Utrecht',
      'Noord-Holland',
    ]);
  });
});

describe('toCsv', () => {
  const table: ExportTable = {
    header: ['Regiocode', 'Regio', 'Open "Formulieren": aandeel (%)'],
    rows: [
      ['PV27', 'Noord-Holland', 0.4545],
      ['X1', 'Bergen (NH.); Egmond\neo', 1],
      ['X2', '=HYPERLINK("http://evil")', 0],
    ],
    notes: ['Bron: GGU Atlas, vergelijking op 2025-01-01.'],
    shareColumns: new Set([2]),
  };

  it('starts with a BOM and uses ; with decimal commas for Dutch', () => {
    const csv = toCsv(table, csvFormatFor('nl'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Regiocode;Regio;"Open ""Formulieren"": aandeel (%)"',
      'PV27;Noord-Holland;45,5',
      'X1;"Bergen (NH.); Egmond\neo";100',
      `X2;"'=HYPERLINK(""http://evil"")";0`,
      '',
      'Bron: GGU Atlas, vergelijking op 2025-01-01.',
      '',
    ]);
  });

  it('uses , with decimal points for English and quotes fields with commas', () => {
    const csv = toCsv({ ...table, rows: [['PV27', 'Noord-Holland, NL', 0.25]] }, csvFormatFor('en'));
    expect(csv.slice(1).split('\r\n').slice(0, 2)).toEqual([
      'Regiocode,Regio,"Open ""Formulieren"": aandeel (%)"',
      'PV27,"Noord-Holland, NL",25',
    ]);
  });
});
