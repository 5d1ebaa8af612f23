import type { Pool } from 'pg';
import { AdoptionStatus } from '../adoption/adoption.types.js';
import { badInput } from '../errors.js';
import { todayInNL } from '../scalars.js';

/** The solutions a figure is about: `ids` null means every solution. */
export interface SolutionSelection {
  ids: number[] | null;
  /** Normalised slugs in the caller's order, duplicates dropped; null for every solution. */
  slugs: string[] | null;
}

/**
 * Resolves slugs to solution ids in one statement. Null/undefined selects every solution; an
 * empty list or an unknown slug is refused, naming the culprit.
 */
export async function resolveSolutions(
  pool: Pool,
  slugs: readonly string[] | null | undefined,
  field: string,
  limits: { min?: number; max?: number } = {},
): Promise<SolutionSelection> {
  if (slugs === null || slugs === undefined) {
    if (limits.min) throw badInput(`${field} is required`, field);
    return { ids: null, slugs: null };
  }
  const wanted = [...new Set(slugs.map((s) => s.trim().toLowerCase()))];
  const min = limits.min ?? 1;
  if (wanted.length < min)
    throw badInput(`${field} must name at least ${min} solution(s); omit it for all solutions`, field);
  if (limits.max !== undefined && wanted.length > limits.max) {
    throw badInput(`${field} may name at most ${limits.max} solutions, got ${wanted.length}`, field);
  }
  const { rows } = await pool.query<{ id: number; slug: string }>(
    `SELECT id, slug FROM solution WHERE slug = ANY($1::text[])`,
    [wanted],
  );
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const unknown = wanted.filter((s) => !bySlug.has(s));
  if (unknown.length > 0) throw badInput(`unknown solution slug(s): ${unknown.join(', ')}`, field);
  return { ids: wanted.map((s) => bySlug.get(s)!), slugs: wanted };
}

/** Statuses that count as "adopting"; LIVE unless the caller says otherwise. */
export function statusesOrDefault(statuses: readonly AdoptionStatus[] | null | undefined): AdoptionStatus[] {
  if (statuses === null || statuses === undefined) return [AdoptionStatus.LIVE];
  const unique = [...new Set(statuses)];
  if (unique.length === 0) throw badInput('statuses must name at least one status; omit it for LIVE', 'statuses');
  return unique;
}

export const asOfOrToday = (asOf: string | null | undefined): string => asOf ?? todayInNL();
