import { readCsv } from './csv.js';
import { ReferenceDataError } from './errors.js';
import type { MunicipalityRecord, ProvinceRecord, RegionKind, RegionRecord } from './model.js';
import { MUNICIPALITY_CODE } from './municipalities.js';
import type { SourceDir } from './source.js';

export const REGIONS_FILE = 'gemeente_regios_2025.csv';

/** The region classifications of `gemeente_regios_2025.csv`, besides the province. */
const CLASSIFICATIONS: { kind: RegionKind; code: string; name: string; pattern: RegExp }[] = [
  { kind: 'COROP', code: 'corop_code', name: 'corop_naam', pattern: /^CR\d{2}$/ },
  { kind: 'SAFETY_REGION', code: 'veiligheidsregio_code', name: 'veiligheidsregio_naam', pattern: /^VR\d{2}$/ },
  { kind: 'GGD_REGION', code: 'ggdregio_code', name: 'ggdregio_naam', pattern: /^GG\d{4}$/ },
  {
    kind: 'LABOUR_MARKET_REGION',
    code: 'arbeidsmarktregio_code',
    name: 'arbeidsmarktregio_naam',
    pattern: /^AM\d{2}$/,
  },
];

/**
 * One PROVINCE region per province, and the COROP, safety, GGD and labour-market regions with
 * their members. Every current municipality must be in exactly one region of each kind.
 */
export async function readRegions(
  source: SourceDir,
  provinces: ProvinceRecord[],
  municipalities: MunicipalityRecord[],
): Promise<RegionRecord[]> {
  const current = new Map(municipalities.filter((m) => m.valid_to === null).map((m) => [m.code, m]));
  const rows = readCsv(await source.read(REGIONS_FILE), [
    'statcode',
    'provinciecode',
    ...CLASSIFICATIONS.flatMap((c) => [c.code, c.name]),
  ]);

  const regions = new Map<string, RegionRecord & { line: number }>();
  const seen = new Set<string>();
  for (const p of provinces)
    regions.set(`PROVINCE ${p.code}`, { kind: 'PROVINCE', code: p.code, name: p.name, members: [], line: 0 });

  for (const row of rows) {
    const code = row.code('statcode', MUNICIPALITY_CODE);
    const m = current.get(code);
    if (!m) throw row.error(`${code} is not a current municipality`);
    if (seen.has(code)) row.fail(`${code} is listed twice`);
    seen.add(code);
    if (row.text('provinciecode') !== m.province)
      row.fail(`provinciecode ${row.text('provinciecode')} differs from ${m.province}`);
    regions.get(`PROVINCE ${m.province}`)!.members.push(code);
    for (const c of CLASSIFICATIONS) {
      const regionCode = row.code(c.code, c.pattern);
      const name = row.text(c.name);
      const key = `${c.kind} ${regionCode}`;
      const region = regions.get(key);
      if (region && region.name !== name)
        row.fail(`${c.name} "${name}" differs from "${region.name}" on line ${region.line} for ${regionCode}`);
      if (region) region.members.push(code);
      else regions.set(key, { kind: c.kind, code: regionCode, name, members: [code], line: row.line });
    }
  }
  const missing = [...current.keys()].filter((c) => !seen.has(c));
  if (missing.length > 0) throw new ReferenceDataError(REGIONS_FILE, undefined, `no regions for ${missing.join(', ')}`);
  return [...regions.values()].map(({ line: _line, ...r }) => r);
}
