/**
 * The five reads, each in three shapes that fetch the same data: our schema, PostGraphile's
 * (amber inflection; aggregates through the bench_pg functions), and a path of the hand-written
 * SQL server. Every value a query depends on (date, solutions, cursor) is a variable, fixed once
 * per run, so the three servers answer exactly the same question.
 */
export type QueryId = 'a' | 'b' | 'c' | 'd' | 'e';
export const QUERY_IDS: readonly QueryId[] = ['a', 'b', 'c', 'd', 'e'];

export const QUERY_TITLES: Record<QueryId, string> = {
  a: 'uptake per municipality (adopted count, compliance share)',
  b: 'one solution with its LIVE adopters and their province (first 100)',
  c: 'province × 20 solutions comparison',
  d: 'filtered, paginated adoption list (LIVE in a province, page 2 of 50)',
  e: 'municipality profile (adoptions, compliance, peers)',
};

/** What the queries are about; `cursor` values come from a first page fetched at setup. */
export interface Params {
  asOf: string;
  solutionSlug: string;
  comparisonSlugs: string[];
  provinceCode: string;
  municipalityCode: string;
}

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

const OURS: Record<QueryId, string> = {
  a: `query A($asOf: Date) { uptake(groupBy: MUNICIPALITY, asOf: $asOf) {
    rows { groupKey groupName adoptedSolutionCount share declaredComplianceCount complianceShare } } }`,
  b: `query B($slug: String!) { solution(slug: $slug) { id slug name
    adoptions(status: [LIVE], first: 100) { totalCount edges { node { status liveSince
      municipality { id code name province { id code name } } } } } } }`,
  c: `query C($slugs: [String!]!, $asOf: Date) { regionComparison(kind: PROVINCE, solutionSlugs: $slugs, asOf: $asOf) {
    rows { code name municipalityCount cells { solutionSlug solutionName adoptingCount share } } } }`,
  d: `query D($code: String!, $after: String) {
    adoptions(filter: { status: [LIVE], region: { kind: PROVINCE, code: $code } }, first: 50, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id status statusSince mode municipality { id code name } solution { id slug name } } } } }`,
  e: `query E($code: String!, $asOf: Date) { municipality(code: $code) { id code name province { id code name }
    adoptions(first: 100) { totalCount edges { node { id status statusSince solution { id slug name } } } }
    compliance { standard { id slug name } declaredStatus derivedStatus }
    peerComparison(asOf: $asOf) { liveSolutionCount
      province { key peerCount averageLiveSolutionCount medianLiveSolutionCount }
      sizeClass { key peerCount averageLiveSolutionCount medianLiveSolutionCount } } } }`,
};

const POSTGRAPHILE: Record<QueryId, string> = {
  a: `query A($asOf: Date!) { benchPgUptakeByMunicipality(asOf: $asOf, statuses: ["LIVE"]) {
    nodes { municipalityCode municipalityName adoptedSolutionCount share declaredComplianceCount complianceShare } } }`,
  b: `query B($slug: String!) { solutionBySlug(slug: $slug) { id slug name
    adoptionsBySolutionId(condition: { status: "LIVE" }, orderBy: MUNICIPALITY_ID_ASC, first: 100) { totalCount
      nodes { status liveSince municipalityByMunicipalityId { id code name provinceByProvinceId { id code name } } } } } }`,
  c: `query C($slugs: [String]!, $asOf: Date!) { benchPgProvinceComparison(solutionSlugs: $slugs, asOf: $asOf, statuses: ["LIVE"]) {
    nodes { provinceCode provinceName municipalityCount solutionSlug solutionName adoptingCount share } } }`,
  d: `query D($code: String!, $after: Cursor) {
    benchPgAdoptionsInRegion(regionKind: "PROVINCE", regionCode: $code, statuses: ["LIVE"], first: 50, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id status statusSince mode municipalityByMunicipalityId { id code name } solutionBySolutionId { id slug name } } } }`,
  e: `query E($code: String!, $asOf: Date!) { municipalityByCode(code: $code) { id code name provinceByProvinceId { id code name }
    adoptionsByMunicipalityId(first: 100, orderBy: SOLUTION_ID_ASC) { totalCount
      nodes { id status statusSince solutionBySolutionId { id slug name } } } }
    benchPgMunicipalityCompliance(code: $code, asOf: $asOf) { nodes { standardSlug standardName declaredStatus derivedStatus } }
    benchPgMunicipalityPeers(code: $code, asOf: $asOf) { liveSolutionCount provinceCode provincePeerCount provinceAverage provinceMedian
      sizeClass sizePeerCount sizeAverage sizeMedian } }`,
};

function variables(id: QueryId, p: Params, cursor: string | null): Record<string, unknown> {
  switch (id) {
    case 'a':
      return { asOf: p.asOf };
    case 'b':
      return { slug: p.solutionSlug };
    case 'c':
      return { slugs: p.comparisonSlugs, asOf: p.asOf };
    case 'd':
      return { code: p.provinceCode, after: cursor };
    case 'e':
      return { code: p.municipalityCode, asOf: p.asOf };
  }
}

export const oursRequest = (id: QueryId, p: Params, cursor: string | null = null): GraphqlRequest => ({
  query: OURS[id],
  variables: variables(id, p, cursor),
});

export const postgraphileRequest = (id: QueryId, p: Params, cursor: string | null = null): GraphqlRequest => ({
  query: POSTGRAPHILE[id],
  variables: variables(id, p, cursor),
});

/** The hand-written SQL server's URL path and query string for a read. */
export function sqlPath(id: QueryId, p: Params, cursor: string | null = null): string {
  const q = new URLSearchParams();
  const v = variables(id, p, cursor);
  for (const [k, value] of Object.entries(v)) {
    if (value === null || value === undefined) continue;
    q.set(k, Array.isArray(value) ? value.join(',') : String(value));
  }
  return `/${id}?${q}`;
}
