import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One run of the reference-data import: what it read (checksums) and what it changed (stats). */
@Entity({ name: 'reference_import' })
export class ReferenceImport {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_reference_import',
  })
  id: number;

  @Column({ type: 'timestamptz', name: 'started_at', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'text', name: 'source_dir' })
  sourceDir: string;

  /** File name → SHA-256 of every source file read. */
  @Column({ type: 'jsonb' })
  checksums: Record<string, string>;

  @Column({ type: 'jsonb' })
  stats: Record<string, unknown>;
}
