import { readCsv, type CsvRow } from './csv.js';
import { ReferenceDataError } from './errors.js';
import type { MunicipalityRecord, ProvinceRecord } from './model.js';
import type { SourceDir } from './source.js';
import type { TooiOrganisation } from './tooi.js';

export const CURRENT_FILE = 'gemeenten_2025.csv';
export const PER_YEAR_FILE = 'gemeenten_per_jaar_2017_2025.csv';

export const MUNICIPALITY_CODE = /^GM\d{4}$/;
export const PROVINCE_CODE = /^PV(2\d|3[01])$/;
const TOOI_GEMEENTE_URI = /^https:\/\/identifier\.overheid\.nl\/tooi\/id\/gemeente\/gm\d{4}$/;

const tooiUriOf = (code: string) => `https://identifier.overheid.nl/tooi/id/gemeente/${code.toLowerCase()}`;
const provinceUriOf = (code: string) => `https://identifier.overheid.nl/tooi/id/provincie/${code.toLowerCase()}`;

interface Historic {
  row: CsvRow;
  code: string;
  official_name: string;
  province: string;
  begin: string | null;
  end: string | null;
  years: Set<number>;
}

/** Every municipality valid on some 1 January 2017–2025, as TOOI lists it (`gemeenten_per_jaar`). */
async function readPerYear(source: SourceDir): Promise<{ byCode: Map<string, Historic>; lastYear: number }> {
  const rows = readCsv(await source.read(PER_YEAR_FILE), [
    'jaar',
    'peildatum',
    'statcode',
    'tooi_officiele_naam',
    'provinciecode',
    'begindatum',
    'einddatum',
  ]);
  const byCode = new Map<string, Historic>();
  let lastYear = 0;
  for (const row of rows) {
    const year = row.int('jaar');
    if (row.date('peildatum') !== `${year}-01-01`)
      row.fail(`peildatum "${row.text('peildatum')}" is not 1 January ${year}`);
    const h: Historic = {
      row,
      code: row.code('statcode', MUNICIPALITY_CODE),
      official_name: row.text('tooi_officiele_naam'),
      province: row.code('provinciecode', PROVINCE_CODE),
      begin: row.optionalDate('begindatum'),
      end: row.optionalDate('einddatum'),
      years: new Set([year]),
    };
    if (h.end !== null && h.end < `${year}-01-01`) row.fail(`einddatum ${h.end} lies before 1 January ${year}`);
    const seen = byCode.get(h.code);
    if (!seen) {
      byCode.set(h.code, h);
    } else {
      for (const k of ['official_name', 'province', 'begin', 'end'] as const) {
        if (seen[k] !== h[k]) row.fail(`${h.code} has ${k} "${h[k]}" here but "${seen[k]}" on line ${seen.row.line}`);
      }
      if (seen.years.has(year)) row.fail(`${h.code} is listed twice for ${year}`);
      seen.years.add(year);
    }
    lastYear = Math.max(lastYear, year);
  }
  return { byCode, lastYear };
}

/**
 * Provinces and municipalities: the current ones from `gemeenten_2025.csv` (CBS name, population,
 * area), every municipality valid since 2017 from `gemeenten_per_jaar`, begin dates the year list
 * leaves empty from the TOOI value list where TOOI has one.
 */
