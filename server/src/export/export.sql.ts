/**
 * The SQL of the exports: every list is built in PostgreSQL (json_agg, GROUP BY), one statement
 * each. Only public data: no user, no token, no actor of an event.
 */
const CURRENT = `(m.valid_to IS NULL OR m.valid_to >= CURRENT_DATE)`;

const ADOPTIONS_SELECT = `
    SELECT m.code AS cbs_code, s.slug AS solution, a.status, a.status_since AS date, a.mode, a.notes, a.provenance,
           a.first_event_date, a.live_since, a.last_confirmed_at, a.needs_review, a.is_demo, a.version
    FROM adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id`;

/**
 * The adoptions list narrowed to one municipality ($1, CBS code) and/or one solution ($2, slug);
 * a null parameter is no condition. Same columns and order as `LISTS.adoptions`.
 */
export const ADOPTIONS_FILTERED = `${ADOPTIONS_SELECT}
    WHERE a.status <> 'RETRACTED' AND ($1::text IS NULL OR m.code = $1::text) AND ($2::text IS NULL OR s.slug = $2::text)
    ORDER BY m.code, s.slug`;

/** Which of a CBS code ($1) and a solution slug ($2) exist; a null one counts as existing. */
export const ADOPTIONS_FILTER_KNOWN = `
    SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM municipality WHERE code = $1::text)) AS municipality,
           ($2::text IS NULL OR EXISTS (SELECT 1 FROM solution WHERE slug = $2::text)) AS solution`;

