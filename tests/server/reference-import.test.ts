import { createHash } from 'node:crypto';
import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { inheritAdoptions } from '../../server/src/adoption/inheritance.js';
import { importReferenceData, ReferenceDataError } from '../../server/src/reference/import.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** A minimal solution row (no organisation or initiative needed). */
async function insertSolution(ds: DataSource, slug: string): Promise<number> {
  const [row] = await ds.query(
    `INSERT INTO solution (slug, name, description, kind, lifecycle) VALUES ($1, $1, 'test', 'SOFTWARE', 'AVAILABLE') RETURNING id`,
    [slug],
  );
  return row.id;
}

describe('inheritAdoptions', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    db = await createTestDatabase('schema');
    ds = await db.dataSource();
    await ds.query(`INSERT INTO province (code, name) VALUES ('PV30', 'Noord-Brabant')`);
    const rows: { id: number; code: string }[] = await ds.query(`
      INSERT INTO municipality (code, name, province_id, tooi_uri, valid_from, valid_to)
      SELECT code, name, (SELECT id FROM province), 'x:' || code, NULL, vt::date
      FROM (VALUES ('GM0788', 'Haaren', '2020-12-31'), ('GM0757', 'Boxtel', NULL), ('GM0855', 'Tilburg', NULL),
                   ('GM0865', 'Vught', NULL), ('GM1959', 'Oisterwijk', NULL),
                   ('GM0001', 'Oud', '2018-12-31'), ('GM0002', 'Verder', NULL)) AS t(code, name, vt)
      RETURNING id, code`);
    for (const r of rows) id[r.code] = r.id;
    await ds.query(
      `
      INSERT INTO municipality_succession (predecessor_id, successor_id, effective_date, kind, successor_is_new)
      SELECT $1, s, '2021-01-01', 'SPLIT', false FROM unnest($2::int[]) AS s`,
      [id.GM0788, [id.GM0757, id.GM0855, id.GM0865, id.GM1959]],
    );
    await ds.query(
      `
      INSERT INTO municipality_succession (predecessor_id, successor_id, effective_date, kind, successor_is_new)
      VALUES ($1, $2, '2019-01-01', 'ABSORPTION', false)`,
      [id.GM0001, id.GM0002],
    );
  });
  afterAll(async () => db?.drop());

  it('gives every successor of a split the predecessor status, once', async () => {
    const sol = await insertSolution(ds, 'split-test');
    await ds.query(
      `INSERT INTO adoption_event (municipality_id, solution_id, status, mode, effective_date, provenance, is_demo)
       VALUES ($1, $2, 'PLANNED', NULL, '2019-03-01', 'SELF_DECLARED', true),
              ($1, $2, 'LIVE', 'SAAS', '2020-06-01', 'SELF_DECLARED', true)`,
      [id.GM0788, sol],
    );
    const first = await inheritAdoptions(ds);
    expect(first.events).toBe(4);
    const events = await ds.query(
      `SELECT municipality_id, status, mode, effective_date, provenance, inherited_from_municipality_id, is_demo, notes
       FROM adoption_event WHERE solution_id = $1 AND provenance = 'INHERITED' ORDER BY municipality_id`,
      [sol],
    );
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e).toMatchObject({
        status: 'LIVE',
        mode: 'SAAS',
        effective_date: '2021-01-01',
        inherited_from_municipality_id: id.GM0788,
        is_demo: true,
      });
      expect(e.notes).toBe('Overgenomen van Haaren bij herindeling per 2021-01-01');
    }
    const projections = await ds.query(
      `SELECT municipality_id, status, status_since, needs_review, provenance FROM adoption WHERE solution_id = $1 ORDER BY municipality_id`,
      [sol],
    );
    expect(projections).toHaveLength(5);
    const haaren = projections.find((p: { municipality_id: number }) => p.municipality_id === id.GM0788);
    expect(haaren).toMatchObject({
      status: 'LIVE',
      status_since: '2020-06-01',
      needs_review: false,
      provenance: 'SELF_DECLARED',
    });
    expect(projections.filter((p: { needs_review: boolean }) => p.needs_review)).toHaveLength(4);

    const second = await inheritAdoptions(ds);
    expect(second).toEqual({ events: 0, adoptions: 0 });
  });

  it('adds nothing when the successor is already further along', async () => {
    const sol = await insertSolution(ds, 'ahead-test');
    await ds.query(
      `INSERT INTO adoption_event (municipality_id, solution_id, status, effective_date, provenance)
       VALUES ($1, $3, 'PLANNED', '2018-03-01', 'SELF_DECLARED'), ($2, $3, 'LIVE', '2018-05-01', 'SELF_DECLARED')`,
      [id.GM0001, id.GM0002, sol],
    );
    const result = await inheritAdoptions(ds);
    expect(result.events).toBe(0);
    expect(result.adoptions).toBe(1); // the predecessor's own projection is created, not flagged
    const rows = await ds.query(`SELECT count(*)::int AS n FROM adoption_event WHERE solution_id = $1`, [sol]);
    expect(rows[0].n).toBe(2);
    const flagged = await ds.query(`SELECT count(*)::int AS n FROM adoption WHERE solution_id = $1 AND needs_review`, [
      sol,
    ]);
    expect(flagged[0].n).toBe(0);
  });
});

