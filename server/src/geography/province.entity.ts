import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A Dutch province (CBS code `PV20`…`PV31`). */
@Entity({ name: 'province' })
@Unique('uq_province_code', ['code'])
@Check('ck_province_code', `code ~ '^PV[0-9]{2}$'`)
export class Province {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_province',
  })
  id: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'tooi_uri', nullable: true })
  tooiUri: string | null;
}
