import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../pagination.js';
import { DateScalar } from '../scalars.js';
import type { SolutionRow } from './solution.rows.js';

export enum SolutionKind {
  SOFTWARE = 'SOFTWARE',
  SHARED_SERVICE = 'SHARED_SERVICE',
  PROCESS = 'PROCESS',
  CONTRACT = 'CONTRACT',
  KNOWLEDGE = 'KNOWLEDGE',
}
registerEnumType(SolutionKind, {
  name: 'SolutionKind',
  description: 'What kind of thing a shared solution is.',
  valuesConfig: {
    SOFTWARE: { description: 'Software a municipality installs or uses (open source or licensed).' },
    SHARED_SERVICE: { description: 'A service run once for many municipalities (voorziening).' },
    PROCESS: { description: 'A standard way of working, a process model or a reference architecture.' },
    CONTRACT: { description: 'A framework agreement or joint procurement municipalities can join.' },
    KNOWLEDGE: { description: 'A handbook, template or other shared knowledge product.' },
  },
});

export enum SolutionLifecycle {
  IN_DEVELOPMENT = 'IN_DEVELOPMENT',
  PILOT = 'PILOT',
  AVAILABLE = 'AVAILABLE',
  IN_MANAGEMENT = 'IN_MANAGEMENT',
  DEPRECATED = 'DEPRECATED',
  RETIRED = 'RETIRED',
}
registerEnumType(SolutionLifecycle, {
  name: 'SolutionLifecycle',
  description: 'Where a solution is in its life, from development to retirement.',
  valuesConfig: {
    IN_DEVELOPMENT: { description: 'Being built; not yet available to adopt.' },
    PILOT: { description: 'Tried out by pioneer municipalities.' },
    AVAILABLE: { description: 'Ready for any municipality to adopt.' },
    IN_MANAGEMENT: { description: 'Available and in structural (joint) management (beheer).' },
    DEPRECATED: { description: 'Still in use but no longer recommended; a successor exists or is coming.' },
    RETIRED: { description: 'No longer available or supported.' },
  },
});

@ObjectType({
  description:
    'A shared solution (oplossing / voorziening) produced for reuse, usually by an initiative or by one municipality ("developed once, used by many").',
})
export class Solution {
  @Field(() => ID, { description: 'Stable identifier: the slug, e.g. `open-formulieren`.' })
  id: string;

  @Field(() => String, { description: 'URL-safe unique name (lowercase letters, digits and hyphens).' })
  slug: string;

  @Field(() => String, { description: 'Display name.' })
  name: string;

  @Field(() => String, { description: 'What the solution does and for whom.' })
  description: string;

  @Field(() => SolutionKind, { description: 'Kind of solution.' })
  kind: SolutionKind;

  @Field(() => SolutionLifecycle, { description: 'Current lifecycle stage.' })
  lifecycle: SolutionLifecycle;

  @Field(() => String, {
    nullable: true,
    description: 'Licence, as an SPDX identifier where one applies (e.g. `EUPL-1.2`); null when unknown.',
  })
  licence: string | null;

  @Field(() => String, { nullable: true, description: 'Source repository URL, for open source software.' })
  repositoryUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Public web page of the solution.' })
  website: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the solution first became available; null when unknown.',
  })
  launchedOn: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'One-off cost of developing the solution, in euros; null when unknown. With `implementationCostEur` it lets a reader estimate the saving of reuse.',
  })
  developmentCostEur: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Typical cost for one municipality to implement the solution, in euros; null when unknown.',
  })
  implementationCostEur: number | null;

  @Field(() => Int, { description: 'Record version, incremented by every change (optimistic concurrency).' })
  version: number;

  dbId: number;
  initiativeDbId: number | null;
  originMunicipalityDbId: number | null;
  maintainerDbId: number | null;

  static from(row: SolutionRow): Solution {
    return Object.assign(new Solution(), {
      id: row.slug,
      slug: row.slug,
      name: row.name,
      description: row.description,
      kind: row.kind as SolutionKind,
      lifecycle: row.lifecycle as SolutionLifecycle,
      licence: row.licence,
      repositoryUrl: row.repository_url,
      website: row.website,
      launchedOn: row.launched_on,
      developmentCostEur: row.development_cost_eur === null ? null : Number(row.development_cost_eur),
      implementationCostEur: row.implementation_cost_eur === null ? null : Number(row.implementation_cost_eur),
      version: row.version,
      dbId: row.id,
      initiativeDbId: row.initiative_id,
      originMunicipalityDbId: row.origin_municipality_id,
      maintainerDbId: row.maintainer_organisation_id,
    });
  }
}

@InputType({ description: 'Narrows a solution list. All given conditions must hold.' })
export class SolutionFilter {
  @Field(() => [SolutionKind], { nullable: true, description: 'Only solutions of one of these kinds.' })
  kind?: SolutionKind[] | null;

  @Field(() => [SolutionLifecycle], { nullable: true, description: 'Only solutions in one of these lifecycle stages.' })
  lifecycle?: SolutionLifecycle[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only solutions that implement this standard, by slug (e.g. `zgw-apis`).',
  })
  standardSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Only solutions produced by this initiative, by slug.' })
  initiativeSlug?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only solutions whose name, slug or description contains this text (case-insensitive).',
  })
  search?: string | null;
}

export const { Connection: SolutionConnection, Edge: SolutionEdge } = connectionTypes(
  Solution,
  'Solution',
  'A page of solutions, ordered by name (then slug).',
);
export type SolutionConnection = InstanceType<typeof SolutionConnection>;
