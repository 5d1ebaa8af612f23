import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { AdoptionMutations } from './adoption/adoption.mutations.js';
import { FeedResolver } from './feed/feed.resolver.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { applyPolicy } from './identity/policy.js';
import { callFieldResolversDirectly } from './performance/direct-resolvers.js';
import { InitiativeMutations } from './initiative/initiative.mutations.js';
import { SolutionMutations } from './solution/solution.mutations.js';
import { StandardMutations } from './standard/standard.mutations.js';
import { AdoptionEventResolver, AdoptionResolver } from './adoption/adoption.resolver.js';
import { MunicipalityResolver } from './geography/municipality.resolver.js';
import { RegionResolver } from './geography/region.resolver.js';
import {
  DecisionResolver,
  FundingLineResolver,
  InitiativeParticipantResolver,
  InitiativeResolver,
} from './initiative/initiative.resolver.js';
import { OrganisationResolver } from './organisation/organisation.resolver.js';
import { SolutionResolver } from './solution/solution.resolver.js';
import { StandardComplianceResolver, StandardResolver, StandardVersionResolver } from './standard/standard.resolver.js';
import {
  ComplianceEntryResolver,
  MunicipalityProfileResolver,
  PeerSolutionResolver,
} from './uptake/profile.resolver.js';
import { SolutionReuseResolver } from './uptake/reuse.resolver.js';
import { TimelineResolver } from './uptake/timeline.resolver.js';
import { RegionComparisonCellResolver, UptakeResolver, UptakeRowResolver } from './uptake/uptake.resolver.js';

/** Every resolver of the API. */
export const resolvers = [
  MunicipalityResolver,
  RegionResolver,
  SolutionResolver,
  StandardResolver,
  StandardVersionResolver,
  StandardComplianceResolver,
  InitiativeResolver,
  DecisionResolver,
  FundingLineResolver,
  InitiativeParticipantResolver,
  OrganisationResolver,
  AdoptionResolver,
  AdoptionEventResolver,
  UptakeResolver,
  UptakeRowResolver,
  RegionComparisonCellResolver,
  TimelineResolver,
  MunicipalityProfileResolver,
  ComplianceEntryResolver,
  PeerSolutionResolver,
  SolutionReuseResolver,
  // writes, identity and trust
  IdentityResolver,
  AdoptionMutations,
  StandardMutations,
  InitiativeMutations,
  SolutionMutations,
  FeedResolver,
] as const;

/** The schema as TypeGraphQL builds it from `resolvers`, before the rewiring of createSchema. */
export function buildResolverSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: true, emitSchemaFile: false });
}

export async function createSchema(): Promise<GraphQLSchema> {
  // A field without a @FieldResolver reads a property of its parent. By default TypeGraphQL still
  // gives each one a resolver (for middlewares, which we do not use); without it graphql-jit
  // compiles the read inline, which makes a 100-row answer cheaper (measured with `pnpm bench`).
  // Authorization does not depend on this: applyPolicy wraps the non-public fields below.
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  const schema = await buildResolverSchema();
  // Before applyPolicy, which must stay the outermost wrapper of the fields it guards.
  callFieldResolversDirectly(schema);
  // applyPolicy: every mutation and non-public field passes identity/policy.ts first.
  return applyPolicy(schema);
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
