import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../pagination.js';
import type { OrganisationRow } from './organisation.rows.js';

export enum OrganisationKind {
  VNG = 'VNG',
  VNG_REALISATIE = 'VNG_REALISATIE',
  TASKFORCE = 'TASKFORCE',
  CVD = 'CVD',
  IBD = 'IBD',
  UMBRELLA_ASSOCIATION = 'UMBRELLA_ASSOCIATION',
  SUPPLIER = 'SUPPLIER',
  CHAIN_PARTNER = 'CHAIN_PARTNER',
  COOPERATION = 'COOPERATION',
  GOVERNMENT = 'GOVERNMENT',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of body an organisation is.',
  valuesConfig: {
    VNG: { description: 'The Vereniging van Nederlandse Gemeenten (association of municipalities).' },
    VNG_REALISATIE: { description: 'VNG Realisatie, which builds and manages joint solutions.' },
    TASKFORCE: { description: 'The GGU Taskforce, which assesses submitted initiatives.' },
    CVD: { description: 'The Commissie van Dienstverlening (CvD), which advises on initiatives.' },
    IBD: { description: 'The Informatiebeveiligingsdienst voor gemeenten.' },
    UMBRELLA_ASSOCIATION: {
      description: 'An umbrella association of municipal professionals (VDP, IMG 100.000+, VIAG, FAMO).',
    },
    SUPPLIER: { description: 'A supplier of software or services.' },
    CHAIN_PARTNER: { description: 'A chain partner (ketenpartner) such as a national agency.' },
    COOPERATION: { description: 'A cooperation of municipalities (samenwerkingsverband) as an organisation.' },
    GOVERNMENT: { description: 'Another government body, e.g. a ministry.' },
    OTHER: { description: 'Any other organisation.' },
  },
});

@ObjectType({ description: 'A body that is not a municipality: VNG, a supplier, a cooperation, a chain partner.' })
export class Organisation {
  @Field(() => ID, { description: 'Stable identifier: the slug, e.g. `vng-realisatie`.' })
  id: string;

  @Field(() => String, { description: 'URL-safe unique name (lowercase letters, digits and hyphens).' })
  slug: string;

  @Field(() => String, { description: 'Name of the organisation.' })
  name: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation.' })
  kind: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Public web site.' })
  website: string | null;

  @Field(() => Int, { description: 'Record version, incremented by every change (optimistic concurrency).' })
  version: number;

  dbId: number;
  regionDbId: number | null;
  municipalityDbId: number | null;

  static from(row: OrganisationRow): Organisation {
    return Object.assign(new Organisation(), {
      id: row.slug,
      slug: row.slug,
      name: row.name,
      kind: row.kind as OrganisationKind,
      website: row.website,
      version: row.version,
      dbId: row.id,
      regionDbId: row.region_id,
      municipalityDbId: row.municipality_id,
    });
  }
}

@InputType({ description: 'Narrows an organisation list. All given conditions must hold.' })
export class OrganisationFilter {
  @Field(() => [OrganisationKind], { nullable: true, description: 'Only organisations of one of these kinds.' })
  kind?: OrganisationKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only organisations whose name or slug contains this text (case-insensitive).',
  })
  search?: string | null;
}

export const { Connection: OrganisationConnection, Edge: OrganisationEdge } = connectionTypes(
  Organisation,
  'Organisation',
  'A page of organisations, ordered by name (then slug).',
);
export type OrganisationConnection = InstanceType<typeof OrganisationConnection>;
