import type { QueryRunner } from 'typeorm';
import { initiatives, planAdoptedOn, planYears, type FundingSource } from './catalogue/index.js';
import type { MunicipalityRow } from './municipalities.js';
import { fromDay, type Random, timestampAt, toDay } from './random.js';

const json = (rows: unknown[]) => JSON.stringify(rows);
const idMap = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));

/**
 * Inserts the annual plans and the initiatives with their decisions, participants and funding
 * lines; returns initiative ids by slug.
 */
export async function loadInitiatives(
  q: QueryRunner,
  municipalities: MunicipalityRow[],
  need: (code: string) => MunicipalityRow,
  org: (slug: string | undefined) => number | null,
  rng: Random,
): Promise<Map<string, number>> {
  // Annual plans: the budget is the Fonds GGU total of the year plus a reserve (demo figures).
  const ggu = new Map<number, number>();
  for (const i of initiatives) {
    for (const [y, a] of Object.entries(i.funding?.FONDS_GGU ?? {})) ggu.set(Number(y), (ggu.get(Number(y)) ?? 0) + a);
  }
  const planRows: { id: number; year: number }[] = await q.query(
    `INSERT INTO annual_plan (year, title, adopted_on, budget_eur)
     SELECT * FROM json_to_recordset($1::json) AS r(year int, title text, adopted_on date, budget_eur numeric) ORDER BY year
     RETURNING id, year`,
    [
      json(
        planYears.map((year) => ({
          year,
          title: `Jaarplan GGU ${year}`,
          adopted_on: planAdoptedOn[year],
          budget_eur: Math.ceil((ggu.get(year) ?? 0) * 1.15 * 10) * 100_000,
        })),
      ),
    ],
  );
  const planId = new Map(planRows.map((p) => [p.year, p.id]));

  // Initiatives, stage = outcome of the last decision.
  const initRows: { id: number; slug: string }[] = await q.query(
    `INSERT INTO initiative (slug, title, problem, domain, stage, submitted_on, submitted_by_municipality_id, submitted_by_organisation_id, website)
     SELECT r.slug, r.title, r.problem, r.domain, r.stage, r.submitted_on, r.by_municipality, r.by_organisation, r.website
     FROM json_to_recordset($1::json) AS r(ord int, slug text, title text, problem text, domain text, stage text, submitted_on date,
       by_municipality int, by_organisation int, website text)
     ORDER BY r.ord RETURNING id, slug`,
    [
      json(
        initiatives.map((i, ord) => ({
          ord,
          slug: i.slug,
          title: i.title,
          problem: i.problem,
          domain: i.domain,
          stage: i.decisions.at(-1)?.to ?? 'SUBMITTED',
          submitted_on: i.submittedOn,
          by_municipality: 'municipality' in i.submittedBy ? need(i.submittedBy.municipality).id : null,
          by_organisation: 'organisation' in i.submittedBy ? org(i.submittedBy.organisation) : null,
          website: i.website ?? null,
        })),
      ),
    ],
  );
  const initiative = idMap(initRows);

  const decisions = initiatives.flatMap((i) =>
    i.decisions.map((d, k) => ({
      initiative_id: initiative.get(i.slug),
      body: d.body,
      decided_on: d.on,
      outcome: d.outcome,
      from_stage: k === 0 ? 'SUBMITTED' : (i.decisions[k - 1]?.to ?? null),
      to_stage: d.to,
      rationale: d.rationale,
      annual_plan_id: d.plan ? planId.get(d.plan) : null,
      recorded_at: timestampAt(toDay(d.on) + 2, 10),
    })),
  );
  await q.query(
    `INSERT INTO decision (initiative_id, body, decided_on, outcome, from_stage, to_stage, rationale, annual_plan_id, recorded_at)
     SELECT r.initiative_id, r.body, r.decided_on, r.outcome, r.from_stage, r.to_stage, r.rationale, r.annual_plan_id, r.recorded_at
     FROM json_to_recordset($1::json) AS r(ord int, initiative_id int, body text, decided_on date, outcome text, from_stage text,
       to_stage text, rationale text, annual_plan_id int, recorded_at timestamptz)
     ORDER BY r.ord`,
    [json(decisions.map((d, ord) => ({ ord, ...d })))],
  );

  await q.query(
    `INSERT INTO initiative_participant (initiative_id, municipality_id, role, joined_on)
     SELECT * FROM json_to_recordset($1::json) AS r(initiative_id int, municipality_id int, role text, joined_on date)`,
    [json(participants(municipalities, need, initiative, rng))],
  );

  const funding = initiatives.flatMap((i) =>
    (Object.entries(i.funding ?? {}) as [FundingSource, Record<number, number>][]).flatMap(([source, amounts]) =>
      Object.entries(amounts).map(([year, millions]) => ({
        initiative_id: initiative.get(i.slug),
        annual_plan_id: planId.get(Number(year)) ?? null,
        year: Number(year),
        source,
        amount_eur: Math.round(millions * 1_000_000),
        description: source === 'FONDS_GGU' ? `Bijdrage uit het Fonds GGU ${year}` : `Cofinanciering ${year}`,
      })),
    ),
  );
  await q.query(
    `INSERT INTO funding_line (initiative_id, annual_plan_id, year, source, amount_eur, description)
     SELECT * FROM json_to_recordset($1::json) AS r(initiative_id int, annual_plan_id int, year int, source text, amount_eur numeric, description text)
     ORDER BY initiative_id, year, source`,
    [json(funding)],
  );

  return initiative;
}

/** Pioneers, funders and seeded participants, each valid on the day it joined. */
function participants(
  municipalities: MunicipalityRow[],
  need: (code: string) => MunicipalityRow,
  initiativeId: Map<string, number>,
  rng: Random,
) {
  const last = toDay('2026-06-30');
  const rows: { initiative_id: number; municipality_id: number; role: string; joined_on: string }[] = [];
  for (const i of initiatives) {
    const r = rng.fork(`participants:${i.slug}`);
    const start = toDay(i.decisions[0]?.on ?? i.submittedOn);
    const seen = new Set<number>();
    const add = (m: MunicipalityRow, role: string, from: number) => {
      if (seen.has(m.id)) return;
      seen.add(m.id);
      const lo = Math.max(from, m.validFrom ?? from);
      const hi = Math.min(last, m.validTo ?? last);
      rows.push({
        initiative_id: initiativeId.get(i.slug) as number,
        municipality_id: m.id,
        role,
        joined_on: fromDay(Math.min(hi, lo + r.int(0, 120))),
      });
    };
    for (const code of i.pioneers) add(need(code), 'PIONEER', toDay(i.submittedOn));
    for (const code of i.funders ?? []) add(need(code), 'FUNDER', start);
    const current = municipalities.filter((m) => m.validTo === null && !seen.has(m.id));
    for (const m of r.sample(current, i.participants)) add(m, 'PARTICIPANT', start + r.int(30, 900));
  }
  return rows;
}
