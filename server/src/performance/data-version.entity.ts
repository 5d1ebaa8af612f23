import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The change counter of the response cache (migration 1764892800000): one row, whose `version`
 * grows with every committed transaction that wrote to a watched table. Written by triggers only.
 */
@Entity({ name: 'data_version', schema: 'atlas_meta' })
@Check('ck_data_version_single', `id = 1`)
export class DataVersion {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_data_version' })
  id: number;

  /** bigint: read as a string. */
  @Column({ type: 'bigint' })
  version: string;

  @Column({ type: 'timestamptz', name: 'changed_at', default: () => 'now()' })
  changedAt: Date;

  /** How long an instance may answer from a version it read under a lease (migration 1765238400000). */
  @Column({ type: 'integer', name: 'lease_ms', default: 25 })
  leaseMs: number;
}

/** A writing transaction that has not committed yet (empty outside transactions). */
@Entity({ name: 'data_version_mark', schema: 'atlas_meta' })
export class DataVersionMark {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_data_version_mark' })
  txid: string;
}