export async function readMunicipalities(
  source: SourceDir,
  tooiGemeenten: Map<string, TooiOrganisation>,
  tooiProvincies: Map<string, TooiOrganisation>,
): Promise<{ provinces: ProvinceRecord[]; municipalities: MunicipalityRecord[] }> {
  const { byCode: historic, lastYear } = await readPerYear(source);
  const rows = readCsv(await source.read(CURRENT_FILE), [
    'statcode',
    'gemeentecode',
    'gemeentenaam',
    'tooi_officiele_naam',
    'provinciecode',
    'provincienaam',
    'inwoners',
    'inwoners_peildatum',
    'oppervlakte_land_ha',
    'oppervlakte_water_ha',
    'tooi_uri',
  ]);

  const provinces = new Map<string, ProvinceRecord & { line: number }>();
  const current = new Map<string, MunicipalityRecord>();
  for (const row of rows) {
    const code = row.code('statcode', MUNICIPALITY_CODE);
    if (current.has(code)) row.fail(`duplicate statcode ${code}`);
    if (`GM${row.text('gemeentecode')}` !== code)
      row.fail(`gemeentecode "${row.text('gemeentecode')}" does not match statcode ${code}`);
    const province = row.code('provinciecode', PROVINCE_CODE);
    const provinceName = row.text('provincienaam');
    const known = provinces.get(province);
    if (known && known.name !== provinceName)
      row.fail(`province ${province} is "${provinceName}" here but "${known.name}" on line ${known.line}`);
    if (!known) {
      provinces.set(province, {
        code: province,
        name: provinceName,
        tooi_uri: tooiProvincies.get(province)?.uri ?? provinceUriOf(province),
        line: row.line,
      });
    }
    const tooiUri = row.text('tooi_uri');
    if (!TOOI_GEMEENTE_URI.test(tooiUri) || tooiUri !== tooiUriOf(code))
      row.fail(`tooi_uri "${tooiUri}" is not the TOOI identifier of ${code}`);

    const h = historic.get(code);
    if (!h || !h.years.has(lastYear)) throw row.error(`${code} is not listed for ${lastYear} in ${PER_YEAR_FILE}`);
    if (h.end !== null) row.fail(`${code} ended on ${h.end} according to ${PER_YEAR_FILE}`);
    if (h.province !== province)
      row.fail(`provinciecode ${province} differs from ${h.province} in ${PER_YEAR_FILE} line ${h.row.line}`);
    current.set(code, {
      code,
      name: row.text('gemeentenaam'),
      official_name: row.text('tooi_officiele_naam'),
      province,
      population: row.int('inwoners'),
      population_date: row.date('inwoners_peildatum'),
      area_land_ha: row.int('oppervlakte_land_ha'),
      area_water_ha: row.int('oppervlakte_water_ha'),
      tooi_uri: tooiUri,
      valid_from: h.begin ?? tooiGemeenten.get(code)?.begindatum ?? null,
      valid_to: null,
    });
  }

  const municipalities: MunicipalityRecord[] = [];
  for (const h of historic.values()) {
    const cur = current.get(h.code);
    if (cur) {
      municipalities.push(cur);
      continue;
    }
    if (h.years.has(lastYear) && h.end === null)
      h.row.fail(`${h.code} is current in ${lastYear} but missing from ${CURRENT_FILE}`);
    if (!provinces.has(h.province)) h.row.fail(`province ${h.province} does not occur in ${CURRENT_FILE}`);
    municipalities.push({
      code: h.code,
      name: h.official_name,
      official_name: h.official_name,
      province: h.province,
      population: null,
      population_date: null,
      area_land_ha: null,
      area_water_ha: null,
      tooi_uri: tooiGemeenten.get(h.code)?.uri ?? tooiUriOf(h.code),
      valid_from: h.begin ?? tooiGemeenten.get(h.code)?.begindatum ?? null,
      valid_to: h.end,
    });
  }
  for (const m of municipalities) {
    if (m.valid_from !== null && m.valid_to !== null && m.valid_to < m.valid_from) {
      throw new ReferenceDataError(
        PER_YEAR_FILE,
        historic.get(m.code)!.row.line,
        `${m.code} ends (${m.valid_to}) before it begins (${m.valid_from})`,
      );
    }
  }
  const provinceList = [...provinces.values()]
    .map(({ line: _line, ...p }) => p)
    .sort((a, b) => a.code.localeCompare(b.code));
  return { provinces: provinceList, municipalities: municipalities.sort((a, b) => a.code.localeCompare(b.code)) };
}
