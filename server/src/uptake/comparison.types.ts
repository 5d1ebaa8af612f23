import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AdoptionStatus } from '../adoption/adoption.types.js';
import { RegionKind } from '../geography/region.types.js';
import { DateScalar } from '../scalars.js';
import type { ComparisonCellData, ComparisonRowData } from './uptake.rows.js';

@ObjectType({ description: 'One region × solution cell: how many of the region’s municipalities hold the solution.' })
export class RegionComparisonCell {
  @Field(() => String, { description: 'Slug of the solution.' })
  solutionSlug: string;

  @Field(() => String, { description: 'Name of the solution.' })
  solutionName: string;

  @Field(() => Int, {
    description: 'Municipalities of the region holding the solution in one of the statuses on `asOf`.',
  })
  adoptingCount: number;

  @Field(() => Float, { description: '`adoptingCount` / the region’s `municipalityCount`, between 0 and 1.' })
  share: number;

  solutionDbId: number;

  static from(cell: ComparisonCellData, municipalityCount: number): RegionComparisonCell {
    return Object.assign(new RegionComparisonCell(), {
      solutionSlug: cell.slug,
      solutionName: cell.name,
      adoptingCount: cell.adopting_count,
      share: municipalityCount > 0 ? cell.adopting_count / municipalityCount : 0,
      solutionDbId: cell.solution_id,
    });
  }
}

@ObjectType({ description: 'One region of the comparison with a cell per selected solution, in the order asked.' })
export class RegionComparisonRow {
  @Field(() => String, { description: 'Code of the region (province code for kind PROVINCE).' })
  code: string;

  @Field(() => String, { description: 'Name of the region.' })
  name: string;

  @Field(() => Int, {
    description: 'Municipalities of the region that existed on `asOf` (the denominator of every cell).',
  })
  municipalityCount: number;

  @Field(() => [RegionComparisonCell], {
    description: 'One cell per selected solution, in the order of `solutionSlugs`.',
  })
  cells: RegionComparisonCell[];

  static from(row: ComparisonRowData): RegionComparisonRow {
    return Object.assign(new RegionComparisonRow(), {
      code: row.code,
      name: row.name,
      municipalityCount: row.municipality_count,
      cells: row.cells.map((c) => RegionComparisonCell.from(c, row.municipality_count)),
    });
  }
}

@ObjectType({
  description: 'The region × solution matrix: uptake of a few solutions compared across all regions of one kind.',
})
export class RegionComparison {
  @Field(() => RegionKind, { description: 'The kind of region compared.' })
  kind: RegionKind;

  @Field(() => DateScalar, { description: 'The date the figures describe.' })
  asOf: string;

  @Field(() => [AdoptionStatus], { description: 'The statuses that counted as adopting.' })
  statuses: AdoptionStatus[];

  @Field(() => [String], { description: 'The compared solutions by slug, normalised, in the order of the cells.' })
  solutionSlugs: string[];

  @Field(() => [RegionComparisonRow], {
    description: 'One row per region with at least one municipality on `asOf`, ordered by code.',
  })
  rows: RegionComparisonRow[];
}
