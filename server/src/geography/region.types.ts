import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../pagination.js';
import type { RegionRow } from './region.rows.js';

export enum RegionKind {
  PROVINCE = 'PROVINCE',
  COOPERATION = 'COOPERATION',
  COROP = 'COROP',
  SAFETY_REGION = 'SAFETY_REGION',
  GGD_REGION = 'GGD_REGION',
  LABOUR_MARKET_REGION = 'LABOUR_MARKET_REGION',
  NETWORK = 'NETWORK',
  CUSTOM = 'CUSTOM',
}
registerEnumType(RegionKind, {
  name: 'RegionKind',
  description:
    'The kind of a region: an official division of the country or a group of municipalities that work together.',
  valuesConfig: {
    PROVINCE: { description: 'A province; code `PV20`…`PV31`.' },
    COOPERATION: { description: 'A samenwerkingsverband: municipalities that run services together.' },
    COROP: { description: 'A COROP area (CBS statistical region); code `CR01`…`CR40`.' },
    SAFETY_REGION: { description: 'A veiligheidsregio; code `VR01`…`VR25`.' },
    GGD_REGION: { description: 'A GGD region (public health service); code like `GG3406`.' },
    LABOUR_MARKET_REGION: { description: 'An arbeidsmarktregio; code `AM01`…`AM35`.' },
    NETWORK: { description: 'A network of municipalities such as G4, G40 or P10.' },
    CUSTOM: { description: 'Any other named group of municipalities.' },
  },
});

@ObjectType({
  description: 'A named group of municipalities of one kind, e.g. a province, safety region or the G40 network.',
})
export class Region {
  @Field(() => ID, { description: 'Stable identifier: `KIND:CODE`, e.g. `SAFETY_REGION:VR13`.' })
  id: string;

  @Field(() => RegionKind, { description: 'The kind of region.' })
  kind: RegionKind;

  @Field(() => String, { description: 'Code of the region, unique within its kind (e.g. `VR13`, `PV27`, `G40`).' })
  code: string;

  @Field(() => String, { description: 'Name of the region.' })
  name: string;

  dbId: number;

  static from(row: RegionRow): Region {
    return Object.assign(new Region(), {
      id: `${row.kind}:${row.code}`,
      kind: row.kind as RegionKind,
      code: row.code,
      name: row.name,
      dbId: row.id,
    });
  }
}

@InputType({ description: 'Names one region by kind and code.' })
export class RegionRef {
  @Field(() => RegionKind, { description: 'Kind of the region.' })
  kind: RegionKind;

  @Field(() => String, { description: 'Code of the region within its kind, e.g. `VR13`.' })
  code: string;
}

@InputType({ description: 'Narrows a region list. All given conditions must hold.' })
export class RegionFilter {
  @Field(() => [RegionKind], { nullable: true, description: 'Only regions of one of these kinds.' })
  kind?: RegionKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only regions whose name or code contains this text (case-insensitive).',
  })
  search?: string | null;
}

export const { Connection: RegionConnection, Edge: RegionEdge } = connectionTypes(
  Region,
  'Region',
  'A page of regions, ordered by kind, then code.',
);
export type RegionConnection = InstanceType<typeof RegionConnection>;
