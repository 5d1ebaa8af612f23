import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Provenance } from '../adoption/adoption.types.js';
import { DateTimeScalar } from '../adoption/adoption.scalars.js';
import { connectionTypes } from '../pagination.js';
import { DateScalar } from '../scalars.js';
import { Solution } from '../solution/solution.types.js';
import type { ComplianceRow, ImplementationRow, StandardRow, StandardVersionRow } from './standard.rows.js';

export enum StandardStatus {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
  APPLY_OR_EXPLAIN = 'APPLY_OR_EXPLAIN',
  DEPRECATED = 'DEPRECATED',
}
registerEnumType(StandardStatus, {
  name: 'StandardStatus',
  description: 'The formal status of a standard.',
  valuesConfig: {
    DRAFT: { description: 'Being written or consulted on; not yet adopted.' },
    ADOPTED: { description: 'Adopted by the VNG board (or the ALV) as the municipal standard.' },
    APPLY_OR_EXPLAIN: {
      description: 'On the Forum Standaardisatie "pas toe of leg uit" list: apply it or explain why not.',
    },
    DEPRECATED: { description: 'Withdrawn or superseded; do not use for new work.' },
  },
});

export enum StandardVersionStatus {
  DRAFT = 'DRAFT',
  CURRENT = 'CURRENT',
  SUPERSEDED = 'SUPERSEDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(StandardVersionStatus, {
  name: 'StandardVersionStatus',
  description: 'The status of one version of a standard.',
  valuesConfig: {
    DRAFT: { description: 'A version being prepared.' },
    CURRENT: { description: 'The version to implement now.' },
    SUPERSEDED: { description: 'Replaced by a later version, still valid during a transition.' },
    WITHDRAWN: { description: 'No longer valid.' },
  },
});

export enum ComplianceStatus {
  COMPLIANT = 'COMPLIANT',
  PARTIAL = 'PARTIAL',
  PLANNED = 'PLANNED',
  EXPLAINED = 'EXPLAINED',
  NOT_COMPLIANT = 'NOT_COMPLIANT',
}
registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  description: 'What a municipality declares about a standard.',
  valuesConfig: {
    COMPLIANT: { description: 'The municipality complies with the standard.' },
    PARTIAL: { description: 'The municipality complies in part.' },
    PLANNED: { description: 'Compliance is planned, before `deadline`.' },
    EXPLAINED: {
      description: '"Leg uit": the municipality does not apply the standard and says why in `explanation`.',
    },
    NOT_COMPLIANT: { description: 'The municipality does not comply.' },
  },
});

@ObjectType({
  description: 'A standard (standaard) municipalities implement, e.g. an API specification or an information model.',
})
export class Standard {
  @Field(() => ID, { description: 'Stable identifier: the slug, e.g. `zgw-apis`.' })
  id: string;

  @Field(() => String, { description: 'URL-safe unique name (lowercase letters, digits and hyphens).' })
  slug: string;

  @Field(() => String, { description: 'Name of the standard.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the standard is about.' })
  description: string | null;

  @Field(() => String, { description: 'Domain the standard belongs to, e.g. `zaakgericht werken`.' })
  domain: string;

  @Field(() => StandardStatus, { description: 'Formal status.' })
  status: StandardStatus;

  @Field(() => String, { nullable: true, description: 'Web page of the standard (specification).' })
  url: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the adoption decision; null when not adopted.' })
  adoptedOn: string | null;

  @Field(() => Int, { description: 'Record version, incremented by every change (optimistic concurrency).' })
  version: number;

  dbId: number;
  ownerDbId: number | null;

  static from(row: StandardRow): Standard {
    return Object.assign(new Standard(), {
      id: row.slug,
      slug: row.slug,
      name: row.name,
      description: row.description,
      domain: row.domain,
      status: row.status as StandardStatus,
      url: row.url,
      adoptedOn: row.adopted_on,
      version: row.version,
      dbId: row.id,
      ownerDbId: row.owner_organisation_id,
    });
  }
}

@ObjectType({ description: 'One version of a standard.' })
export class StandardVersion {
  @Field(() => ID, { description: 'Stable identifier: `STANDARD_SLUG:LABEL`, e.g. `zgw-apis:1.5`.' })
  id: string;

