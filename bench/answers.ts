import type { ServerName } from './processes.js';
import type { QueryId } from './queries.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read by shape, per server */
type Data = Record<string, any>;

/** The next-page cursor of read (d) in a server's answer. */
export function endCursor(server: ServerName, data: Data): string | null {
  const page = server === 'postgraphile' ? data.benchPgAdoptionsInRegion : data.adoptions;
  return page?.pageInfo?.endCursor ?? null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * A few figures of an answer that must agree between the servers (row counts, totals, sums), so
 * a run cannot compare a fast wrong answer with a slow right one.
 */
export function fingerprint(server: ServerName, id: QueryId, data: Data): string {
  const pgl = server === 'postgraphile';
  switch (id) {
    case 'a': {
      const rows: Data[] = pgl ? data.benchPgUptakeByMunicipality.nodes : data.uptake.rows;
      return `${rows.length} rows, ${sum(rows.map((r) => r.adoptedSolutionCount))} adoptions, ${sum(rows.map((r) => r.declaredComplianceCount))} declarations`;
    }
    case 'b': {
      const c = pgl ? data.solutionBySlug.adoptionsBySolutionId : data.solution.adoptions;
      return `${c.totalCount} adopters, ${(c.nodes ?? c.edges).length} shown`;
    }
    case 'c': {
      const cells: Data[] = pgl
        ? data.benchPgProvinceComparison.nodes
        : data.regionComparison.rows.flatMap((r: Data) => r.cells);
      return `${cells.length} cells, ${sum(cells.map((c) => c.adoptingCount))} adopting`;
    }
    case 'd': {
      const c = pgl ? data.benchPgAdoptionsInRegion : data.adoptions;
      return `${c.totalCount} adoptions, ${(c.nodes ?? c.edges).length} shown`;
    }
    case 'e': {
      const m = pgl ? data.municipalityByCode : data.municipality;
      const adoptions = pgl ? m.adoptionsByMunicipalityId : m.adoptions;
      const compliance: Data[] = pgl ? data.benchPgMunicipalityCompliance.nodes : m.compliance;
      const peers = pgl ? data.benchPgMunicipalityPeers : m.peerComparison;
      const provincePeers = pgl ? peers.provincePeerCount : peers.province.peerCount;
      return `${adoptions.totalCount} adoptions, ${compliance.length} standards, ${peers.liveSolutionCount} LIVE, ${provincePeers} province peers`;
    }
  }
}
