import type { ApiError } from '../../apollo';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const KNOWN = ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'RATE_LIMITED', 'NETWORK'];

/** Why a write failed, in the user's words. CONFLICT has its own notice and is not handled here. */
export function failureText(t: Translate, error: ApiError): string {
  if (error.code === 'BAD_USER_INPUT') return t('municipality.edit.failure.BAD_USER_INPUT', { message: error.message });
  return KNOWN.includes(error.code)
    ? t(`municipality.edit.failure.${error.code}`)
    : t('municipality.edit.failure.other');
}

/** The version to re-send after a CONFLICT: the newest of what the server said and what was reloaded. */
export function nextVersion(reported: number | null | undefined, reloaded: number | undefined): number | null {
  const known = [reported, reloaded].filter((v): v is number => typeof v === 'number');
  return known.length ? Math.max(...known) : null;
}
