import { parse } from 'csv-parse/sync';
import type { WriteTx } from '../audit/write.js';
import { AppError, ErrorCode } from '../errors.js';
import { isAdmin } from '../identity/actor.js';
import { adoptionAuthority, type Authority } from '../identity/policy.js';
import { MUNICIPALITY_CODE } from '../reference/municipalities.js';
import { parseIsoDate } from '../scalars.js';
import { appendEvent, asQueryable, checkEffectiveDate, saveProjection, type Target } from './adoption.write.js';

/**
 * CSV import of adoption records. Columns (header row required, any order, extra columns
 * refused): `cbs_code,solution,status,date,mode,notes` — mode and notes may be empty. Comma
 * separated, UTF-8, `#` starts a comment line. Every line is checked (format, existence,
 * the municipality existed on the date, the caller may write it); any bad line means nothing is
 * applied and the report lists each bad line with its reason. A clean file is applied in one
 * transaction: one event per line, then each pair's projection once.
 */
export const CSV_COLUMNS = ['cbs_code', 'solution', 'status', 'date', 'mode', 'notes'] as const;
const STATUSES = new Set(['CONSIDERING', 'PLANNED', 'IMPLEMENTING', 'LIVE', 'RETIRED']);
const MODES = new Set(['OWN_INSTALLATION', 'SAAS', 'VIA_COOPERATION', 'VARIANT']);
export const MAX_CSV_ROWS = 5000;

export interface LineError {
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportResult {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  validRows: number;
  errors: LineError[];
  eventsCreated: number;
  adoptionsChanged: number;
}

interface GoodRow {
  target: Target;
  authority: Authority;
  status: string;
  date: string;
  mode: string | null;
  notes: string | null;
}

export async function importAdoptionsCsv(tx: WriteTx, csv: string, dryRun: boolean): Promise<ImportResult> {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, comment: '#', skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? null;
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `The CSV cannot be read${line ? ` (near line ${line})` : ''}: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  const [header, ...body] = records;
  if (!header)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `The CSV is empty; expected a header ${CSV_COLUMNS.join(',')}`);
  const names = header.map((h) => h.toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `The header must have the columns ${CSV_COLUMNS.join(',')}; missing ${missing.join(', ')}`,
    );
  }
  if (body.length > MAX_CSV_ROWS)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `At most ${MAX_CSV_ROWS} lines per import; split the file`);
  const col = (rec: string[], c: (typeof CSV_COLUMNS)[number]) => (rec[names.indexOf(c)] ?? '').trim();

  // One query each for every municipality and solution the file names.
  const codes = [...new Set(body.map((r) => col(r, 'cbs_code').toUpperCase()))];
  const slugs = [...new Set(body.map((r) => col(r, 'solution').toLowerCase()))];
  const municipalities = new Map(
    (
      await tx.query(`SELECT id, code, valid_from, valid_to FROM municipality WHERE code = ANY($1::text[])`, [codes])
    ).map((m) => [m.code, m]),
  );
  const solutions = new Map(
    (
      await tx.query(`SELECT id, slug, maintainer_organisation_id FROM solution WHERE slug = ANY($1::text[])`, [slugs])
    ).map((s) => [s.slug, s]),
  );
  const authorityCache = new Map<string, Authority | string>();
  const errors: LineError[] = [];
  const good: GoodRow[] = [];

  for (const [i, rec] of body.entries()) {
    // The header is line 1; comment lines are not counted (csv-parse drops them).
    const line = i + 2;
    const bad = (column: string | null, reason: string) => errors.push({ line, column, reason });
    if (rec.length !== header.length) {
      bad(null, `has ${rec.length} fields, the header has ${header.length}`);
      continue;
    }
    const code = col(rec, 'cbs_code').toUpperCase();
    const slug = col(rec, 'solution').toLowerCase();
    const status = col(rec, 'status').toUpperCase();
    const rawDate = col(rec, 'date');
    const mode = col(rec, 'mode').toUpperCase() || null;
    const notes = col(rec, 'notes') || null;
    const before = errors.length;
    if (!MUNICIPALITY_CODE.test(code)) bad('cbs_code', `"${col(rec, 'cbs_code')}" is not a CBS code like GM0363`);
    else if (!municipalities.has(code)) bad('cbs_code', `no municipality ${code}`);
    if (!solutions.has(slug)) bad('solution', `no solution "${col(rec, 'solution')}"`);
    if (!STATUSES.has(status)) bad('status', `"${col(rec, 'status')}" is not one of ${[...STATUSES].join(', ')}`);
    let date: string | null = null;
    try {
      date = parseIsoDate(rawDate);
    } catch {
      bad('date', `"${rawDate}" is not a date YYYY-MM-DD`);
    }
    if (mode !== null && !MODES.has(mode)) bad('mode', `"${col(rec, 'mode')}" is not one of ${[...MODES].join(', ')}`);
    if (notes !== null && notes.length > 2000) bad('notes', 'notes may be at most 2000 characters');
    if (errors.length > before) continue;

    const target = { municipality: municipalities.get(code), solution: solutions.get(slug) } as Target;
    const dateProblem = checkEffectiveDate(target, date!);
    if (dateProblem) {
      bad('date', dateProblem);
      continue;
    }
    const key = `${target.municipality.id}:${target.solution.maintainer_organisation_id}`;
    if (!authorityCache.has(key)) {
      try {
        authorityCache.set(
          key,
          await adoptionAuthority(
            asQueryable(tx),
            tx.actor,
            target.municipality.id,
            target.solution.maintainer_organisation_id,
          ),
        );
      } catch (err) {
        authorityCache.set(key, (err as Error).message);
      }
    }
    const authority = authorityCache.get(key)!;
    if (typeof authority === 'string') {
      bad('cbs_code', `not allowed: ${authority}`);
      continue;
    }
    // An administrator's bulk load is an import from another register, not a verification.
    const provenance = isAdmin(tx.actor)
      ? { ...authority, provenance: 'IMPORTED' as Authority['provenance'] }
      : authority;
    good.push({ target, authority: provenance, status, date: date!, mode, notes });
  }

  const result: ImportResult = {
    dryRun,
    applied: false,
    rows: body.length,
    validRows: good.length,
    errors,
    eventsCreated: 0,
    adoptionsChanged: 0,
  };
  if (dryRun || errors.length > 0 || good.length === 0) return result;

  const pairs = new Map<string, Target>();
  for (const row of good) {
    await appendEvent(tx, row.target, row.authority, {
      status: row.status,
      mode: row.mode,
      effectiveDate: row.date,
      notes: row.notes,
      correctsEventId: null,
    });
    pairs.set(`${row.target.municipality.id}:${row.target.solution.id}`, row.target);
    result.eventsCreated++;
  }
  for (const target of pairs.values()) {
    await saveProjection(tx, target, 'unchecked');
    result.adoptionsChanged++;
  }
  result.applied = true;
  return result;
}
