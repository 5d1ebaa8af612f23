import type { InitiativeStage } from '../gql/graphql';

/**
 * The stages an initiative may move to from each stage, as the server enforces them
 * (server/src/initiative/initiative.write.ts): one step forward, or out to REJECTED before
 * adoption and STOPPED after. The form offers only these; the server remains the judge.
 */
export const STAGE_TRANSITIONS: Readonly<Record<InitiativeStage, readonly InitiativeStage[]>> = {
  SUBMITTED: ['ASSESSED', 'REJECTED'],
  ASSESSED: ['ADVISED', 'REJECTED'],
  ADVISED: ['ADOPTED', 'REJECTED'],
  ADOPTED: ['IN_DEVELOPMENT', 'STOPPED'],
  IN_DEVELOPMENT: ['SCALING', 'STOPPED'],
  SCALING: ['IN_MANAGEMENT', 'STOPPED'],
  IN_MANAGEMENT: ['STOPPED'],
  REJECTED: [],
  STOPPED: [],
};
