import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../pagination.js';
import { DateScalar } from '../scalars.js';
import type { MunicipalityRow, ProvinceRow } from './geography.rows.js';
import { RegionRef } from './region.types.js';

export enum SizeClass {
  UNDER_10K = 'UNDER_10K',
  FROM_10K_TO_20K = 'FROM_10K_TO_20K',
  FROM_20K_TO_50K = 'FROM_20K_TO_50K',
  FROM_50K_TO_100K = 'FROM_50K_TO_100K',
  FROM_100K_TO_250K = 'FROM_100K_TO_250K',
  OVER_250K = 'OVER_250K',
}
registerEnumType(SizeClass, {
  name: 'SizeClass',
  description:
    'Population band of a municipality (after the CBS gemeentegrootteklassen), from its latest population figure.',
  valuesConfig: {
    UNDER_10K: { description: 'Fewer than 10,000 inhabitants.' },
    FROM_10K_TO_20K: { description: '10,000 to 19,999 inhabitants.' },
    FROM_20K_TO_50K: { description: '20,000 to 49,999 inhabitants.' },
    FROM_50K_TO_100K: { description: '50,000 to 99,999 inhabitants.' },
    FROM_100K_TO_250K: { description: '100,000 to 249,999 inhabitants.' },
    OVER_250K: { description: '250,000 inhabitants or more.' },
  },
});

export enum SuccessionKind {
  MERGER = 'MERGER',
  ABSORPTION = 'ABSORPTION',
  REARRANGEMENT = 'REARRANGEMENT',
  SPLIT = 'SPLIT',
}
registerEnumType(SuccessionKind, {
  name: 'SuccessionKind',
  description: 'How a municipality ended (herindeling), from the TOOI register.',
  valuesConfig: {
    MERGER: { description: 'Samenvoeging: merged into a newly created municipality.' },
    ABSORPTION: { description: 'Uitbreiding: absorbed into an existing municipality.' },
    REARRANGEMENT: { description: 'Herschikking: territory re-arranged between municipalities.' },
    SPLIT: { description: 'Split over several successors (e.g. Haaren in 2021).' },
  },
});

@ObjectType({ description: 'One of the twelve Dutch provinces (CBS code PV20–PV31).' })
export class Province {
  @Field(() => ID, { description: 'Stable identifier: the CBS province code, e.g. `PV27`.' })
  id: string;

  @Field(() => String, { description: 'CBS province code, e.g. `PV27` (Noord-Holland).' })
  code: string;

  @Field(() => String, { description: 'Name as CBS/PDOK spell it, e.g. `Fryslân`.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'TOOI identifier of the province.' })
  tooiUri: string | null;

  /** internal key for relations */
  dbId: number;

  static from(row: ProvinceRow): Province {
    return Object.assign(new Province(), {
      id: row.code,
      code: row.code,
      name: row.name,
      tooiUri: row.tooi_uri,
      dbId: row.id,
    });
  }
}

@ObjectType({
  description:
    'A Dutch municipality (gemeente), current or historical. Municipalities that ended in a merger or split keep their record, with `validTo` and `successors`.',
})
export class Municipality {
  @Field(() => ID, { description: 'Stable identifier: the CBS code, e.g. `GM0363`.' })
  id: string;

  @Field(() => String, {
    description: 'CBS municipality code with prefix, e.g. `GM0363` (a string: leading zeros matter).',
  })
  code: string;

  @Field(() => String, { description: "Name as CBS/PDOK spell it, e.g. `'s-Gravenhage`, `Bergen (NH.)`." })
  name: string;

  @Field(() => String, { nullable: true, description: 'Official name in the TOOI register, e.g. `Bergen (NH)`.' })
  officialName: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Inhabitants on `populationDate` (CBS Kerncijfers wijken en buurten); null for municipalities that no longer exist.',
  })
  population: number | null;

  @Field(() => SizeClass, {
    nullable: true,
    description: 'Population band derived from `population`; null when unknown.',
  })
  sizeClass: SizeClass | null;

  @Field(() => Int, { nullable: true, description: 'Land area in hectares (CBS).' })
  areaLandHa: number | null;

  @Field(() => Int, { nullable: true, description: 'Water area in hectares (CBS).' })
  areaWaterHa: number | null;

  @Field(() => String, {
    description: 'TOOI identifier, e.g. `https://identifier.overheid.nl/tooi/id/gemeente/gm0363`.',
  })
  tooiUri: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the municipality existed; null when it began before the register’s records.',
  })
  validFrom: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the municipality existed; null while it exists.' })
  validTo: string | null;

  dbId: number;
  provinceDbId: number;
  /** The province row, when the statement joined it. */
  provinceRow?: ProvinceRow;

  static from(row: MunicipalityRow): Municipality {
    return Object.assign(new Municipality(), {
      id: row.code,
      code: row.code,
      name: row.name,
      officialName: row.official_name,
      population: row.population,
      sizeClass: row.size_class as SizeClass | null,
      areaLandHa: row.area_land_ha,
      areaWaterHa: row.area_water_ha,
      tooiUri: row.tooi_uri,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      dbId: row.id,
      provinceDbId: row.province_id,
      provinceRow: row.province,
    });
  }
}

@ObjectType({ description: 'A link between a municipality that ended and one that continued its territory.' })
export class Succession {
  @Field(() => Municipality, { description: 'The municipality on the other side of the link.' })
  municipality: Municipality;

  @Field(() => DateScalar, {
    description: 'Date the reorganisation took effect (normally 1 January; Weesp → Amsterdam: 2022-03-24).',
  })
  effectiveDate: string;

  @Field(() => SuccessionKind, { description: 'Kind of reorganisation.' })
  kind: SuccessionKind;
}

@InputType({ description: 'Narrows a municipality list. All given conditions must hold.' })
export class MunicipalityFilter {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only municipalities that existed on this date (e.g. `2018-01-01` gives 380). Without it, every municipality ever recorded.',
  })
  validOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only municipalities in this province, by CBS code (e.g. `PV26`).',
  })
  provinceCode?: string | null;

  @Field(() => SizeClass, { nullable: true, description: 'Only municipalities in this population band.' })
  sizeClass?: SizeClass | null;

  @Field(() => RegionRef, {
    nullable: true,
    description:
      'Only current members of this region (e.g. `{ kind: SAFETY_REGION, code: "VR13" }`); memberships are recorded for the municipalities of 2025.',
  })
  region?: RegionRef | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only municipalities whose name, official name or code contains this text (case-insensitive).',
  })
  search?: string | null;
}

export const { Connection: MunicipalityConnection, Edge: MunicipalityEdge } = connectionTypes(
  Municipality,
  'Municipality',
  'A page of municipalities, ordered by CBS code.',
);
export type MunicipalityConnection = InstanceType<typeof MunicipalityConnection>;
