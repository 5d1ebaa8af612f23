import { describe, expect, it } from 'vitest';
import { todayInNL, validateAdoption, validateCompliance, type AdoptionDraft } from './validation';

const adoption = (d: Partial<AdoptionDraft> = {}): AdoptionDraft => ({
  solutionSlug: 'open-zaak',
  status: 'LIVE',
  effectiveDate: '2025-03-01',
  mode: '',
  notes: '',
  ...d,
});
const lifetime = { validFrom: '2019-01-01', validTo: null };

describe('edit form checks (as the server’s)', () => {
  it('accepts a complete adoption and names what is missing', () => {
    expect(validateAdoption(adoption(), lifetime, '2025-06-01')).toEqual({});
    expect(
      Object.keys(validateAdoption(adoption({ solutionSlug: '', status: '', effectiveDate: '' }), lifetime)),
    ).toEqual(['solutionSlug', 'status', 'effectiveDate']);
  });

  it('keeps the effective date inside the municipality’s lifetime and at most a year ahead', () => {
    const check = (effectiveDate: string, validTo: string | null = null) =>
      validateAdoption(adoption({ effectiveDate }), { validFrom: '2019-01-01', validTo }, '2025-06-01').effectiveDate
        ?.key;
    expect(check('2018-12-31')).toBe('beforeLifetime');
    expect(check('2021-01-01', '2020-12-31')).toBe('afterLifetime');
    expect(check('2026-06-01')).toBeUndefined();
    expect(check('2026-06-02')).toBe('tooFarAhead');
    expect(check('2025-02-30')).toBe('dateInvalid');
  });

  it('limits notes to 2000 characters', () => {
    expect(validateAdoption(adoption({ notes: 'x'.repeat(2001) }), lifetime, '2025-06-01').notes?.key).toBe('tooLong');
  });

  it('demands an explanation for EXPLAINED and a deadline for PLANNED', () => {
    const base = { standardSlug: 'zgw-apis', explanation: '', deadline: '' };
    expect(validateCompliance({ ...base, status: 'EXPLAINED', explanation: '   ' })).toEqual({
      explanation: { key: 'explanationMissing' },
    });
    expect(validateCompliance({ ...base, status: 'EXPLAINED', explanation: 'Ons zaaksysteem gaat eruit.' })).toEqual(
      {},
    );
    expect(validateCompliance({ ...base, status: 'PLANNED' })).toEqual({ deadline: { key: 'deadlineMissing' } });
    expect(validateCompliance({ ...base, status: 'COMPLIANT' })).toEqual({});
  });

  it('takes today in the Netherlands, not in UTC', () => {
    expect(todayInNL(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
  });
});