  @Field(() => String, { description: 'Version label as the standard’s owner writes it, e.g. `1.5.0`.' })
  label: string;

  @Field(() => StandardVersionStatus, { description: 'Status of this version.' })
  status: StandardVersionStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Release date; null when unknown.' })
  releasedOn: string | null;

  dbId: number;
  standardDbId: number;

  static from(row: StandardVersionRow): StandardVersion {
    return Object.assign(new StandardVersion(), {
      id: `${row.standard_slug}:${row.version_label}`,
      label: row.version_label,
      status: row.status as StandardVersionStatus,
      releasedOn: row.released_on,
      dbId: row.id,
      standardDbId: row.standard_id,
    });
  }
}

@ObjectType({ description: 'A solution implements a standard, optionally a specific version of it.' })
export class StandardImplementation {
  @Field(() => Solution, { description: 'The implementing solution.' })
  solution: Solution;

  @Field(() => Standard, { description: 'The implemented standard.' })
  standard: Standard;

  @Field(() => StandardVersion, { nullable: true, description: 'The version implemented; null when not specified.' })
  version: StandardVersion | null;

  static from(row: ImplementationRow): StandardImplementation {
    return Object.assign(new StandardImplementation(), {
      solution: Solution.from(row.solution),
      standard: Standard.from(row.standard),
      version: row.standard_version ? StandardVersion.from(row.standard_version) : null,
    });
  }
}

@ObjectType({ description: 'What a municipality declares about its compliance with a standard (pas toe of leg uit).' })
export class StandardCompliance {
  @Field(() => ID, { description: 'Stable identifier: `MUNICIPALITY_CODE:STANDARD_SLUG`.' })
  id: string;

  @Field(() => ComplianceStatus, { description: 'Declared status.' })
  status: ComplianceStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The "leg uit" reason; always present when status is EXPLAINED.',
  })
  explanation: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date by which compliance is planned; always present when status is PLANNED.',
  })
  deadline: string | null;

  @Field(() => Provenance, { description: 'Who vouches for the declaration.' })
  provenance: Provenance;

  @Field(() => DateTimeScalar, { description: 'When the declaration was made.' })
  declaredAt: Date;

  @Field(() => DateTimeScalar, {
    description: 'When the declaration was last confirmed; old values mean a stale fact.',
  })
  lastConfirmedAt: Date;

  @Field(() => Boolean, { description: 'True for generated demonstration data.' })
  isDemo: boolean;

  @Field(() => Int, { description: 'Record version, incremented by every change (optimistic concurrency).' })
  version: number;

  municipalityDbId: number;
  standardDbId: number;

  static from(row: ComplianceRow): StandardCompliance {
    return Object.assign(new StandardCompliance(), {
      id: `${row.municipality_code}:${row.standard_slug}`,
      status: row.status as ComplianceStatus,
      explanation: row.explanation,
      deadline: row.deadline,
      provenance: row.provenance as Provenance,
      declaredAt: row.declared_at,
      lastConfirmedAt: row.last_confirmed_at,
      isDemo: row.is_demo,
      version: row.version,
      municipalityDbId: row.municipality_id,
      standardDbId: row.standard_id,
    });
  }
}

@InputType({ description: 'Narrows a standard list. All given conditions must hold.' })
export class StandardFilter {
  @Field(() => [StandardStatus], { nullable: true, description: 'Only standards with one of these statuses.' })
  status?: StandardStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Only standards of this domain (exact, case-insensitive).' })
  domain?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only standards whose name, slug or description contains this text (case-insensitive).',
  })
  search?: string | null;
}

export const { Connection: StandardConnection, Edge: StandardEdge } = connectionTypes(
  Standard,
  'Standard',
  'A page of standards, ordered by name (then slug).',
);
export type StandardConnection = InstanceType<typeof StandardConnection>;

export const { Connection: StandardComplianceConnection, Edge: StandardComplianceEdge } = connectionTypes(
  StandardCompliance,
  'StandardCompliance',
  'A page of compliance declarations, ordered by municipality code.',
);
export type StandardComplianceConnection = InstanceType<typeof StandardComplianceConnection>;
