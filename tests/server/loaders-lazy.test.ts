import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { geographyLoaders } from '../../server/src/geography/geography.loaders.js';
import { createLoaders } from '../../server/src/loaders.js';
import { uptakeLoaders } from '../../server/src/uptake/uptake.loaders.js';

/** createLoaders makes each family on first use; the loaders stay per request. (No query runs here.) */
describe('per-request loaders', () => {
  const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
  const lookups = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
  afterAll(async () => {
    await pool.end();
    await lookups.end();
  });

  it('offers every loader of every family, each a DataLoader', () => {
    const loaders = createLoaders(pool, lookups) as unknown as Record<string, { load?: unknown; loadMany?: unknown }>;
    const names = [...Object.keys(geographyLoaders(lookups)), ...Object.keys(uptakeLoaders(pool, lookups))];
    expect(names.length).toBeGreaterThan(4);
    for (const name of names) {
      expect(typeof loaders[name]?.load, name).toBe('function');
      expect(typeof loaders[name]?.loadMany, name).toBe('function');
    }
  });

  it('gives the same loader within a request and fresh ones to the next request', async () => {
    const first = createLoaders(pool, lookups);
    const second = createLoaders(pool, lookups);
    expect(first.municipalityById).toBe(first.municipalityById);
    expect(first.provinceById).toBe(first.provinceById);
    expect(second.municipalityById).not.toBe(first.municipalityById);
    // A loader's cache is the request's own: what one request primed, the next must read (and
    // here fails to, as this pool reaches no database).
    first.municipalityById.prime(1, null);
    expect(await first.municipalityById.load(1)).toBeNull();
    await expect(second.municipalityById.load(1)).rejects.toThrow();
  });

  it('keeps loaders of other pools apart', () => {
    const other = createLoaders(lookups, pool);
    expect(other.municipalityById).not.toBe(createLoaders(pool, lookups).municipalityById);
  });
});
