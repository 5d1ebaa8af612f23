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

/** Every column, in order, each once. */
export function allColumns(c: FieldColumns): string {
  return [...new Set([...c.always, ...Object.values(c.byField).flat()])].join(', ');
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
