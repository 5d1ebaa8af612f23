import type { InitiativeStage } from '../gql/graphql';

/** The path an initiative takes when it goes ahead, in order. */
export const PIPELINE: readonly InitiativeStage[] = [
  'SUBMITTED',
  'ASSESSED',
  'ADVISED',
  'ADOPTED',
  'IN_DEVELOPMENT',
  'SCALING',
  'IN_MANAGEMENT',
];

/** Where an initiative ends when it does not go ahead. */
export const ENDED: readonly InitiativeStage[] = ['REJECTED', 'STOPPED'];

export const isEnded = (stage: InitiativeStage) => ENDED.includes(stage);

/** The first year with GGU initiatives; the year filter offers this year up to next year. */
export const FIRST_YEAR = 2017;

export function yearOptions(now: Date = new Date()): number[] {
  const years: number[] = [];
  for (let year = now.getFullYear() + 1; year >= FIRST_YEAR; year--) years.push(year);
  return years;
}
