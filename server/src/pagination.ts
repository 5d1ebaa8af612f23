import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';

/** Lists never return more than this many nodes per page. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

@ObjectType({ description: 'Where a page of a connection sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when a next page exists (pass `endCursor` as `after`).' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'True when this page does not start at the beginning of the list.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null when empty.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page; null when empty.' })
  endCursor: string | null;
}

export interface Page<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
}

/** Builds the Edge and Connection object types for a node type (Relay cursor connections). */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a ${name}Connection, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` to continue after it.' })
    cursor: string;

    @Field(() => node, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class Connection {
    @Field(() => Int, { description: 'Number of nodes in the whole list (all pages), under the same filter.' })
    totalCount: number;

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo: PageInfo;

    @Field(() => [Edge], { description: 'The nodes of this page, in the stable order of the list.' })
    edges: Edge[];
  }
  return { Edge, Connection };
}

/** Validates `first`; the API refuses rather than silently truncating. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return first;
}

/** A cursor is the sort key of the row it points at, base64url-encoded JSON. Opaque to callers. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | null | undefined,
  shape: readonly ('string' | 'number')[],
): (string | number)[] | null {
  if (cursor === null || cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) {
    throw badInput('after is not a cursor of this list; use a cursor returned by the same field', 'after');
  }
  return key as (string | number)[];
}

/**
 * An edge whose cursor is encoded when read: most queries ask for pageInfo's only (a 100-edge page
 * spent ~2% of its time encoding cursors nobody read). The getter is on the class, not in an
 * object literal: V8 keeps a literal's getter pair in the old generation, so until the next full
 * GC it held each edge's closure, and the request's rows, through every young-generation GC (10×
 * profile query: ~3.5 MB promoted per scavenge; tests/server/per-request-accessors.test.ts).
 */
class LazyEdge<R, T> {
  constructor(
    readonly node: T,
    private readonly row: R,
    private readonly key: (row: R) => (string | number)[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.key(this.row));
  }
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says a next page exists. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  totalCount: number,
  hasPrevious: boolean,
  key: (row: R) => (string | number)[],
  node: (row: R) => T,
): Page<T> {
  const pageRows = rows.slice(0, limit);
  const edges = pageRows.map((r) => new LazyEdge(node(r), r, key));
  return {
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: pageRows.length ? encodeCursor(key(pageRows[0]!)) : null,
      endCursor: pageRows.length ? encodeCursor(key(pageRows.at(-1)!)) : null,
    },
    edges,
  };
}
