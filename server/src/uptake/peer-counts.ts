import type { Pool } from 'pg';
import { DataVersionReader } from '../performance/response-cache.js';
import { liveCountCtes } from './profile.service.js';
import type { PeerRowData } from './profile.rows.js';
import { validCte } from './uptake.sql.js';

/**
 * Every municipality that existed on $1 with its province and LIVE count on $1, and the data
 * version its snapshot holds (one statement: the version and the counts are of the same commit).
 * With no municipality, one row with only the version.
 */
const COUNTRY_SQL = `
  WITH ${validCte('$1::date')},
  ${liveCountCtes('$1::date')}
  SELECT dv.version::text AS version, c.id, c.size_class, c.live_count, pr.id AS province_id,
         pr.code AS province_code, pr.name AS province_name
  FROM atlas_meta.data_version dv
  LEFT JOIN (counts c JOIN province pr ON pr.id = c.province_id) ON true
  WHERE dv.id = 1`;

interface CountryRow {
  version: string;
  id: number | null;
  size_class: string | null;
  live_count: number;
  province_id: number;
  province_code: string;
  province_name: string;
}

/** LIVE counts of a peer group, ascending, and their sum. */
interface Group {
  counts: number[];
  sum: number;
}

/** The country's LIVE counts on one date, as of one data version. */
interface Country {
  version: bigint;
  byId: Map<number, CountryRow>;
  byProvince: Map<number, Group>;
  bySize: Map<string, Group>;
}

function country(rows: CountryRow[]): Country {
  if (!rows[0]) throw new Error('atlas_meta.data_version has no row');
  const byId = new Map<number, CountryRow>();
  const byProvince = new Map<number, Group>();
  const bySize = new Map<string, Group>();
  const add = <K>(groups: Map<K, Group>, key: K, n: number) => {
    const g = groups.get(key) ?? { counts: [], sum: 0 };
    g.counts.push(n);
    g.sum += n;
    groups.set(key, g);
  };
  for (const r of rows) {
    if (r.id === null) continue;
    byId.set(r.id, r);
    add(byProvince, r.province_id, r.live_count);
    if (r.size_class !== null) add(bySize, r.size_class, r.live_count);
  }
  for (const g of [...byProvince.values(), ...bySize.values()]) g.counts.sort((a, b) => a - b);
  return { version: BigInt(rows[0].version), byId, byProvince, bySize };
}

/** Count, average and median (percentile_cont(0.5), as in SQL) of a group without one member's count. */
function without(group: Group | undefined, own: number): { n: number; avg: number | null; median: number | null } {
  const n = (group?.counts.length ?? 1) - 1;
  if (!group || n === 0) return { n: 0, avg: null, median: null };
  const { counts } = group;
  // Drop one occurrence of `own` (the first: any equal one leaves the same list).
  let lo = 0;
  for (let hi = counts.length; lo < hi;) {
    const mid = (lo + hi) >>> 1;
    if (counts[mid]! < own) lo = mid + 1;
    else hi = mid;
  }
  const k = lo;
  const at = (i: number) => counts[i < k ? i : i + 1]!;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { n, avg: (group.sum - own) / n, median };
}

function peerRow(c: Country, id: number): PeerRowData | null {
  const me = c.byId.get(id);
  if (!me) return null;
  const province = without(c.byProvince.get(me.province_id), me.live_count);
  const size = me.size_class === null ? without(undefined, 0) : without(c.bySize.get(me.size_class), me.live_count);
  return {
    municipality_id: id,
    live_count: me.live_count,
    province_code: me.province_code,
    province_name: me.province_name,
    size_class: me.size_class,
    province_peers: province.n,
    province_avg: province.avg,
    province_median: province.median,
    size_peers: size.n,
    size_avg: size.avg,
    size_median: size.median,
    solutions: [],
  };
}

/**
 * The peer comparison's counts (no per-solution lines) for today and later, from the whole
 * country's LIVE counts held in memory: every profile of a date shares one read, made again after
 * any write. Strict like the response cache: each call first gets the data version (a read that
 * started after the call), and uses counts only of that version or newer; so a write committed
 * before a call, through any instance or outside the API, is always in its answer.
 *
 * It answers what `ProfileService.peers(asOf, ids, false)` answers (tests/server/peer-counts.test.ts):
 * on the 10× data that statement took ~2.5 ms of PostgreSQL per profile (7 ms under load: 75% of
 * a profile's database time); the country's counts take one such read per write and date.
 */
export class PeerCounts {
  /** The latest read per date (most recently started last), at most `maxDates`. */
  private readonly byDate = new Map<string, Promise<Country>>();

  constructor(
    private readonly pool: Pool,
    private readonly versions: DataVersionReader = new DataVersionReader(pool, null),
    private readonly maxDates = 4,
  ) {}

  /** Per id that existed on `asOf` (today or later), its row; ids that did not exist are left out. */
  async peers(asOf: string, ids: readonly number[]): Promise<PeerRowData[]> {
    const c = await this.country(asOf);
    return ids.flatMap((id) => peerRow(c, id) ?? []);
  }

  private async country(asOf: string): Promise<Country> {
    const wanted = BigInt(await this.versions.read());
    // The held read, or one that another call started meanwhile, when it is of `wanted` or newer.
    for (let tries = 0; tries < 2; tries++) {
      const held = this.byDate.get(asOf);
      if (!held) break;
      const c = await held.catch(() => null);
      if (c && c.version >= wanted) return c;
      if (this.byDate.get(asOf) === held) break;
    }
    // Started after `wanted` was read: its snapshot holds that version or a newer one.
    const read = this.pool.query<CountryRow>(COUNTRY_SQL, [asOf]).then((r) => country(r.rows));
    this.byDate.delete(asOf);
    this.byDate.set(asOf, read);
    if (this.byDate.size > this.maxDates) this.byDate.delete(this.byDate.keys().next().value!);
    read.catch(() => {
      if (this.byDate.get(asOf) === read) this.byDate.delete(asOf);
    });
    return read;
  }
}

/** One per pool (so per server instance): the loaders of every request share it. */
const byPool = new WeakMap<Pool, PeerCounts>();
export function peerCountsOf(pool: Pool): PeerCounts {
  let p = byPool.get(pool);
  if (!p) byPool.set(pool, (p = new PeerCounts(pool)));
  return p;
}
