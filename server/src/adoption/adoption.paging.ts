import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { decodeCursor, pageSize, toPage, type Page } from '../pagination.js';

/**
 * Connections hanging off a parent (a municipality's adoptions, a solution's adoptions, a
 * standard's compliance declarations), batched: one SQL statement pages the children of every
 * parent in the batch, with `row_number() OVER (PARTITION BY parent)` for the page and a
 * `count(*) ... GROUP BY parent` for `totalCount`. Shared by the adoption and standard loaders;
 * a candidate for server/src/pagination.ts.
 */
export interface ChildPageKey<F> {
  parentId: number;
  first: number;
  /** The decoded cursor: the sort key of the last row seen. */
  after: (string | number)[] | null;
  filter: F;
}

/** Validates `first` and `after` in the resolver, so a bad argument fails that field only. */
export function childPageArgs(
  first: number | null | undefined,
  after: string | null | undefined,
  shape: readonly ('string' | 'number')[],
) {
  return { first: pageSize(first), after: decodeCursor(after, shape) };
}

export interface ChildPageSpec<R, F, T> {
  /** FROM clause with joins, e.g. `adoption a JOIN municipality m ON ...`. */
  from: string;
  /**
   * Select list; must produce every `order` column by name. The page travels as one JSON value
   * per parent (cheaper for Node than typed rows): keep numeric columns as text, and name the
   * timestamptz columns in `timestamps`.
   */
  columns: string;
  /** Output columns of type timestamptz, turned back into Dates. */
  timestamps?: (keyof R & string)[];
  /** Select-list additions for the page's rows only (given the row alias), e.g. joined rows as JSON. */
  joined?: (row: string) => string;
  /** The parent's id column, e.g. `a.solution_id`. */
  parentColumn: string;
  /** Output column names to sort by, ascending; together unique per parent. */
  order: (keyof R & string)[];
  /** Extra conditions for the filter, using `param` for every value. */
  where: (filter: F, param: (v: unknown) => string) => string[];
  node: (row: R) => T;
}

interface PageRow<R> {
  owner_key: number;
  total_count: number;
  page: R[] | null;
}

