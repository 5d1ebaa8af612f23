import { todayIso } from '../../format';
import type { AdoptionMode, AdoptionStatus, ComplianceStatus } from '../../gql/graphql';

/**
 * Client-side checks of the edit forms. They mirror the server's (adoption.write.ts,
 * standard.write.ts, the input classes) so most mistakes are named before a round trip; the
 * server still decides, and its BAD_USER_INPUT is shown next to the field it names.
 */

/** The statuses a form offers; RETRACTED is a correction of one event, done by the merger review. */
export const ADOPTION_STATUSES: AdoptionStatus[] = ['CONSIDERING', 'PLANNED', 'IMPLEMENTING', 'LIVE', 'RETIRED'];
export const ADOPTION_MODES: AdoptionMode[] = ['OWN_INSTALLATION', 'SAAS', 'VIA_COOPERATION', 'VARIANT'];
export const COMPLIANCE_STATUSES: ComplianceStatus[] = [
  'COMPLIANT',
  'PARTIAL',
  'PLANNED',
  'EXPLAINED',
  'NOT_COMPLIANT',
];
export const NOTES_MAX = 2000;
export const EXPLANATION_MAX = 4000;

export interface AdoptionDraft {
  solutionSlug: string;
  status: AdoptionStatus | '';
  effectiveDate: string;
  mode: AdoptionMode | '';
  notes: string;
}

export interface ComplianceDraft {
  standardSlug: string;
  status: ComplianceStatus | '';
  explanation: string;
  deadline: string;
}

/** An error as a message key of `municipality.edit.invalid` with its parameters. */
export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}
export type Problems<K extends string> = Partial<Record<K, Problem>>;

/** Today's date in the Netherlands (the server's `todayInNL`), as YYYY-MM-DD. */
export const todayInNL = todayIso;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function yearAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export function validateAdoption(
  d: AdoptionDraft,
  lifetime: { validFrom: string | null; validTo: string | null },
  today = todayInNL(),
): Problems<keyof AdoptionDraft> {
  const p: Problems<keyof AdoptionDraft> = {};
  if (!d.solutionSlug) p.solutionSlug = { key: 'solutionMissing' };
  if (!d.status) p.status = { key: 'statusMissing' };
  if (!d.effectiveDate) p.effectiveDate = { key: 'dateMissing' };
  else if (!isDate(d.effectiveDate)) p.effectiveDate = { key: 'dateInvalid' };
  else if (lifetime.validFrom && d.effectiveDate < lifetime.validFrom)
    p.effectiveDate = { key: 'beforeLifetime', params: { date: lifetime.validFrom } };
  else if (lifetime.validTo && d.effectiveDate > lifetime.validTo)
    p.effectiveDate = { key: 'afterLifetime', params: { date: lifetime.validTo } };
  else if (d.effectiveDate > yearAfter(today)) p.effectiveDate = { key: 'tooFarAhead' };
  if (d.notes.length > NOTES_MAX) p.notes = { key: 'tooLong', params: { max: NOTES_MAX } };
  return p;
}

export function validateCompliance(d: ComplianceDraft): Problems<keyof ComplianceDraft> {
  const p: Problems<keyof ComplianceDraft> = {};
  if (!d.standardSlug) p.standardSlug = { key: 'standardMissing' };
  if (!d.status) p.status = { key: 'statusMissing' };
  if (d.status === 'EXPLAINED' && !d.explanation.trim()) p.explanation = { key: 'explanationMissing' };
  else if (d.explanation.length > EXPLANATION_MAX) p.explanation = { key: 'tooLong', params: { max: EXPLANATION_MAX } };
  if (d.status === 'PLANNED') {
    if (!d.deadline) p.deadline = { key: 'deadlineMissing' };
    else if (!isDate(d.deadline)) p.deadline = { key: 'dateInvalid' };
  }
  return p;
}
