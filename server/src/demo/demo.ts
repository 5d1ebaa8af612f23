import type { DataSource, QueryRunner } from 'typeorm';
import { inheritAdoptions } from '../adoption/inheritance.js';
import type { Logger } from '../logger.js';
import { generateAdoptions, type DemoSolution } from './adoptions.js';
import { MARKER_ORGANISATION, organisations, solutions } from './catalogue/index.js';
import { generateCompliance } from './compliance.js';
import { loadCatalogue } from './load-catalogue.js';
import { readMunicipalities, readSuccessions } from './municipalities.js';
import { Random } from './random.js';
import { buildProjection, insertEvents } from './store.js';
import { BATCH_STATEMENT_TIMEOUT } from '../data-source.js';

export const DEFAULT_SEED = 20180101;

export interface DemoOptions {
  seed?: number;
  log?: Logger;
}

export interface DemoReport {
  /** false when the database already held demo data, or has no reference data to build on */
  loaded: boolean;
  /** rows per table after the run (demo rows only for tables with is_demo) */
  counts: Record<string, number>;
  seed: number;
  durationMs: number;
  /** why nothing was loaded */
  reason?: 'already-loaded' | 'no-reference-data';
}

const DEMO_LOCK = 'ggu-atlas:demo-data';

/**
 * Loads the demo catalogue (organisations, standards, initiatives, solutions) and adoption
 * histories generated from `seed`, on top of the reference data, in one transaction. A database
 * that already has demo data (any is_demo adoption event, or the demo organisations) is left
 * alone; so is one without municipalities, since the demo needs them.
 */
export async function loadDemoData(ds: DataSource, opts: DemoOptions = {}): Promise<DemoReport> {
  const started = Date.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const log = opts.log;
  const q = ds.createQueryRunner();
  await q.connect();
  try {
    await q.startTransaction();
    await q.query(BATCH_STATEMENT_TIMEOUT);
    // Two servers starting at once: the second waits here and then sees the marker.
    await q.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [DEMO_LOCK]);
    const [state] = (await q.query(
      `SELECT EXISTS (SELECT 1 FROM adoption_event WHERE is_demo) OR EXISTS (SELECT 1 FROM organisation WHERE slug = $1) AS present,
              EXISTS (SELECT 1 FROM municipality) AS reference`,
      [MARKER_ORGANISATION],
    )) as { present: boolean; reference: boolean }[];
    const reason = state?.present ? 'already-loaded' : !state?.reference ? 'no-reference-data' : undefined;
    if (reason) {
      await q.commitTransaction();
      log?.[reason === 'already-loaded' ? 'info' : 'warn']({ reason }, 'demo data not loaded');
      return { loaded: false, counts: await countRows(q), seed, durationMs: Date.now() - started, reason };
    }

    const municipalities = await readMunicipalities(q);
    const ids = await loadCatalogue(q, municipalities, new Random(seed).fork('catalogue'));
    const supplierKinds = new Set(['SUPPLIER', 'COOPERATION']);
    const demoSolutions: DemoSolution[] = solutions.map((def) => {
      const maintainer = organisations.find((o) => o.slug === def.maintainer);
      return {
        id: ids.solution.get(def.slug) as number,
        def,
        declarerId:
          maintainer && supplierKinds.has(maintainer.kind) ? (ids.organisation.get(maintainer.slug) ?? null) : null,
        originId: municipalities.find((m) => m.code === def.origin)?.id ?? null,
      };
    });
    const events = generateAdoptions(seed, municipalities, await readSuccessions(q), demoSolutions, {
      cooperationOf: ids.cooperationOf,
      verifierId: ids.organisation.get('vng-realisatie') as number,
    });
    await insertEvents(q, events);
    const inherited = await inheritAdoptions(q);
    const adoptions = await buildProjection(q);
    const compliance = await generateCompliance(q, seed, ids.cooperationOf);
    await q.commitTransaction();

    const counts = await countRows(q);
    const durationMs = Date.now() - started;
    log?.info(
      { seed, events: events.length, inherited: inherited.events, adoptions, compliance, durationMs },
      'demo data loaded',
    );
    return { loaded: true, counts, seed, durationMs };
  } catch (err) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    throw err;
  } finally {
    await q.release();
  }
}

async function countRows(q: QueryRunner): Promise<Record<string, number>> {
  const [row] = (await q.query(`
    SELECT
      (SELECT count(*) FROM organisation)::int AS organisation,
      (SELECT count(*) FROM region WHERE kind IN ('NETWORK', 'COOPERATION'))::int AS region,
      (SELECT count(*) FROM region_membership rm JOIN region r ON r.id = rm.region_id
        WHERE r.kind IN ('NETWORK', 'COOPERATION'))::int AS region_membership,
      (SELECT count(*) FROM standard)::int AS standard,
      (SELECT count(*) FROM standard_version)::int AS standard_version,
      (SELECT count(*) FROM annual_plan)::int AS annual_plan,
      (SELECT count(*) FROM initiative)::int AS initiative,
      (SELECT count(*) FROM decision)::int AS decision,
      (SELECT count(*) FROM initiative_participant)::int AS initiative_participant,
      (SELECT count(*) FROM funding_line)::int AS funding_line,
      (SELECT count(*) FROM solution)::int AS solution,
      (SELECT count(*) FROM solution_standard)::int AS solution_standard,
      (SELECT count(*) FROM solution_relation)::int AS solution_relation,
      (SELECT count(*) FROM adoption_event WHERE is_demo)::int AS adoption_event,
      (SELECT count(*) FROM adoption_event WHERE is_demo AND provenance = 'INHERITED')::int AS adoption_event_inherited,
      (SELECT count(*) FROM adoption WHERE is_demo)::int AS adoption,
      (SELECT count(*) FROM standard_compliance WHERE is_demo)::int AS standard_compliance`)) as Record<
    string,
    number
  >[];
  return row ?? {};
}
