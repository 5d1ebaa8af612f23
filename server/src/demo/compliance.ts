import type { QueryRunner } from 'typeorm';
import { standards } from './catalogue/index.js';
import { fromDay, Random, timestampAt, toDay } from './random.js';

type ComplianceStatus = 'COMPLIANT' | 'PARTIAL' | 'PLANNED' | 'EXPLAINED' | 'NOT_COMPLIANT';

/** "Leg uit": why a municipality does not (yet) apply a standard. */
const EXPLANATIONS = [
  'Het huidige systeem ondersteunt de standaard niet; vervanging is voorzien bij het aflopen van het contract.',
  'De leverancier biedt de standaard pas in een volgende release aan; wij volgen de roadmap van de leverancier.',
  'Onvoldoende capaciteit dit jaar; wij sluiten aan bij de regionale aanpak.',
  'De voorziening wordt via de samenwerking afgenomen; die past de standaard nog niet toe.',
  'De kosten wegen niet op tegen de baten zolang het aantal gebruikers klein is; wij heroverwegen dit jaarlijks.',
];

/** Declared status: mostly in line with what the LIVE solutions imply, sometimes not (for the disagreement view). */
const WITH_LIVE: Record<ComplianceStatus, number> = {
  COMPLIANT: 78,
  PARTIAL: 12,
  PLANNED: 2,
  EXPLAINED: 4,
  NOT_COMPLIANT: 4,
};
const WITHOUT_LIVE: Record<ComplianceStatus, number> = {
  COMPLIANT: 14,
  PARTIAL: 20,
  PLANNED: 28,
  EXPLAINED: 22,
  NOT_COMPLIANT: 16,
};

/**
 * Declared standard compliance of the current municipalities for the standards marked
 * `declared` in the catalogue, drawn from the seed and from the adoption projection.
 */
export async function generateCompliance(
  q: QueryRunner,
  seed: number,
  cooperationOf: Map<number, number>,
): Promise<number> {
  const declared = standards.filter((s) => s.declared).map((s) => s.slug);
  const pairs: { municipality_id: number; code: string; standard_id: number; slug: string; live: boolean }[] =
    await q.query(
      `SELECT m.id AS municipality_id, m.code, st.id AS standard_id, st.slug,
            EXISTS (SELECT 1 FROM adoption a JOIN solution_standard ss ON ss.solution_id = a.solution_id
                    WHERE a.municipality_id = m.id AND ss.standard_id = st.id AND a.status = 'LIVE') AS live
     FROM municipality m CROSS JOIN standard st
     WHERE m.valid_to IS NULL AND st.slug = ANY($1::text[])
     ORDER BY st.slug, m.code`,
      [declared],
    );

  const root = new Random(seed);
  const first = toDay('2023-01-01');
  const last = toDay('2026-06-30');
  const rows = pairs.flatMap((p) => {
    const r = root.fork(`compliance:${p.slug}:${p.code}`);
    if (!r.chance(p.live ? 0.8 : 0.6)) return [];
    const status = r.weighted(p.live ? WITH_LIVE : WITHOUT_LIVE);
    const declaredDay = r.int(first, last);
    const coop = cooperationOf.get(p.municipality_id);
    const provenance =
      coop !== undefined && r.chance(0.3) ? 'COOPERATION_DECLARED' : r.chance(0.1) ? 'VERIFIED' : 'SELF_DECLARED';
    return [
      {
        municipality_id: p.municipality_id,
        standard_id: p.standard_id,
        status,
        explanation: status === 'EXPLAINED' ? r.pick(EXPLANATIONS) : null,
        deadline:
          status === 'PLANNED' ? fromDay(toDay(`${r.int(2026, 2028)}-01-01`) + r.pick([89, 180, 272, 364])) : null,
        declared_at: timestampAt(declaredDay, 8 + r.next() * 9),
        provenance,
        last_confirmed_at: timestampAt(Math.min(last + 30, declaredDay + r.int(0, 400)), 8 + r.next() * 9),
      },
    ];
  });
  await q.query(
    `INSERT INTO standard_compliance (municipality_id, standard_id, status, explanation, deadline, declared_at, provenance,
       last_confirmed_at, is_demo)
     SELECT r.municipality_id, r.standard_id, r.status, r.explanation, r.deadline, r.declared_at, r.provenance, r.last_confirmed_at, true
     FROM json_to_recordset($1::json) AS r(municipality_id int, standard_id int, status text, explanation text, deadline date,
       declared_at timestamptz, provenance text, last_confirmed_at timestamptz)
     ORDER BY r.standard_id, r.municipality_id`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}
