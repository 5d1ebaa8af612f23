import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi, type ApiHarness } from './api-fixtures.js';

/**
 * No N+1: the number of SQL statements of a request depends on the query's shape, not on the
 * number of rows. Each query runs twice, with a small and a large page, over a generated
 * catalogue big enough that the large page really has many more rows at every level.
 */
describe('API: SQL statements per request do not grow with the rows', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await openApi('reference', true);
    await api.pool.query(`
      INSERT INTO initiative (slug, title, problem, domain, stage, submitted_on, submitted_by_municipality_id)
        SELECT 'gen-initiative-' || n, 'Generated initiative ' || n, 'Problem ' || n, 'Generated', 'ADOPTED', '2020-01-01'::date + n,
               (SELECT id FROM municipality WHERE code = 'GM0363')
          FROM generate_series(1, 4) n;
      INSERT INTO decision (initiative_id, body, decided_on, outcome, from_stage, to_stage, annual_plan_id)
        SELECT i.id, b.body, i.submitted_on + b.n, 'APPROVED', b.from_stage, b.to_stage,
               CASE WHEN b.body = 'ALV' THEN (SELECT id FROM annual_plan WHERE year = 2023) END
          FROM initiative i,
               (VALUES (1, 'TASKFORCE', 'SUBMITTED', 'ASSESSED'), (2, 'CVD', 'ASSESSED', 'ADVISED'), (3, 'ALV', 'ADVISED', 'ADOPTED'))
                 AS b(n, body, from_stage, to_stage)
         WHERE i.slug LIKE 'gen-%';
      INSERT INTO initiative_participant (initiative_id, municipality_id, role)
        SELECT i.id, m.id, (ARRAY['PIONEER', 'PARTICIPANT', 'FUNDER'])[m.id % 3 + 1]
          FROM initiative i JOIN municipality m ON m.valid_to IS NULL AND (m.id + i.id) % 40 = 0 WHERE i.slug LIKE 'gen-%';
      INSERT INTO funding_line (initiative_id, annual_plan_id, year, source, amount_eur)
        SELECT i.id, (SELECT id FROM annual_plan WHERE year = y), y, 'FONDS_GGU', 1000 * y
          FROM initiative i, generate_series(2023, 2024) y WHERE i.slug LIKE 'gen-%';
      INSERT INTO standard (slug, name, domain, status)
        SELECT 'gen-standard-' || n, 'Generated standard ' || n, 'Generated', 'ADOPTED' FROM generate_series(1, 6) n;
      INSERT INTO solution (slug, name, description, kind, lifecycle, initiative_id, maintainer_organisation_id)
        SELECT 'gen-solution-' || lpad(n::text, 2, '0'), 'Generated solution ' || lpad(n::text, 2, '0'), 'Generated', 'SOFTWARE', 'AVAILABLE',
               (SELECT id FROM initiative WHERE slug = 'gen-initiative-' || (n % 4 + 1)), (SELECT id FROM organisation WHERE slug = 'dimpact')
          FROM generate_series(1, 45) n;
      INSERT INTO solution_standard (solution_id, standard_id)
        SELECT s.id, st.id FROM solution s JOIN standard st ON st.slug LIKE 'gen-%' AND (s.id + st.id) % 3 = 0 WHERE s.slug LIKE 'gen-%';
      INSERT INTO solution_relation (from_solution_id, to_solution_id, kind)
        SELECT a.id, b.id, 'BUILDS_ON' FROM solution a JOIN solution b ON b.slug LIKE 'gen-%' AND b.id < a.id AND (a.id - b.id) <= 2
         WHERE a.slug LIKE 'gen-%';
    `);
    // Adoptions: every current municipality with roughly a third of the generated solutions.
    await api.pool.query(`
      INSERT INTO adoption_event (municipality_id, solution_id, status, mode, effective_date, provenance, actor_organisation_id,
                                  inherited_from_municipality_id)
        SELECT m.id, s.id, 'LIVE', 'SAAS', '2023-01-01', 'SELF_DECLARED', (SELECT id FROM organisation WHERE slug = 'acme-software'),
               CASE WHEN (m.id + s.id) % 2 = 0 THEN (SELECT id FROM municipality WHERE code = 'GM0788') END
          FROM municipality m JOIN solution s ON s.slug LIKE 'gen-%' AND (m.id + s.id) % 3 = 0
         WHERE m.valid_to IS NULL;
      INSERT INTO adoption (municipality_id, solution_id, status, mode, status_since, first_event_date, live_since, provenance,
                            last_event_id, last_confirmed_at)
        SELECT e.municipality_id, e.solution_id, e.status, e.mode, e.effective_date, e.effective_date, e.effective_date, e.provenance,
               e.id, e.recorded_at
          FROM adoption_event e JOIN solution s ON s.id = e.solution_id WHERE s.slug LIKE 'gen-%';
    `);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  /** A pool whose `query` calls are counted; everything else goes to the real pool. */
  function countingPool(pool: Pool) {
    let count = 0;
    const proxy = new Proxy(pool, {
      get(target, prop) {
        if (prop === 'query') {
          return (...args: Parameters<Pool['query']>) => {
            count++;
            return (target.query as (...a: unknown[]) => unknown)(...args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { pool: proxy as Pool, count: () => count };
  }

  async function measure(source: string, variables: Record<string, unknown>) {
    const counter = countingPool(api.pool);
    const res = await api.gql(source, variables, counter.pool);
    expect(res.errors).toBeUndefined();
    return { statements: counter.count(), data: res.data, size: JSON.stringify(res.data).length };
  }

  /** Runs the query with a small and a large page; returns both statement counts. */
  async function compare(source: string, small: Record<string, unknown>, large: Record<string, unknown>) {
    const a = await measure(source, small);
    const b = await measure(source, large);
    // The large request must really return much more, or the comparison proves nothing.
    expect(b.size).toBeGreaterThan(a.size * 4);
    return { small: a.statements, large: b.statements };
  }

  /** Siblings sharing a loader may or may not share a batch; either way the count stays within the query's shape. */
  function expectBounded(counts: { small: number; large: number }, min: number, max: number) {
    for (const n of [counts.small, counts.large]) {
      expect(n).toBeGreaterThanOrEqual(min);
      expect(n).toBeLessThanOrEqual(max);
    }
  }

  it('municipalities → adoptions → solution → standards → standard, and → initiative → decisions', async () => {
    const q = `query($first: Int) { municipalities(first: $first, filter: { validOn: "2025-01-01" }) { edges { node { code
      adoptions(first: 20) { totalCount edges { node { status solution { slug
        standards { standard { name } version { label } }
        initiative { title decisions { body toStage } } } } } } } } } }`;
    const counts = await compare(q, { first: 10 }, { first: 100 });
    // municipalities, adoptions (each with its solution, joined), standards (links with standard and
    // version), initiative, decisions
    expect(counts).toEqual({ small: 5, large: 5 });
  });

  it('solutions → adoptions → municipality → province, and solutions → buildsOn', async () => {
    const q = `query($first: Int) { solutions(first: $first, filter: { search: "generated" }) { edges { node { slug
      adoptions(first: 100) { totalCount edges { node { municipality { code province { name } } } } }
      buildsOn { slug } } } } }`;
    const counts = await compare(q, { first: 5 }, { first: 40 });
    // solutions, adoptions (each with its municipality and province, joined), buildsOn
    expect(counts).toEqual({ small: 3, large: 3 });
  });

  it('adoptions → events → actor / inheritedFrom, municipality → regions → members, solution → builtOnBy / maintainer / standards', async () => {
    const q = `query($first: Int) { adoptions(first: $first) { totalCount edges { node { id
      events { status actorOrganisation { name } inheritedFrom { code } }
      municipality { code regions(kind: PROVINCE) { code members(validOn: "2025-01-01") { code } } }
      solution { slug builtOnBy { slug } maintainer { name } standards { standard { slug compliance(first: 5) { totalCount } } } } } } } }`;
    const counts = await compare(q, { first: 10 }, { first: 100 });
    // adoptions (with municipality and solution, joined); events; actorOrganisation, inheritedFrom,
    // regions, builtOnBy, maintainer, standards; members, compliance. actorOrganisation and maintainer
    // share the organisationById loader: whether they land in one batch depends on I/O timing, so 9 or 10.
    expectBounded(counts, 9, 10);
  });

  it('initiatives → participants / fundingLines / decisions / solutions → adoptions (nested connections batch too)', async () => {
    const q = `query($first: Int) { initiatives(first: $first, filter: { domain: "Generated" }) { edges { node { slug
      submittedByMunicipality { code } submittedByOrganisation { slug }
      participants { role municipality { code } } fundingLines { amountEur annualPlan { year } }
      decisions { body annualPlan { year } }
      solutions { slug adoptions(first: $first, status: [LIVE]) { totalCount edges { node { municipality { name } } } } } } } } }`;
    const counts = await compare(q, { first: 1 }, { first: 4 });
    // initiatives; submittedByMunicipality, participants, fundingLines, decisions, solutions;
    // municipality, annualPlan (funding lines and decisions: one batch or two, by I/O timing), adoptions
    // (each with its municipality, joined)
    expectBounded(counts, 9, 10);
  });
});
