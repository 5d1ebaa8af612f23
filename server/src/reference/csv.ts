import { parse } from 'csv-parse/sync';
import { ReferenceDataError } from './errors.js';
import type { SourceFile } from './source.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One record of a CSV file with typed, validating accessors; errors name the file and line. */
export class CsvRow {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly values: Record<string, string>,
  ) {}

  /** The error for a problem on this line; `throw row.error(…)` where TypeScript must narrow. */
  error(problem: string): ReferenceDataError {
    return new ReferenceDataError(this.file, this.line, problem);
  }

  fail(problem: string): never {
    throw this.error(problem);
  }

  private raw(column: string): string {
    return (this.values[column] ?? '').trim();
  }

  text(column: string): string {
    const v = this.raw(column);
    if (v === '') this.fail(`${column} is empty`);
    return v;
  }

  optionalText(column: string): string | null {
    return this.raw(column) || null;
  }

  /** A text matching `pattern`, e.g. a CBS code. */
  code(column: string, pattern: RegExp): string {
    const v = this.text(column);
    if (!pattern.test(v)) this.fail(`${column} "${v}" is not a valid code (expected ${pattern.source})`);
    return v;
  }

  int(column: string, min = 0): number {
    const v = this.text(column);
    if (!/^-?\d+$/.test(v)) this.fail(`${column} "${v}" is not a whole number`);
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < min) this.fail(`${column} "${v}" is out of range`);
    return n;
  }

  /** A decimal fraction in (0, 1]. */
  share(column: string): number {
    const v = this.text(column);
    const n = Number(v);
    if (!/^\d*\.?\d+$/.test(v) || !(n > 0 && n <= 1)) this.fail(`${column} "${v}" is not a share between 0 and 1`);
    return n;
  }

  date(column: string): string {
    const v = this.text(column);
    const m = ISO_DATE.exec(v);
    const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
      this.fail(`${column} "${v}" is not a date (YYYY-MM-DD)`);
    }
    return v;
  }

  optionalDate(column: string): string | null {
    return this.raw(column) === '' ? null : this.date(column);
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = this.text(column);
    if (!(allowed as readonly string[]).includes(v)) this.fail(`${column} "${v}" is not one of ${allowed.join(', ')}`);
    return v as T;
  }
}

/** Parses a comma-separated file with a header row that must hold at least `columns`. */
export function readCsv(file: SourceFile, columns: readonly string[]): CsvRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(file.text, { columns: true, bom: true, skip_empty_lines: true, info: true });
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ReferenceDataError(file.name, e.lines, e.message.replace(/^Invalid Record Length: /, ''));
  }
  const header = file.text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .split(',')
    .map((c) => c.trim());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new ReferenceDataError(file.name, 1, `missing column(s) ${missing.join(', ')}`);
  if (records.length === 0) throw new ReferenceDataError(file.name, undefined, 'has no rows');
  return records.map(({ record, info }) => new CsvRow(file.name, info.lines, record));
}

/** Throws when a key occurs twice, naming the line of the second occurrence. */
export function uniqueBy<T>(
  rows: readonly T[],
  key: (row: T) => string,
  lineOf: (row: T) => CsvRow,
  what: string,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    if (map.has(k)) lineOf(row).fail(`duplicate ${what} ${k}`);
    map.set(k, row);
  }
  return map;
}
