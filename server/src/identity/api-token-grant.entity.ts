import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Municipality } from '../geography/municipality.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { ApiToken } from './api-token.entity.js';

/** What a write-scoped token may write for: exactly one municipality or one organisation per row. */
@Entity({ name: 'api_token_grant' })
@Check('ck_api_token_grant_target', `(municipality_id IS NULL) <> (organisation_id IS NULL)`)
@Index('ix_api_token_grant_token_id', ['tokenId'])
export class ApiTokenGrant {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_api_token_grant',
  })
  id: number;

  @Column({ type: 'integer', name: 'token_id' })
  tokenId: number;

  @ManyToOne(() => ApiToken, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'token_id', foreignKeyConstraintName: 'fk_api_token_grant_token_id' })
  token: Relation<ApiToken>;

  @Column({ type: 'integer', name: 'municipality_id', nullable: true })
  municipalityId: number | null;

  @ManyToOne(() => Municipality, { nullable: true })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_api_token_grant_municipality_id' })
  municipality: Relation<Municipality> | null;

  @Column({ type: 'integer', name: 'organisation_id', nullable: true })
  organisationId: number | null;

  @ManyToOne(() => Organisation, { nullable: true })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_api_token_grant_organisation_id' })
  organisation: Relation<Organisation> | null;
}
