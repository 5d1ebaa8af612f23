import { readCsv } from './csv.js';
import type { MunicipalityRecord, SuccessionKind, SuccessionRecord } from './model.js';
import { MUNICIPALITY_CODE } from './municipalities.js';
import type { SourceDir } from './source.js';

export const SUCCESSIONS_FILE = 'gemeentelijke_herindelingen_tooi.csv';
export const AREA_SHARES_FILE = 'gemeente_overgangen_oppervlakte_2017_2024.csv';

/** From this date every reorganisation must be importable (both municipalities in our table). */
const COMPLETE_FROM = '2018-01-01';

/**
 * TOOI v4 lists only Leeuwarden and Súdwest-Fryslân as successors of Littenseradiel (GM0140) on
 * 2018-01-01, but about 15% of its area went to the newly
 * created Waadhoeke (GM1949), as the CBS area crosswalk (and the data README) shows. Without this link, adoptions of
 * Littenseradiel would not reach Waadhoeke. It is added only while TOOI still lacks it.
 */
const TOOI_OMISSIONS: SuccessionRecord[] = [
  {
    predecessor: 'GM0140',
    successor: 'GM1949',
    effective_date: '2018-01-01',
    kind: 'SPLIT',
    successor_is_new: true,
    area_share: 0.15,
    tooi_change_uri: null,
  },
];

const KINDS: Record<string, SuccessionKind> = {
  Samenvoeging: 'MERGER',
  Uitbreiding: 'ABSORPTION',
  Herschikking: 'REARRANGEMENT',
};

/** Area share of each (old code, new code) pair in the CBS map crosswalk. */
async function readAreaShares(source: SourceDir): Promise<Map<string, number>> {
  const rows = readCsv(await source.read(AREA_SHARES_FILE), [
    'oude_statcode',
    'nieuwe_statcode',
    'aandeel_oppervlakte',
  ]);
  const shares = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.code('oude_statcode', MUNICIPALITY_CODE)} ${row.code('nieuwe_statcode', MUNICIPALITY_CODE)}`;
    if (shares.has(key)) row.fail(`duplicate transition ${key}`);
    shares.set(key, Math.round(row.share('aandeel_oppervlakte') * 1000) / 1000);
  }
  return shares;
}

/**
 * The reorganisations between municipalities we hold: a split (a predecessor with several
 * successors) is SPLIT whatever TOOI calls it; otherwise Samenvoeging → MERGER, Uitbreiding →
 * ABSORPTION, Herschikking → REARRANGEMENT. The effective date is TOOI's `datum_ingang`.
 */
export async function readSuccessions(
  source: SourceDir,
  municipalities: MunicipalityRecord[],
): Promise<SuccessionRecord[]> {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const shares = await readAreaShares(source);
  const rows = readCsv(await source.read(SUCCESSIONS_FILE), [
    'datum_ingang',
    'wijzigingstype',
    'oude_statcode',
    'oude_einddatum',
    'nieuwe_statcode',
    'nieuwe_gemeente_nieuw_ingesteld',
    'tooi_wijziging_uri',
    'aantal_opvolgers_in_tooi',
  ]);
  const result = new Map<string, SuccessionRecord>();
  for (const row of rows) {
    const date = row.date('datum_ingang');
    const type = row.oneOf('wijzigingstype', Object.keys(KINDS));
    const oldCode = row.code('oude_statcode', MUNICIPALITY_CODE);
    const newCode = row.code('nieuwe_statcode', MUNICIPALITY_CODE);
    const isNew = row.oneOf('nieuwe_gemeente_nieuw_ingesteld', ['ja', 'nee']) === 'ja';
    const successors = row.int('aantal_opvolgers_in_tooi', 1);
    const oldEnd = row.date('oude_einddatum');
    const changeUri = row.optionalText('tooi_wijziging_uri');
    const predecessor = byCode.get(oldCode);
    const successor = byCode.get(newCode);
    if (!predecessor || !successor) {
      if (date >= COMPLETE_FROM) row.fail(`${predecessor ? newCode : oldCode} is not a municipality valid since 2017`);
      continue;
    }
    if (oldCode === newCode) row.fail(`${oldCode} succeeds itself`);
    if (predecessor.valid_to !== oldEnd)
      row.fail(`oude_einddatum ${oldEnd} differs from the end date ${predecessor.valid_to} of ${oldCode}`);
    const key = `${oldCode} ${newCode}`;
    if (result.has(key)) row.fail(`duplicate succession ${key}`);
    result.set(key, {
      predecessor: oldCode,
      successor: newCode,
      effective_date: date,
      kind: successors > 1 ? 'SPLIT' : KINDS[type]!,
      successor_is_new: isNew,
      area_share: shares.get(key) ?? null,
      tooi_change_uri: changeUri,
    });
  }
  for (const omission of TOOI_OMISSIONS) {
    const key = `${omission.predecessor} ${omission.successor}`;
    if (!result.has(key) && byCode.has(omission.predecessor) && byCode.has(omission.successor)) {
      result.set(key, { ...omission, area_share: shares.get(key) ?? omission.area_share });
    }
  }
  return [...result.values()].sort(
    (a, b) =>
      a.effective_date.localeCompare(b.effective_date) ||
      a.predecessor.localeCompare(b.predecessor) ||
      a.successor.localeCompare(b.successor),
  );
}
