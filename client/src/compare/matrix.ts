import type { SortDirection, SortKey } from './state';

export interface MatrixCell {
  solutionSlug: string;
  solutionName: string;
  adoptingCount: number;
  share: number;
}

export interface MatrixRow {
  code: string;
  name: string;
  municipalityCount: number;
  cells: MatrixCell[];
}

/**
 * Orders the regions of the matrix by name, by size or by the share of one solution. Ties are
 * broken by name, so the order is stable whatever the server returned first.
 */
export function sortRows(
  rows: readonly MatrixRow[],
  sort: SortKey,
  direction: SortDirection,
  locale: string,
): MatrixRow[] {
  const byName = (a: MatrixRow, b: MatrixRow) => a.name.localeCompare(b.name, locale);
  const slug = sort.startsWith('solution:') ? sort.slice('solution:'.length) : null;
  const value = (row: MatrixRow): number =>
    sort === 'municipalities' ? row.municipalityCount : (row.cells.find((c) => c.solutionSlug === slug)?.share ?? -1);
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const primary = sort === 'name' ? byName(a, b) : value(a) - value(b);
    return primary !== 0 ? sign * primary : byName(a, b);
  });
}

/** Share as a whole percentage for the cells, e.g. `45%` / `45 %` as the locale writes it. */
export function formatPercent(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
