import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Municipality } from './municipality.entity.js';

export const SUCCESSION_KINDS = ['MERGER', 'ABSORPTION', 'REARRANGEMENT', 'SPLIT'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

/** One predecessor → successor edge of a municipal reorganisation (a merger has several). */
@Entity({ name: 'municipality_succession' })
@Check('ck_municipality_succession_kind', `kind IN ('MERGER', 'ABSORPTION', 'REARRANGEMENT', 'SPLIT')`)
@Check('ck_municipality_succession_distinct', `predecessor_id <> successor_id`)
@Check('ck_municipality_succession_area_share', `area_share IS NULL OR (area_share > 0 AND area_share <= 1)`)
@Index('ix_municipality_succession_successor_id', ['successorId'])
export class MunicipalitySuccession {
  @PrimaryColumn({ type: 'integer', name: 'predecessor_id', primaryKeyConstraintName: 'pk_municipality_succession' })
  predecessorId: number;

  @PrimaryColumn({ type: 'integer', name: 'successor_id', primaryKeyConstraintName: 'pk_municipality_succession' })
  successorId: number;

  @ManyToOne(() => Municipality, { nullable: false })
  @JoinColumn({ name: 'predecessor_id', foreignKeyConstraintName: 'fk_municipality_succession_predecessor_id' })
  predecessor: Relation<Municipality>;

  @ManyToOne(() => Municipality, { nullable: false })
  @JoinColumn({ name: 'successor_id', foreignKeyConstraintName: 'fk_municipality_succession_successor_id' })
  successor: Relation<Municipality>;

  @Column({ type: 'date', name: 'effective_date' })
  effectiveDate: string;

  @Column({ type: 'text' })
  kind: SuccessionKind;

  @Column({ type: 'boolean', name: 'successor_is_new' })
  successorIsNew: boolean;

  /** Share (0–1] of the predecessor's area that went to this successor; numeric, so a string. */
  @Column({ type: 'numeric', name: 'area_share', precision: 4, scale: 3, nullable: true })
  areaShare: string | null;

  @Column({ type: 'text', name: 'tooi_change_uri', nullable: true })
  tooiChangeUri: string | null;
}