export const LISTS = {
  municipalities: `
    SELECT m.code AS cbs_code, m.name, p.code AS province_code, p.name AS province, m.population,
           municipality_size_class(m.population) AS size_class, m.valid_from, m.valid_to, m.tooi_uri
    FROM municipality m JOIN province p ON p.id = m.province_id ORDER BY m.code`,
  solutions: `
    SELECT s.slug, s.name, s.kind, s.lifecycle, o.slug AS maintainer, om.code AS origin_cbs_code, s.licence,
           s.repository_url, s.website, s.launched_on,
           (SELECT count(*) FROM adoption a WHERE a.solution_id = s.id AND a.status = 'LIVE')::int AS live_municipalities
    FROM solution s LEFT JOIN organisation o ON o.id = s.maintainer_organisation_id
    LEFT JOIN municipality om ON om.id = s.origin_municipality_id ORDER BY s.slug`,
  // Same first columns as the CSV import, so an export can be edited and imported again.
  adoptions: `${ADOPTIONS_SELECT} WHERE a.status <> 'RETRACTED' ORDER BY m.code, s.slug`,
  'uptake-municipalities': `
    SELECT m.code AS cbs_code, m.name, p.code AS province_code,
           count(a.id) FILTER (WHERE a.status = 'LIVE')::int AS live,
           count(a.id) FILTER (WHERE a.status IN ('PLANNED', 'IMPLEMENTING'))::int AS in_progress,
           count(a.id) FILTER (WHERE a.status = 'CONSIDERING')::int AS considering,
           (SELECT count(*) FROM solution)::int AS solutions
    FROM municipality m JOIN province p ON p.id = m.province_id
    LEFT JOIN adoption a ON a.municipality_id = m.id
    WHERE ${CURRENT} GROUP BY m.id, p.code ORDER BY m.code`,
  'uptake-provinces': `
    SELECT p.code AS province_code, p.name AS province, s.slug AS solution,
           count(DISTINCT m.id)::int AS municipalities,
           count(DISTINCT a.municipality_id) FILTER (WHERE a.status = 'LIVE')::int AS live,
           round(100.0 * count(DISTINCT a.municipality_id) FILTER (WHERE a.status = 'LIVE') / nullif(count(DISTINCT m.id), 0), 1)::float AS live_percent
    FROM province p JOIN municipality m ON m.province_id = p.id AND ${CURRENT}
    CROSS JOIN solution s
    LEFT JOIN adoption a ON a.municipality_id = m.id AND a.solution_id = s.id
    GROUP BY p.code, p.name, s.slug ORDER BY p.code, s.slug`,
  // The pipeline as the initiatives page lists it (newest submission first), with its figures.
  initiatives: `
    SELECT i.slug, i.title, i.stage, i.domain, i.submitted_on, m.code AS submitted_by_cbs_code,
           o.slug AS submitted_by_organisation, coalesce(m.name, o.name) AS submitted_by_name,
           (SELECT count(*) FROM initiative_participant p WHERE p.initiative_id = i.id)::int AS participant_count,
           (SELECT count(*) FROM initiative_participant p WHERE p.initiative_id = i.id AND p.role = 'PIONEER')::int AS pioneer_count,
           (SELECT coalesce(sum(f.amount_eur), 0) FROM funding_line f WHERE f.initiative_id = i.id)::float8 AS funding_total_eur,
           (SELECT string_agg(DISTINCT f.year::text, ';') FROM funding_line f WHERE f.initiative_id = i.id) AS funding_years,
           (SELECT count(*) FROM decision d WHERE d.initiative_id = i.id)::int AS decision_count,
           ld.decided_on AS latest_decision_on, ld.body AS latest_decision_body, ld.outcome AS latest_decision_outcome,
           ld.to_stage AS latest_decision_to_stage,
           (SELECT string_agg(s.slug, ';' ORDER BY s.name, s.slug) FROM solution s WHERE s.initiative_id = i.id) AS solutions,
           i.website
    FROM initiative i LEFT JOIN municipality m ON m.id = i.submitted_by_municipality_id
    LEFT JOIN organisation o ON o.id = i.submitted_by_organisation_id
    LEFT JOIN LATERAL (SELECT d.decided_on, d.body, d.outcome, d.to_stage FROM decision d WHERE d.initiative_id = i.id
                       ORDER BY d.decided_on DESC, d.id DESC LIMIT 1) ld ON true
    ORDER BY i.submitted_on DESC, i.slug`,
  // As the standards page lists them (by name), with who implements them and what was declared.
  standards: `
    SELECT st.slug, st.name, st.domain, st.status, o.slug AS owner, o.name AS owner_name, st.adopted_on,
           (SELECT v.version_label FROM standard_version v WHERE v.standard_id = st.id
             ORDER BY v.status = 'CURRENT' DESC, v.released_on DESC NULLS LAST, v.version_label DESC LIMIT 1) AS current_version,
           st.url,
           (SELECT count(*) FROM solution_standard ss WHERE ss.standard_id = st.id)::int AS solution_count,
           (SELECT string_agg(s.slug, ';' ORDER BY s.name, s.slug) FROM solution_standard ss JOIN solution s ON s.id = ss.solution_id
             WHERE ss.standard_id = st.id) AS solutions,
           coalesce(c.declared, 0) AS declared_count, coalesce(c.compliant, 0) AS compliant_count,
           coalesce(c.partial, 0) AS partial_count, coalesce(c.planned, 0) AS planned_count,
           coalesce(c.explained, 0) AS explained_count, coalesce(c.not_compliant, 0) AS not_compliant_count
    FROM standard st LEFT JOIN organisation o ON o.id = st.owner_organisation_id
    LEFT JOIN (
      SELECT sc.standard_id, count(*)::int AS declared,
             count(*) FILTER (WHERE sc.status = 'COMPLIANT')::int AS compliant,
             count(*) FILTER (WHERE sc.status = 'PARTIAL')::int AS partial,
             count(*) FILTER (WHERE sc.status = 'PLANNED')::int AS planned,
             count(*) FILTER (WHERE sc.status = 'EXPLAINED')::int AS explained,
             count(*) FILTER (WHERE sc.status = 'NOT_COMPLIANT')::int AS not_compliant
      FROM standard_compliance sc GROUP BY sc.standard_id
    ) c ON c.standard_id = st.id
    ORDER BY st.name, st.slug`,
} as const;
export type ListName = keyof typeof LISTS;

const agg = (sql: string) => `(SELECT coalesce(json_agg(row_to_json(t)), '[]'::json) FROM (${sql}) t)`;

