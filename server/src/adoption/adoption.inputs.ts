import { badInput } from '../errors.js';
import { MUNICIPALITY_CODE } from '../reference/municipalities.js';
import { SLUG } from '../scalars.js';

/**
 * Normalises a slug argument (trimmed, lowercase) and refuses one that cannot exist, so a typo
 * such as `open formulieren` is reported rather than answered with null.
 */
export function slugArg(value: string, field: string): string {
  const slug = value.trim().toLowerCase();
  if (!SLUG.test(slug)) {
    throw badInput(
      `${field} must be a slug of lowercase letters, digits and hyphens (e.g. "open-formulieren"), got "${value}"`,
      field,
    );
  }
  return slug;
}

/** Normalises a CBS municipality code argument (`gm0363` → `GM0363`); refuses anything else. */
export function municipalityCodeArg(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!MUNICIPALITY_CODE.test(code)) throw badInput(`${field} must be a CBS code like GM0363, got "${value}"`, field);
  return code;
}

/** A region code: non-empty, no longer than any real code. */
export function regionCodeArg(value: string, field: string): string {
  const code = value.trim();
  if (!code || code.length > 64)
    throw badInput(`${field} must be a region code such as VR13 or G40, got "${value}"`, field);
  return code;
}

/** A free-text search argument; empty means no condition. */
export function searchArg(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > 200) throw badInput('search must be at most 200 characters', 'search');
  return text;
}
