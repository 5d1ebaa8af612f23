import type { Logger } from '../logger.js';
import { BOUNDARY_FILE_COUNT, readBoundaries } from './boundaries.js';
import type { ReferenceData } from './model.js';
import { CURRENT_FILE, PER_YEAR_FILE, readMunicipalities } from './municipalities.js';
import { readRegions, REGIONS_FILE } from './regions.js';
import type { SourceDir } from './source.js';
import { AREA_SHARES_FILE, readSuccessions, SUCCESSIONS_FILE } from './successions.js';
import { readTooiGemeenten, readTooiProvincies, TOOI_GEMEENTEN_FILE, TOOI_PROVINCIES_FILE } from './tooi.js';

/** Files read before the boundary files, for progress reporting. */
export const READ_STEPS = 4 + BOUNDARY_FILE_COUNT;

/**
 * Reads and validates every reference file in `source`, without touching a database; throws a
 * ReferenceDataError for the first file that is missing or wrong.
 */
export async function readReferenceData(
  source: SourceDir,
  log: Logger,
  progress: (step: string) => void,
): Promise<ReferenceData> {
  const tooiGemeenten = await readTooiGemeenten(source);
  const tooiProvincies = await readTooiProvincies(source);
  log.info(
    {
      files: [TOOI_GEMEENTEN_FILE, TOOI_PROVINCIES_FILE],
      gemeenten: tooiGemeenten.size,
      provincies: tooiProvincies.size,
    },
    'read TOOI value lists',
  );
  progress('read TOOI value lists');

  const { provinces, municipalities } = await readMunicipalities(source, tooiGemeenten, tooiProvincies);
  log.info(
    {
      files: [CURRENT_FILE, PER_YEAR_FILE],
      provinces: provinces.length,
      municipalities: municipalities.length,
      current: municipalities.filter((m) => m.valid_to === null).length,
    },
    'read municipalities',
  );
  progress('read municipalities');

  const regions = await readRegions(source, provinces, municipalities);
  log.info(
    { file: REGIONS_FILE, regions: regions.length, memberships: regions.reduce((n, r) => n + r.members.length, 0) },
    'read regions',
  );
  progress('read regions');

  const successions = await readSuccessions(source, municipalities);
  log.info(
    { files: [SUCCESSIONS_FILE, AREA_SHARES_FILE], successions: successions.length },
    'read municipal reorganisations',
  );
  progress('read municipal reorganisations');

  const boundaries = await readBoundaries(source, municipalities, regions, (file) => {
    log.info({ file }, 'read boundaries');
    progress(`read ${file}`);
  });
  return { provinces, municipalities, regions, successions, boundaries };
}