/** The whole public graph in one JSON document (open data). */
export const OPEN_DATA = `SELECT json_build_object(
  'provinces', ${agg(`SELECT code, name, tooi_uri FROM province ORDER BY code`)},
  'municipalities', ${agg(LISTS.municipalities)},
  'successions', ${agg(`SELECT p.code AS predecessor, s.code AS successor, ms.effective_date, ms.kind
      FROM municipality_succession ms JOIN municipality p ON p.id = ms.predecessor_id JOIN municipality s ON s.id = ms.successor_id
      ORDER BY ms.effective_date, p.code, s.code`)},
  'regions', ${agg(`SELECT r.kind, r.code, r.name, (SELECT coalesce(json_agg(m.code ORDER BY m.code), '[]') FROM region_membership rm
      JOIN municipality m ON m.id = rm.municipality_id WHERE rm.region_id = r.id) AS members FROM region r ORDER BY r.kind, r.code`)},
  'organisations', ${agg(`SELECT o.slug, o.name, o.kind, o.website FROM organisation o ORDER BY o.slug`)},
  'standards', ${agg(`SELECT st.slug, st.name, st.domain, st.status, st.url, st.adopted_on, o.slug AS owner,
      (SELECT coalesce(json_agg(json_build_object('label', v.version_label, 'status', v.status, 'releasedOn', v.released_on)
        ORDER BY v.released_on NULLS LAST, v.version_label), '[]') FROM standard_version v WHERE v.standard_id = st.id) AS versions
      FROM standard st LEFT JOIN organisation o ON o.id = st.owner_organisation_id ORDER BY st.slug`)},
  'solutions', ${agg(`SELECT s.slug, s.name, s.description, s.kind, s.lifecycle, o.slug AS maintainer, i.slug AS initiative,
      om.code AS origin_cbs_code, s.licence, s.repository_url, s.website, s.launched_on,
      (SELECT coalesce(json_agg(json_build_object('standard', st.slug, 'version', v.version_label) ORDER BY st.slug), '[]')
        FROM solution_standard ss JOIN standard st ON st.id = ss.standard_id LEFT JOIN standard_version v ON v.id = ss.standard_version_id
        WHERE ss.solution_id = s.id) AS standards,
      (SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'to', t.slug) ORDER BY r.kind, t.slug), '[]')
        FROM solution_relation r JOIN solution t ON t.id = r.to_solution_id WHERE r.from_solution_id = s.id) AS relations
      FROM solution s LEFT JOIN organisation o ON o.id = s.maintainer_organisation_id LEFT JOIN initiative i ON i.id = s.initiative_id
      LEFT JOIN municipality om ON om.id = s.origin_municipality_id ORDER BY s.slug`)},
  'initiatives', ${agg(`SELECT i.slug, i.title, i.problem, i.domain, i.stage, i.submitted_on, m.code AS submitted_by_cbs_code,
      o.slug AS submitted_by_organisation, i.website,
      (SELECT coalesce(json_agg(json_build_object('body', d.body, 'decidedOn', d.decided_on, 'outcome', d.outcome,
        'fromStage', d.from_stage, 'toStage', d.to_stage, 'rationale', d.rationale) ORDER BY d.decided_on, d.id), '[]')
        FROM decision d WHERE d.initiative_id = i.id) AS decisions,
      (SELECT coalesce(json_agg(json_build_object('cbsCode', pm.code, 'role', p.role, 'joinedOn', p.joined_on) ORDER BY pm.code), '[]')
        FROM initiative_participant p JOIN municipality pm ON pm.id = p.municipality_id WHERE p.initiative_id = i.id) AS participants,
      (SELECT coalesce(json_agg(json_build_object('year', f.year, 'source', f.source, 'amountEur', f.amount_eur) ORDER BY f.year, f.source), '[]')
        FROM funding_line f WHERE f.initiative_id = i.id) AS funding
      FROM initiative i LEFT JOIN municipality m ON m.id = i.submitted_by_municipality_id
      LEFT JOIN organisation o ON o.id = i.submitted_by_organisation_id ORDER BY i.slug`)},
  'adoptions', ${agg(LISTS.adoptions)},
  'adoptionEvents', ${agg(`SELECT e.id::text AS id, m.code AS cbs_code, s.slug AS solution, e.status, e.mode, e.effective_date,
      e.recorded_at, e.provenance, o.slug AS declared_by_organisation, e.notes, e.corrects_event_id::text AS corrects_event_id,
      im.code AS inherited_from_cbs_code, e.is_demo
      FROM adoption_event e JOIN municipality m ON m.id = e.municipality_id JOIN solution s ON s.id = e.solution_id
      LEFT JOIN organisation o ON o.id = e.actor_organisation_id LEFT JOIN municipality im ON im.id = e.inherited_from_municipality_id
      ORDER BY e.id`)},
  'compliance', ${agg(`SELECT m.code AS cbs_code, st.slug AS standard, c.status, c.explanation, c.deadline, c.provenance,
      c.declared_at, c.last_confirmed_at, c.is_demo
      FROM standard_compliance c JOIN municipality m ON m.id = c.municipality_id JOIN standard st ON st.id = c.standard_id
      ORDER BY m.code, st.slug`)}
) AS doc`;