const DATA_TABLES = [
  'province',
  'municipality',
  'municipality_succession',
  'region',
  'region_membership',
  'boundary_set',
  'reference_import',
  'adoption_event',
  'adoption',
] as const;

/** Row count and a checksum of every row of each table, to prove a run changed nothing. */
async function fingerprint(ds: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of DATA_TABLES) {
    const [row] = await ds.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    result[table] = `${row.n}:${row.h}`;
  }
  return result;
}

const one = async (ds: DataSource, sql: string, params: unknown[] = []) => (await ds.query(sql, params))[0];
const count = async (ds: DataSource, sql: string, params: unknown[] = []) => Number((await one(ds, sql, params)).n);

/** A copy of the reference data that a test may break. */
async function copyOfData(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'atlas-refdata-'));
  await cp(inject('referenceDataDir'), dir, { recursive: true });
  for (const f of await readdir(dir)) await chmod(path.join(dir, f), 0o644);
  return dir;
}

describe('reference data import', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('reference');
    ds = await db.dataSource();
  });
  afterAll(async () => db?.drop());

  const validOn = (date: string) =>
    count(
      ds,
      `SELECT count(*) AS n FROM municipality WHERE (valid_from IS NULL OR valid_from <= $1) AND (valid_to IS NULL OR valid_to >= $1)`,
      [date],
    );

  it('holds the 342 current municipalities in 12 provinces, with their population', async () => {
    expect(await validOn('2025-01-01')).toBe(342);
    expect(await count(ds, `SELECT count(*) AS n FROM province`)).toBe(12);
    const perProvince = await ds.query(`
      SELECT p.name, count(*)::int AS n FROM municipality m JOIN province p ON p.id = m.province_id
      WHERE m.valid_to IS NULL GROUP BY p.name`);
    expect(Object.fromEntries(perProvince.map((r: { name: string; n: number }) => [r.name, r.n]))).toEqual({
      Groningen: 10,
      Fryslân: 18,
      Drenthe: 12,
      Overijssel: 25,
      Flevoland: 6,
      Gelderland: 51,
      Utrecht: 26,
      'Noord-Holland': 44,
      'Zuid-Holland': 50,
      Zeeland: 13,
      'Noord-Brabant': 56,
      Limburg: 31,
    });
    expect(
      await one(
        ds,
        `SELECT sum(population)::int AS total, count(population)::int AS n FROM municipality WHERE valid_to IS NULL`,
      ),
    ).toEqual({ total: 17_942_942, n: 342 });
    expect(
      await one(
        ds,
        `SELECT name, official_name, tooi_uri, population_date, valid_from, valid_to FROM municipality WHERE code = 'GM0518'`,
      ),
    ).toEqual({
      name: "'s-Gravenhage",
      official_name: "'s-Gravenhage",
      tooi_uri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0518',
      population_date: '2024-01-01',
      valid_from: null,
      valid_to: null,
    });
    expect(await one(ds, `SELECT valid_from, valid_to FROM municipality WHERE code = 'GM1966'`)).toEqual({
      valid_from: '2019-01-01',
      valid_to: null,
    });
    expect(await one(ds, `SELECT name, tooi_uri FROM province WHERE code = 'PV21'`)).toEqual({
      name: 'Fryslân',
      tooi_uri: 'https://identifier.overheid.nl/tooi/id/provincie/pv21',
    });
  });

  it('holds every municipality since 2017, each on its own dates', async () => {
    expect(await validOn('2017-01-01')).toBe(388);
    expect(await validOn('2018-01-01')).toBe(380);
    expect(await validOn('2019-01-01')).toBe(355);
    expect(await validOn('2021-01-01')).toBe(352);
    expect(await validOn('2022-01-01')).toBe(345);
    expect(await validOn('2022-03-24')).toBe(344);
    expect(await one(ds, `SELECT name, valid_to, tooi_uri FROM municipality WHERE code = 'GM0457'`)).toEqual({
      name: 'Weesp',
      valid_to: '2022-03-23',
      tooi_uri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0457',
    });
  });

  const successorsOf = (code: string) =>
    ds.query(
      `SELECT s.code, ms.effective_date, ms.kind, ms.successor_is_new, ms.area_share::float AS area_share
       FROM municipality_succession ms JOIN municipality p ON p.id = ms.predecessor_id JOIN municipality s ON s.id = ms.successor_id
       WHERE p.code = $1 ORDER BY s.code`,
      [code],
    );

  it('links predecessors to successors, splits included', async () => {
    const haaren = await successorsOf('GM0788');
    expect(haaren.map((r: { code: string }) => r.code)).toEqual(['GM0757', 'GM0824', 'GM0855', 'GM0865']);
    for (const r of haaren)
      expect(r).toMatchObject({ effective_date: '2021-01-01', kind: 'SPLIT', successor_is_new: false });
    expect(haaren.find((r: { code: string }) => r.code === 'GM0865').area_share).toBe(0.45);
    expect(await successorsOf('GM0457')).toEqual([
      {
        code: 'GM0363',
        effective_date: '2022-03-24',
        kind: 'ABSORPTION',
        successor_is_new: false,
        area_share: expect.any(Number),
      },
    ]);
    expect((await successorsOf('GM0140')).map((r: { code: string; kind: string }) => `${r.code} ${r.kind}`)).toEqual([
      'GM0080 SPLIT',
      'GM1900 SPLIT',
      'GM1949 SPLIT',
    ]);
    expect((await successorsOf('GM0053')).map((r: { code: string }) => r.code)).toEqual(['GM1966', 'GM1969']);
    expect((await successorsOf('GM0007'))[0]).toMatchObject({ code: 'GM1950', kind: 'MERGER', successor_is_new: true });
    // 68 TOOI rows from 2018 on, plus Littenseradiel → Waadhoeke
    expect(await count(ds, `SELECT count(*) AS n FROM municipality_succession`)).toBe(69);
    expect(
      await count(ds, `SELECT count(*) AS n FROM municipality_succession WHERE effective_date < '2018-01-01'`),
    ).toBe(0);
  });

  it('puts every current municipality in exactly one region of each kind', async () => {
    const regions = await ds.query(`SELECT kind, count(*)::int AS n FROM region GROUP BY kind ORDER BY kind`);
    expect(regions).toEqual([
      { kind: 'COROP', n: 40 },
      { kind: 'GGD_REGION', n: 25 },
      { kind: 'LABOUR_MARKET_REGION', n: 35 },
      { kind: 'PROVINCE', n: 12 },
      { kind: 'SAFETY_REGION', n: 25 },
    ]);
    const perKind = await ds.query(`
      SELECT r.kind, count(DISTINCT rm.municipality_id)::int AS municipalities, count(*)::int AS memberships,
             bool_and(m.valid_to IS NULL) AS all_current
      FROM region_membership rm JOIN region r ON r.id = rm.region_id JOIN municipality m ON m.id = rm.municipality_id
      GROUP BY r.kind ORDER BY r.kind`);
    for (const row of perKind) expect(row).toMatchObject({ municipalities: 342, memberships: 342, all_current: true });
    expect(perKind).toHaveLength(5);
    expect(
      await count(
        ds,
        `
      SELECT count(*) AS n FROM municipality m JOIN province p ON p.id = m.province_id
      JOIN region r ON r.kind = 'PROVINCE' AND r.code = p.code
      JOIN region_membership rm ON rm.region_id = r.id AND rm.municipality_id = m.id`,
      ),
    ).toBe(342);
  });

  it('stores the boundary files as they are, with their checksum', async () => {
    const rows: { level: string; year: number; topojson: string; sha256: string; source_file: string }[] =
      await ds.query(`SELECT * FROM boundary_set ORDER BY level, year`);
    expect(rows.map((r) => `${r.level} ${r.year}`)).toEqual([
      'GGD_REGION 2025',
      'LABOUR_MARKET_REGION 2025',
      'MUNICIPALITY 2017',
      'MUNICIPALITY 2018',
      'MUNICIPALITY 2019',
      'MUNICIPALITY 2021',
      'MUNICIPALITY 2022',
      'MUNICIPALITY 2025',
      'PROVINCE 2025',
      'SAFETY_REGION 2025',
    ]);
    for (const r of rows) {
      const bytes = await readFile(path.join(inject('referenceDataDir'), r.source_file));
      expect(r.topojson).toBe(bytes.toString('utf8'));
      expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(JSON.parse(r.topojson).type).toBe('Topology');
    }
    const imports = await ds.query(`SELECT source_dir, checksums FROM reference_import`);
    expect(imports).toHaveLength(1);
    expect(imports[0].checksums['gemeenten_2025.csv']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes nothing when run again', async () => {
    const before = await fingerprint(ds);
    const steps: [string, number, number][] = [];
    const report = await importReferenceData(ds, inject('referenceDataDir'), { onProgress: (...a) => steps.push(a) });
    expect(report.changed).toBe(false);
    expect(report.importId).toBeNull();
    expect(report.inherited).toEqual({ events: 0, adoptions: 0 });
    for (const t of Object.values(report.tables)) expect(t).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(report.tables.municipality!.unchanged).toBe(405);
    expect(await fingerprint(ds)).toEqual(before);
    expect(steps.length).toBeGreaterThan(10);
    expect(steps.at(-1)).toEqual([expect.any(String), steps.length, steps.length]);
  });
});

