import pg, { type Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayInNL } from '../../server/src/scalars.js';
import { PeerCounts } from '../../server/src/uptake/peer-counts.js';
import type { PeerRowData } from '../../server/src/uptake/profile.rows.js';
import { ProfileService } from '../../server/src/uptake/profile.service.js';
import { openApi, type ApiHarness } from './api-fixtures.js';

/** The statement that reads the country's counts (PeerCounts' only one besides the version). */
const isCountryRead = (sql: unknown) => typeof sql === 'string' && sql.includes('FROM atlas_meta.data_version dv');

const byId = (rows: PeerRowData[]) => new Map(rows.map((r) => [r.municipality_id, r]));

describe('PeerCounts: the peer counts from today on, held per data version', () => {
  let api: ApiHarness;
  /** Another connection pool on the same database: a second instance, or a writer outside the API. */
  let other: Pool;
  let ids: number[];
  const today = todayInNL();

  beforeAll(async () => {
    api = await openApi('demo', false);
    other = new pg.Pool({ connectionString: api.db.url, max: 2 });
    ids = (await api.pool.query<{ id: number }>(`SELECT id FROM municipality ORDER BY id`)).rows.map((r) => r.id);
  });
  afterAll(async () => {
    await other?.end();
    await api?.db.drop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers what the SQL statement answers, for every municipality, today and on a later date', async () => {
    const later = new Date(Date.parse(`${today}T00:00:00Z`) + 400 * 86_400_000).toISOString().slice(0, 10);
    for (const asOf of [today, later]) {
      const expected = await new ProfileService(api.pool).peers(asOf, ids, false);
      const got = await new PeerCounts(api.pool).peers(asOf, ids);
      // Merged municipalities did not exist then: both leave them out.
      expect(expected.length).toBeGreaterThan(300);
      expect(expected.length).toBeLessThan(ids.length);
      expect(got.map((r) => r.municipality_id).sort((a, b) => a - b)).toEqual(
        expected.map((r) => r.municipality_id).sort((a, b) => a - b),
      );
      const mine = byId(got);
      for (const e of expected) {
        const g = mine.get(e.municipality_id)!;
        const { province_avg, size_avg, ...exact } = e;
        expect({ ...g, province_avg: undefined, size_avg: undefined }, `${asOf} ${e.municipality_id}`).toEqual({
          ...exact,
          province_avg: undefined,
          size_avg: undefined,
        });
        for (const [x, y] of [
          [g.province_avg, province_avg],
          [g.size_avg, size_avg],
        ]) {
          if (y === null) expect(x).toBeNull();
          else expect(x).toBeCloseTo(y!, 12);
        }
      }
      expect(got.some((r) => r.size_median !== null && r.live_count > 0)).toBe(true);
    }
  });

  /** A municipality that exists today with an adoption that is not LIVE, and one province peer of it. */
  async function subject(): Promise<{ id: number; peer: number; adoption: number; status: string }> {
    const { rows } = await api.pool.query<{ id: number; peer: number; adoption: number; status: string }>(
      `SELECT m.id, (SELECT p.id FROM municipality p WHERE p.province_id = m.province_id AND p.id <> m.id AND p.valid_to IS NULL
                     ORDER BY p.id LIMIT 1) AS peer,
              a.id AS adoption, a.status
       FROM municipality m JOIN adoption a ON a.municipality_id = m.id
       WHERE m.valid_to IS NULL AND a.status <> 'LIVE' AND a.status_since <= $1::date
       ORDER BY m.id, a.id LIMIT 1`,
      [today],
    );
    return rows[0]!;
  }
  /** A change of the projection only (its kept counts follow by trigger): what the peer counts read. */
  const setStatus = (pool: Pool, adoption: number, status: string) =>
    pool.query(`UPDATE adoption SET status = $2 WHERE id = $1`, [adoption, status]);

  it('a write committed before a call is in its answer, from any connection; calls of one version share one read', async () => {
    const s = await subject();
    const query = vi.spyOn(api.pool, 'query');
    const countryReads = () => query.mock.calls.filter(([sql]) => isCountryRead(sql)).length;
    const memo = new PeerCounts(api.pool);

    const before = byId(await memo.peers(today, [s.id, s.peer]));
    await Promise.all(Array.from({ length: 10 }, () => memo.peers(today, [s.id])));
    expect(countryReads()).toBe(1);

    try {
      await setStatus(other, s.adoption, 'LIVE');
      const after = byId(await memo.peers(today, [s.id, s.peer]));
      expect(after.get(s.id)!.live_count).toBe(before.get(s.id)!.live_count + 1);
      // The peer's province average counts the subject's extra LIVE solution too.
      const peers = after.get(s.peer)!.province_peers;
      expect(after.get(s.peer)!.province_avg).toBeCloseTo(before.get(s.peer)!.province_avg! + 1 / peers, 12);
      expect(countryReads()).toBe(2);

      // Concurrent calls after a write: one read between them, and all see the write.
      await setStatus(other, s.adoption, s.status);
      const answers = await Promise.all(Array.from({ length: 10 }, () => memo.peers(today, [s.id])));
      for (const [row] of answers) expect(row!.live_count).toBe(before.get(s.id)!.live_count);
      expect(countryReads()).toBe(3);
    } finally {
      await setStatus(other, s.adoption, s.status);
    }
  });

  it('a call never takes a read that started before a write it should see', async () => {
    const s = await subject();
    const memo = new PeerCounts(api.pool);
    const base = (await memo.peers(today, [s.id]))[0]!.live_count;
    // The next country read is held back after its statement ran (its snapshot predates the write).
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const original = api.pool.query.bind(api.pool) as (...args: unknown[]) => Promise<unknown>;
    let held = false;
    vi.spyOn(api.pool, 'query').mockImplementation(((...args: unknown[]) => {
      const result = original(...args);
      if (held || !isCountryRead(args[0])) return result;
      held = true;
      return result.then(async (r) => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 300));
        return r;
      });
    }) as never);

    try {
      await setStatus(other, s.adoption, 'RETIRED'); // a write, so the held counts are stale
      const first = memo.peers(today, [s.id]);
      await running;
      await setStatus(other, s.adoption, 'LIVE');
      const second = await memo.peers(today, [s.id]);
      expect(second[0]!.live_count).toBe(base + 1);
      // The first call began before that write: an answer without it is right for it.
      expect((await first)[0]!.live_count).toBe(base);
    } finally {
      await setStatus(other, s.adoption, s.status);
    }
  });

  it('a municipality that did not exist on the date has no row; a failed read is not kept', async () => {
    const { rows } = await api.pool.query<{ id: number }>(
      `SELECT id FROM municipality WHERE valid_to IS NOT NULL LIMIT 1`,
    );
    const memo = new PeerCounts(api.pool);
    expect(await memo.peers(today, [rows[0]!.id])).toEqual([]);

    const failing = new PeerCounts(api.pool);
    const original = api.pool.query.bind(api.pool) as (...args: unknown[]) => Promise<unknown>;
    const spy = vi
      .spyOn(api.pool, 'query')
      .mockImplementation(((...args: unknown[]) =>
        isCountryRead(args[0]) ? Promise.reject(new Error('connection lost')) : original(...args)) as never);
    await expect(failing.peers(today, [ids[0]!])).rejects.toThrow('connection lost');
    spy.mockRestore();
    expect((await failing.peers(today, ids)).length).toBeGreaterThan(300);
  });
});
