/** Form ⇄ input for the catalogue editors: strings in the form, typed and minimal in the mutation. */

export interface FieldSpec {
  key: string;
  type: 'text' | 'textarea' | 'select' | 'date' | 'number' | 'url';
  options?: { value: string; label: string }[];
  required?: boolean;
}

export type FormValues = Record<string, string>;
export type FieldValue = string | number | null;

/** A record's editable values as form strings (null and undefined become empty). */
export function toForm(values: Record<string, unknown>, specs: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(specs.map((s) => [s.key, values[s.key] == null ? '' : String(values[s.key])]));
}

function typed(spec: FieldSpec, text: string): FieldValue {
  const value = text.trim();
  if (value === '') return null;
  if (spec.type === 'number') {
    const n = Number(value.replace(',', '.'));
    return Number.isFinite(n) ? n : value;
  }
  return value;
}

/**
 * The mutation input: for a new record every filled-in field; for an existing one only what
 * changed, an emptied field as null (the API clears it; an omitted field stays as it is).
 */
export function toInput(
  form: FormValues,
  specs: readonly FieldSpec[],
  original?: FormValues,
): Record<string, FieldValue> {
  const input: Record<string, FieldValue> = {};
  for (const spec of specs) {
    const value = typed(spec, form[spec.key] ?? '');
    if (original) {
      if ((form[spec.key] ?? '').trim() !== (original[spec.key] ?? '').trim()) input[spec.key] = value;
    } else if (value !== null) {
      input[spec.key] = value;
    }
  }
  return input;
}

/** A number field that does not read as a number (the API would refuse it anyway). */
export function invalidNumbers(form: FormValues, specs: readonly FieldSpec[]): string[] {
  return specs.filter((s) => s.type === 'number' && typeof typed(s, form[s.key] ?? '') === 'string').map((s) => s.key);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
