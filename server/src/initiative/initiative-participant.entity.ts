import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Municipality } from '../geography/municipality.entity.js';
import { Initiative } from './initiative.entity.js';

export const PARTICIPANT_ROLES = ['PIONEER', 'PARTICIPANT', 'FUNDER'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A municipality taking part in an initiative. */
@Entity({ name: 'initiative_participant' })
@Check('ck_initiative_participant_role', `role IN ('PIONEER', 'PARTICIPANT', 'FUNDER')`)
@Index('ix_initiative_participant_municipality_id', ['municipalityId'])
export class InitiativeParticipant {
  @PrimaryColumn({ type: 'integer', name: 'initiative_id', primaryKeyConstraintName: 'pk_initiative_participant' })
  initiativeId: number;

  @PrimaryColumn({ type: 'integer', name: 'municipality_id', primaryKeyConstraintName: 'pk_initiative_participant' })
  municipalityId: number;

  @ManyToOne(() => Initiative, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_initiative_participant_initiative_id' })
  initiative: Relation<Initiative>;

  @ManyToOne(() => Municipality, { nullable: false })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_initiative_participant_municipality_id' })
  municipality: Relation<Municipality>;

  @Column({ type: 'text' })
  role: ParticipantRole;

  @Column({ type: 'date', name: 'joined_on', nullable: true })
  joinedOn: string | null;
}
