import type { SelectionTree } from './lookahead.js';

/**
 * A table's select list split by GraphQL field, so that a statement reads only the columns a
 * query asks for (see `selectionTree`). Reading fewer columns is what made a page of 100
 * adopters cheap: pg decodes, and the garbage collector frees, every column of every row.
 */
export interface FieldColumns {
  /** Always read: the ids and keys that resolvers, cursors and joins need. */
  always: readonly string[];
  /**
   * The columns behind each plain field of the GraphQL type. A field not listed here has a
   * resolver of its own that needs only `always` (tests/server/paging-columns.test.ts checks
   * every field of the types against the full select list).
   */
  byField: Readonly<Record<string, readonly string[]>>;
}

const fullLists = new WeakMap<FieldColumns, string>();

/** Every column, in order, each once (built once per split: it is read on every request). */
export function allColumns(c: FieldColumns): string {
  let list = fullLists.get(c);
  if (list === undefined) {
    list = [...new Set([...c.always, ...Object.values(c.byField).flat()])].join(', ');
    fullLists.set(c, list);
  }
  return list;
}

/** The columns for the fields in `tree`; all of them when the selection is not known. */
export function columnsFor(c: FieldColumns, tree: SelectionTree | undefined): string {
  if (!tree) return allColumns(c);
  const picked = new Set(c.always);
  for (const field of tree.keys()) for (const column of c.byField[field] ?? []) picked.add(column);
  return [...picked].join(', ');
}

/** The same split with every column rewritten (e.g. by `joinedColumns` for a joined row). */
export function mapColumns(c: FieldColumns, rewrite: (column: string) => string): FieldColumns {
  return {
    always: c.always.map(rewrite),
    byField: Object.fromEntries(Object.entries(c.byField).map(([f, cols]) => [f, cols.map(rewrite)])),
  };
}

/** A select list and the rows joined to it (see `Joined`). */
export interface PageColumns {
  /** Select list; must produce every column the page sorts by, by name. */
  columns: string;
  /** `columns` itself has `"<field>.<column>"` names (rows of the page's own joins) for `nest`. */
  nested?: boolean;
  /** Rows joined to the page's rows (see `Joined`). */
  joined?: Joined;
}

/** Whether a page's rows carry `"<field>.<column>"` names that `nest` must turn into objects. */
export const hasNestedRows = (c: PageColumns): boolean => c.nested === true || c.joined !== undefined;

/**
 * Rows joined to each page row in the same statement, so the field resolvers need no statement
 * of their own: LEFT JOINs on the page row's alias, and columns named `"<field>.<column>"`
 * (see `joinedColumns`), which `nest` turns into a nested row object. Only the page's rows are
 * joined, never every row under the filter.
 */
export interface Joined {
  joins: (row: string) => string;
  columns: string;
}

/**
 * A column list written for `alias` (e.g. MUNICIPALITY_COLUMNS on `m`) rewritten for `as`, with
 * each output named `"<prefix>.<name>"`. The list is a constant of ours: top-level commas
 * separate columns, and a column is named by `AS name` or its last `.name`.
 */
export function joinedColumns(columns: string, alias: string, as: string, prefix: string): string {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of columns) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const own = new RegExp(`\\b${alias}\\.`, 'g');
  return parts
    .map((c) => c.trim())
    .map((c) => {
      const named = /^(.*)\s+AS\s+(\w+)$/is.exec(c);
      const [expr, name] = named ? [named[1]!, named[2]!] : [c, c.slice(c.lastIndexOf('.') + 1)];
      return `${expr.replace(own, `${as}.`)} AS "${prefix}.${name}"`;
    })
    .join(', ');
}

/** Each column name's path (`"municipality.province.code"` → its steps; null for a plain name). */
const columnPaths = new Map<string, readonly string[] | null>();
function pathOf(key: string): readonly string[] | null {
  let path = columnPaths.get(key);
  if (path === undefined) {
    path = key.includes('.') ? key.split('.') : null;
    columnPaths.set(key, path);
  }
  return path;
}

/**
 * Turns the `"a.b"` columns of `Joined` into nested objects (the joins are to required rows:
 * never absent). Column names are our constants, so their split paths are kept.
 */
export function nest<R>(row: Record<string, unknown>): R {
  const out: Record<string, unknown> = {};
  for (const key in row) {
    const path = pathOf(key);
    if (path === null) {
      out[key] = row[key];
      continue;
    }
    let target = out;
    for (let i = 0; i < path.length - 1; i++) target = (target[path[i]!] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]!] = row[key];
  }
  return out as R;
}
