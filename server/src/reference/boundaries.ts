import { ReferenceDataError } from './errors.js';
import {
  validOn,
  type BoundaryLevel,
  type BoundaryRecord,
  type MunicipalityRecord,
  type RegionRecord,
} from './model.js';
import type { SourceDir } from './source.js';

/** The generalised boundary files: level, year, file, and the region kind whose codes they carry. */
const BOUNDARY_FILES: { level: BoundaryLevel; year: number; file: string }[] = [
  ...[2017, 2018, 2019, 2021, 2022, 2025].map((year) => ({
    level: 'MUNICIPALITY' as const,
    year,
    file: `cbs_gemeente_${year}_gegeneraliseerd.topojson`,
  })),
  { level: 'PROVINCE', year: 2025, file: 'cbs_provincie_2025_gegeneraliseerd.topojson' },
  { level: 'SAFETY_REGION', year: 2025, file: 'cbs_veiligheidsregio_2025_gegeneraliseerd.topojson' },
  { level: 'GGD_REGION', year: 2025, file: 'cbs_ggdregio_2025_gegeneraliseerd.topojson' },
  { level: 'LABOUR_MARKET_REGION', year: 2025, file: 'cbs_arbeidsmarktregio_2025_gegeneraliseerd.topojson' },
];

export const BOUNDARY_FILE_COUNT = BOUNDARY_FILES.length;

/** The geometry ids of a TopoJSON Topology; throws unless the text is one. */
export function topologyIds(file: string, text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ReferenceDataError(file, undefined, `is not valid JSON (${(err as Error).message})`);
  }
  const topo = value as { type?: unknown; objects?: unknown; arcs?: unknown };
  if (typeof topo !== 'object' || topo === null || topo.type !== 'Topology') {
    throw new ReferenceDataError(file, undefined, 'is not a TopoJSON Topology (type must be "Topology")');
  }
  if (!Array.isArray(topo.arcs)) throw new ReferenceDataError(file, undefined, 'has no arcs array');
  const objects = Object.entries((topo.objects ?? {}) as Record<string, { type?: unknown; geometries?: unknown }>);
  if (objects.length === 0) throw new ReferenceDataError(file, undefined, 'has no objects');
  const ids: string[] = [];
  for (const [name, object] of objects) {
    if (object?.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
      throw new ReferenceDataError(file, undefined, `object ${name} is not a GeometryCollection`);
    }
    for (const g of object.geometries as { id?: unknown; type?: unknown }[]) {
      if (typeof g?.id !== 'string' || typeof g.type !== 'string') {
        throw new ReferenceDataError(file, undefined, `object ${name} has a geometry without a string id and type`);
      }
      ids.push(g.id);
    }
  }
  return ids;
}

function compareIds(file: string, ids: string[], expected: string[], what: string): void {
  const have = new Set(ids);
  const want = new Set(expected);
  const missing = expected.filter((c) => !have.has(c));
  const extra = [...have].filter((c) => !want.has(c));
  if (missing.length > 0 || extra.length > 0 || have.size !== ids.length) {
    const parts = [
      missing.length > 0 ? `missing ${missing.slice(0, 10).join(', ')}` : '',
      extra.length > 0 ? `unexpected ${extra.slice(0, 10).join(', ')}` : '',
      have.size !== ids.length ? 'duplicate ids' : '',
    ].filter(Boolean);
    throw new ReferenceDataError(file, undefined, `geometries do not match ${what}: ${parts.join('; ')}`);
  }
}

/**
 * Reads every boundary file as-is and checks that it is a Topology whose geometry ids are exactly
 * the municipalities valid on 1 January of its year, or the regions of its level.
 */
export async function readBoundaries(
  source: SourceDir,
  municipalities: MunicipalityRecord[],
  regions: RegionRecord[],
  onFile?: (file: string) => void,
): Promise<BoundaryRecord[]> {
  const result: BoundaryRecord[] = [];
  for (const b of BOUNDARY_FILES) {
    const file = await source.read(b.file);
    const ids = topologyIds(b.file, file.text);
    if (b.level === 'MUNICIPALITY') {
      const date = `${b.year}-01-01`;
      compareIds(
        b.file,
        ids,
        municipalities.filter((m) => validOn(m, date)).map((m) => m.code),
        `the municipalities valid on ${date}`,
      );
    } else {
      compareIds(
        b.file,
        ids,
        regions.filter((r) => r.kind === b.level).map((r) => r.code),
        `the ${b.level} regions`,
      );
    }
    result.push({ level: b.level, year: b.year, topojson: file.text, sha256: file.sha256, source_file: b.file });
    onFile?.(b.file);
  }
  return result;
}
