import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdoptionStatus } from '../adoption/adoption.types.js';
import { DateScalar } from '../scalars.js';
import type { UptakeRowData } from './uptake.rows.js';

export enum UptakeGrouping {
  MUNICIPALITY = 'MUNICIPALITY',
  PROVINCE = 'PROVINCE',
  SIZE_CLASS = 'SIZE_CLASS',
  COROP = 'COROP',
  SAFETY_REGION = 'SAFETY_REGION',
  GGD_REGION = 'GGD_REGION',
  LABOUR_MARKET_REGION = 'LABOUR_MARKET_REGION',
  COOPERATION = 'COOPERATION',
  NETWORK = 'NETWORK',
}
registerEnumType(UptakeGrouping, {
  name: 'UptakeGrouping',
  description:
    'How uptake figures are grouped. Region memberships exist for current municipalities only; a municipality that ended counts in the regions of its successor (after a split: the successor that received most of its area).',
  valuesConfig: {
    MUNICIPALITY: { description: 'One row per municipality that existed on `asOf`.' },
    PROVINCE: { description: 'One row per province, from each municipality’s own province.' },
    SIZE_CLASS: {
      description:
        'One row per population band (`SizeClass`), plus `UNKNOWN` for municipalities without a population figure (those that ended).',
    },
    COROP: { description: 'One row per COROP area.' },
    SAFETY_REGION: { description: 'One row per veiligheidsregio.' },
    GGD_REGION: { description: 'One row per GGD region.' },
    LABOUR_MARKET_REGION: { description: 'One row per arbeidsmarktregio.' },
    COOPERATION: { description: 'One row per samenwerkingsverband; a municipality may be in several or none.' },
    NETWORK: { description: 'One row per network (G4, G40, P10…); a municipality may be in several or none.' },
  },
});

/** Display names of the size classes (and of UNKNOWN). */
export const SIZE_CLASS_NAMES: Record<string, string> = {
  UNDER_10K: 'Fewer than 10,000 inhabitants',
  FROM_10K_TO_20K: '10,000 to 19,999 inhabitants',
  FROM_20K_TO_50K: '20,000 to 49,999 inhabitants',
  FROM_50K_TO_100K: '50,000 to 99,999 inhabitants',
  FROM_100K_TO_250K: '100,000 to 249,999 inhabitants',
  OVER_250K: '250,000 inhabitants or more',
  UNKNOWN: 'Population unknown',
};

@ObjectType({ description: 'Uptake of the selected solutions in one group of municipalities, as of a date.' })
export class UptakeRow {
  @Field(() => String, {
    description:
      'Key of the group: CBS municipality code, province code (`PV27`), size class (`FROM_20K_TO_50K`, `UNKNOWN`) or region code (`CR23`, `VR13`); `ALL` for the totals.',
  })
  groupKey: string;

  @Field(() => String, { description: 'Display name of the group.' })
  groupName: string;

  @Field(() => String, {
    nullable: true,
    description: 'For grouping MUNICIPALITY: the CBS code of the municipality; otherwise null.',
  })
  municipalityCode: string | null;

  @Field(() => Int, { description: 'Denominator: the municipalities of this group that existed on `asOf`.' })
  municipalityCount: number;

  @Field(() => Int, {
    description:
      'Municipalities of the group with at least one selected solution in one of the selected statuses on `asOf`.',
  })
  adoptingCount: number;

  @Field(() => Float, {
    description:
      'Share between 0 and 1. Grouping MUNICIPALITY: `adoptedSolutionCount` / number of selected solutions. All other groupings and the totals: `adoptingCount` / `municipalityCount`.',
  })
  share: number;

  @Field(() => Int, {
    description: 'Municipality × solution pairs of the group in one of the selected statuses on `asOf`.',
  })
  adoptionCount: number;

  @Field(() => Int, {
    description: 'Distinct selected solutions held (in one of the statuses) by at least one municipality of the group.',
  })
  solutionCount: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Grouping MUNICIPALITY only: how many of the selected solutions the municipality holds on `asOf`; null otherwise.',
  })
  adoptedSolutionCount: number | null;

  @Field(() => Int, {
    description:
      'Declared standard_compliance rows of the group’s municipalities for the standards the selected solutions implement (all standards when no solutions are selected). Declarations are current, not as of `asOf`.',
  })
  declaredComplianceCount: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share (0–1) of those declarations that are COMPLIANT; null when the group declared nothing for those standards.',
  })
  complianceShare: number | null;

  municipalityDbId: number | null;

  static from(row: UptakeRowData, grouping: UptakeGrouping, selectedSolutionCount: number): UptakeRow {
    const perMunicipality = grouping === UptakeGrouping.MUNICIPALITY && !row.is_total;
    const ratio = (n: number, d: number) => (d > 0 ? n / d : 0);
    return Object.assign(new UptakeRow(), {
      groupKey: row.group_key,
      groupName:
        grouping === UptakeGrouping.SIZE_CLASS && !row.is_total
          ? (SIZE_CLASS_NAMES[row.group_key] ?? row.group_name)
          : row.group_name,
      municipalityCode: perMunicipality ? row.group_key : null,
      municipalityCount: row.municipality_count,
      adoptingCount: row.adopting_count,
      share: perMunicipality
        ? ratio(row.adoption_count, selectedSolutionCount)
        : ratio(row.adopting_count, row.municipality_count),
      adoptionCount: row.adoption_count,
      solutionCount: row.solution_count,
      adoptedSolutionCount: perMunicipality ? row.adoption_count : null,
      declaredComplianceCount: row.declared_count,
      complianceShare: row.declared_count > 0 ? row.compliant_count / row.declared_count : null,
      municipalityDbId: perMunicipality ? row.municipality_id : null,
    });
  }
}

@ObjectType({ description: 'Uptake figures for one grouping as of one date, with the national totals.' })
export class UptakeResult {
  @Field(() => DateScalar, { description: 'The date the figures describe.' })
  asOf: string;

  @Field(() => UptakeGrouping, { description: 'The grouping of `rows`.' })
  groupBy: UptakeGrouping;

  @Field(() => [AdoptionStatus], { description: 'The statuses that counted as adopting.' })
  statuses: AdoptionStatus[];

  @Field(() => [String], {
    nullable: true,
    description: 'The selected solutions by slug, normalised; null when all solutions counted.',
  })
  solutionSlugs: string[] | null;

  @Field(() => Int, { description: 'Number of selected solutions (the whole catalogue when none were named).' })
  selectedSolutionCount: number;

  @Field(() => [UptakeRow], {
    description:
      'One row per group with at least one municipality on `asOf`, ordered by group key (size classes from small to large). Region groupings omit municipalities outside every region of the kind.',
  })
  rows: UptakeRow[];

  @Field(() => UptakeRow, {
    description:
      'All municipalities that existed on `asOf` together (groupKey `ALL`); `share` is `adoptingCount` / `municipalityCount`.',
  })
  totals: UptakeRow;
}
