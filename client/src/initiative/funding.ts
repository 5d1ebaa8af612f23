import type { FundingSource } from '../gql/graphql';

export interface FundingLineLike {
  year: number;
  source: FundingSource;
  amountEur: number;
}

/** Order of the sources in the table and the chart. */
export const SOURCES: readonly FundingSource[] = ['FONDS_GGU', 'VNG', 'NATIONAL_GOVERNMENT', 'MUNICIPALITIES', 'OTHER'];

export interface FundingTable {
  years: number[];
  /** Only the sources that occur, in `SOURCES` order. */
  sources: FundingSource[];
  /** amount per year per source; 0 where nothing was budgeted. */
  amount: (year: number, source: FundingSource) => number;
  yearTotal: (year: number) => number;
  sourceTotal: (source: FundingSource) => number;
  total: number;
}

/** Pivots funding lines into years × sources (several lines of one year and source add up). */
export function fundingTable(lines: readonly FundingLineLike[]): FundingTable {
  const cells = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.year}:${line.source}`;
    cells.set(key, (cells.get(key) ?? 0) + line.amountEur);
  }
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const sources = SOURCES.filter((s) => lines.some((l) => l.source === s));
  const amount = (year: number, source: FundingSource) => cells.get(`${year}:${source}`) ?? 0;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    years,
    sources,
    amount,
    yearTotal: (year) => sum(sources.map((s) => amount(year, s))),
    sourceTotal: (source) => sum(years.map((y) => amount(y, source))),
    total: sum(lines.map((l) => l.amountEur)),
  };
}

export function formatEuro(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}