describe('reference data import of broken files', () => {
  let schemaDb: TestDatabase;
  let referenceDb: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    [schemaDb, referenceDb] = await Promise.all([createTestDatabase('schema'), createTestDatabase('reference')]);
    dir = await copyOfData();
  });
  afterAll(async () => {
    await Promise.all([schemaDb?.drop(), referenceDb?.drop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function expectRejectedWithoutChange(message: string | RegExp) {
    for (const db of [schemaDb, referenceDb]) {
      const ds = await db.dataSource();
      const before = await fingerprint(ds);
      const run = importReferenceData(ds, dir);
      await expect(run).rejects.toBeInstanceOf(ReferenceDataError);
      await expect(run).rejects.toThrow(message);
      expect(await fingerprint(ds)).toEqual(before);
    }
  }

  it('names the file and line of a value that is not a number', async () => {
    const file = path.join(dir, 'gemeenten_2025.csv');
    const original = await readFile(file, 'utf8');
    const lines = original.split('\n');
    lines[16] = lines[16]!.replace(/^((?:[^,]*,){7})\d+/, '$1abc');
    await writeFile(file, lines.join('\n'));
    try {
      await expectRejectedWithoutChange(/^gemeenten_2025\.csv line 17: inwoners "abc" is not a whole number$/);
    } finally {
      await writeFile(file, original);
    }
  });

  it('names a missing file', async () => {
    const file = path.join(dir, 'gemeente_regios_2025.csv');
    const original = await readFile(file);
    await rm(file);
    try {
      await expectRejectedWithoutChange(/^gemeente_regios_2025\.csv: file is missing/);
    } finally {
      await writeFile(file, original);
    }
  });

  it('names a boundary file that is not a Topology', async () => {
    const file = path.join(dir, 'cbs_gemeente_2019_gegeneraliseerd.topojson');
    const original = await readFile(file);
    await writeFile(file, '{"type":"FeatureCollection","features":[]}');
    try {
      await expectRejectedWithoutChange(/^cbs_gemeente_2019_gegeneraliseerd\.topojson: is not a TopoJSON Topology/);
    } finally {
      await writeFile(file, original);
    }
  });

  it('writes nothing when the database refuses a late step', async () => {
    const ds = await schemaDb.dataSource();
    await ds.query(`ALTER TABLE boundary_set ADD CONSTRAINT ck_test_refuse CHECK (year <> 2025)`);
    try {
      await expect(importReferenceData(ds, dir)).rejects.toThrow(/ck_test_refuse/);
      for (const table of DATA_TABLES) expect(await count(ds, `SELECT count(*) AS n FROM ${table}`)).toBe(0);
    } finally {
      await ds.query(`ALTER TABLE boundary_set DROP CONSTRAINT ck_test_refuse`);
    }
  });
});

describe('reference data import carries adoptions to successors', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('reference');
    ds = await db.dataSource();
  });
  afterAll(async () => db?.drop());

  it('gives Amsterdam the LIVE status Weesp had when it joined, for review', async () => {
    const sol = await insertSolution(ds, 'merger-test');
    const weesp = (await one(ds, `SELECT id FROM municipality WHERE code = 'GM0457'`)).id;
    const amsterdam = (await one(ds, `SELECT id FROM municipality WHERE code = 'GM0363'`)).id;
    const event = await one(
      ds,
      `INSERT INTO adoption_event (municipality_id, solution_id, status, mode, effective_date, provenance)
       VALUES ($1, $2, 'LIVE', 'OWN_INSTALLATION', '2020-05-01', 'SELF_DECLARED') RETURNING id, recorded_at`,
      [weesp, sol],
    );
    await ds.query(
      `INSERT INTO adoption (municipality_id, solution_id, status, mode, status_since, first_event_date, live_since,
                             provenance, last_event_id, last_confirmed_at)
       VALUES ($1, $2, 'LIVE', 'OWN_INSTALLATION', '2020-05-01', '2020-05-01', '2020-05-01', 'SELF_DECLARED', $3, $4)`,
      [weesp, sol, event.id, event.recorded_at],
    );
    await ds.query(`DELETE FROM municipality_succession WHERE predecessor_id = $1 AND successor_id = $2`, [
      weesp,
      amsterdam,
    ]);
    const weespBefore = await ds.query(`SELECT * FROM adoption_event WHERE municipality_id = $1`, [weesp]);

    const report = await importReferenceData(ds, inject('referenceDataDir'));
    expect(report.changed).toBe(true);
    expect(report.importId).not.toBeNull();
    expect(report.tables.municipality_succession).toMatchObject({ inserted: 1, updated: 0 });
    expect(report.inherited).toEqual({ events: 1, adoptions: 1 });

    expect(
      await ds.query(
        `SELECT status, mode, effective_date, provenance, inherited_from_municipality_id AS "from", notes
       FROM adoption_event WHERE municipality_id = $1 AND solution_id = $2`,
        [amsterdam, sol],
      ),
    ).toEqual([
      {
        status: 'LIVE',
        mode: 'OWN_INSTALLATION',
        effective_date: '2022-03-24',
        provenance: 'INHERITED',
        from: weesp,
        notes: 'Overgenomen van Weesp bij herindeling per 2022-03-24',
      },
    ]);
    expect(
      await one(
        ds,
        `SELECT status, status_since, first_event_date, live_since, provenance, inherited_from_municipality_id AS "from",
              needs_review, last_confirmed_at = (SELECT recorded_at FROM adoption_event WHERE id = $3) AS confirmed_by_weesp
       FROM adoption WHERE municipality_id = $1 AND solution_id = $2`,
        [amsterdam, sol, event.id],
      ),
    ).toEqual({
      status: 'LIVE',
      status_since: '2022-03-24',
      first_event_date: '2022-03-24',
      live_since: '2022-03-24',
      provenance: 'INHERITED',
      from: weesp,
      needs_review: true,
      confirmed_by_weesp: true,
    });
    expect(await ds.query(`SELECT * FROM adoption_event WHERE municipality_id = $1`, [weesp])).toEqual(weespBefore);
    expect(await one(ds, `SELECT status, needs_review FROM adoption WHERE municipality_id = $1`, [weesp])).toEqual({
      status: 'LIVE',
      needs_review: false,
    });

    const before = await fingerprint(ds);
    const again = await importReferenceData(ds, inject('referenceDataDir'));
    expect(again.changed).toBe(false);
    expect(again.inherited).toEqual({ events: 0, adoptions: 0 });
    expect(await fingerprint(ds)).toEqual(before);
  });
});