export function childPageLoader<R, F, T>(pool: Pool, spec: ChildPageSpec<R, F, T>) {
  const cacheKey = (k: ChildPageKey<F>) => JSON.stringify([k.parentId, k.first, k.after, k.filter]);
  const timestamps = spec.timestamps ?? [];
  const joined = (row: string) => (spec.joined ? `, ${spec.joined(row)}` : '');
  const revive = (row: R): R => {
    const r = row as Record<string, unknown>;
    for (const c of timestamps) if (typeof r[c] === 'string') r[c] = new Date(r[c]);
    return row;
  };
  return new DataLoader<ChildPageKey<F>, Page<T>, string>(
    async (keys) => {
      // Keys with the same arguments (normally all of them) share one statement.
      const groups = new Map<string, ChildPageKey<F>[]>();
      for (const k of keys) {
        const g = JSON.stringify([k.first, k.after, k.filter]);
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const pages = new Map<string, Page<T>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { first, after, filter } = group[0]!;
          const params: unknown[] = [group.map((k) => k.parentId)];
          const param = (v: unknown) => {
            params.push(v);
            return `$${params.length}`;
          };
          const where = [`${spec.parentColumn} = ANY($1::int[])`, ...spec.where(filter, param)];
          const orderCols = spec.order.map((c) => `b.${c}`).join(', ');
          const afterCond = after ? `WHERE (${orderCols}) > (${after.map((v) => param(v)).join(', ')})` : '';
          const { rows } = await pool.query<PageRow<R>>(
            `WITH b AS (SELECT ${spec.columns}, ${spec.parentColumn} AS parent_key FROM ${spec.from} WHERE ${where.join(' AND ')}),
                  totals AS (SELECT parent_key, count(*)::int AS total_count FROM b GROUP BY parent_key),
                  ranked AS (SELECT b.*, row_number() OVER (PARTITION BY b.parent_key ORDER BY ${orderCols}) AS rn FROM b ${afterCond})
             SELECT t.parent_key AS owner_key, t.total_count, p.page
               FROM totals t
               LEFT JOIN (SELECT r.parent_key, json_agg(r ORDER BY r.rn) AS page
                            FROM (SELECT q.*${joined('q')} FROM ranked q WHERE q.rn <= ${param(first + 1)}) r
                           GROUP BY r.parent_key) p
                 ON p.parent_key = t.parent_key`,
            params,
          );
          const byParent = new Map(rows.map((r) => [r.owner_key, r]));
          for (const k of group) {
            const entry = byParent.get(k.parentId);
            const page = toPage(
              (entry?.page ?? []).map(revive),
              first,
              entry?.total_count ?? 0,
              after !== null,
              (r) => spec.order.map((c) => r[c] as string | number),
              spec.node,
            );
            pages.set(cacheKey(k), page);
          }
        }),
      );
      return keys.map((k) => pages.get(cacheKey(k))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

export interface ListSpec<R, T> {
  /** FROM clause with joins. */
  from: string;
  /** Select list; must produce every `order` column by name. */
  columns: string;
  /** Conditions (already using `params` placeholders). */
  where: string[];
  params: unknown[];
  /** Output column names to sort by; together unique. Non-null columns only. */
  order: { column: keyof R & string; desc?: boolean }[];
  first: number;
  /** Raw `after` argument; decoded against the order columns' types. */
  after: string | null | undefined;
  cursorShape: readonly ('string' | 'number')[];
  /** Select-list additions for the page's rows only (given the row alias), e.g. joined rows as JSON. */
  joined?: (row: string) => string;
  node: (row: R) => T;
}

/**
 * A page of a top-level list and the total under the same filter, in one statement. Native
 * column types survive (no JSON round trip), and the total is there even past the last page.
 */
export async function listPage<R, T>(pool: Pool, spec: ListSpec<R, T>): Promise<Page<T>> {
  const params = [...spec.params];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const cursor = decodeCursor(spec.after, spec.cursorShape);
  let afterCond = '';
  if (cursor) {
    // Keyset condition for a mixed-direction order: (a > x) OR (a = x AND b > y) ...
    const values = cursor.map((v) => param(v));
    const alternatives = spec.order.map((o, i) => {
      const equal = spec.order.slice(0, i).map((p, j) => `f.${p.column} = ${values[j]}`);
      return [...equal, `f.${o.column} ${o.desc ? '<' : '>'} ${values[i]}`].join(' AND ');
    });
    afterCond = `WHERE (${alternatives.map((a) => `(${a})`).join(' OR ')})`;
  }
  const orderBy = (alias: string) => spec.order.map((o) => `${alias}.${o.column}${o.desc ? ' DESC' : ''}`).join(', ');
  const where = spec.where.length ? `WHERE ${spec.where.join(' AND ')}` : '';
  const { rows } = await pool.query<R & { total_count: number }>(
    // NOT MATERIALIZED: the count reads only what it needs, and the page sorts the filtered rows
    // without first writing all their columns to a work table.
    `WITH f AS NOT MATERIALIZED (SELECT ${spec.columns} FROM ${spec.from} ${where})
     SELECT t.total_count, p.*
       FROM (SELECT count(*)::int AS total_count FROM f) t
       LEFT JOIN LATERAL (SELECT q.*${spec.joined ? `, ${spec.joined('q')}` : ''}
                            FROM (SELECT * FROM f ${afterCond} ORDER BY ${orderBy('f')} LIMIT ${param(spec.first + 1)}) q) p ON true
      ORDER BY ${orderBy('p')}`,
    params,
  );
  const total = rows[0]?.total_count ?? 0;
  const first = spec.order[0]!.column;
  const pageRows = rows.filter((r) => r[first] !== null);
  return toPage(
    pageRows,
    spec.first,
    total,
    cursor !== null,
    (r) => spec.order.map((o) => r[o.column] as string | number),
    spec.node,
  );
}

/** A LIKE pattern for "contains", case-insensitive (compare against lower(...)). */
export function containsPattern(text: string): string {
  return `%${text
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
