import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export const BOUNDARY_LEVELS = [
  'MUNICIPALITY',
  'PROVINCE',
  'SAFETY_REGION',
  'GGD_REGION',
  'LABOUR_MARKET_REGION',
] as const;
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

/** Generalised boundaries (TopoJSON) of one level and year, served with `sha256` as ETag. */
@Entity({ name: 'boundary_set' })
@Check(
  'ck_boundary_set_level',
  `level IN ('MUNICIPALITY', 'PROVINCE', 'SAFETY_REGION', 'GGD_REGION', 'LABOUR_MARKET_REGION')`,
)
@Check('ck_boundary_set_year', `year BETWEEN 1990 AND 2100`)
export class BoundarySet {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_boundary_set' })
  level: BoundaryLevel;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_boundary_set' })
  year: number;

  @Column({ type: 'text' })
  topojson: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'text', name: 'source_file' })
  sourceFile: string;
}
