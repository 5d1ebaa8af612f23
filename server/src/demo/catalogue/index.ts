import { initiatives, planAdoptedOn, planYears } from './initiatives.js';
import { organisations, regions } from './organisations.js';
import { serviceSolutions } from './solutions-services.js';
import { softwareSolutions } from './solutions-software.js';
import { standards } from './standards.js';
import type { SolutionDef } from './types.js';

export * from './types.js';
export { initiatives, organisations, planAdoptedOn, planYears, regions, standards };

export const solutions: SolutionDef[] = [...softwareSolutions, ...serviceSolutions];

/** The organisation whose presence marks a database that already holds the demo catalogue. */
export const MARKER_ORGANISATION = 'taskforce-samen-organiseren';
