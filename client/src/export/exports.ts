/**
 * Links to the server's open-data exports (`GET /api/export/<name>.<format>`, see the README):
 * the same lists and figures as the pages, in a fixed, documented format (comma-separated,
 * decimal point, an attribution line first), for reuse outside the app.
 */

export type ExportFormat = 'csv' | 'json';

/** Query parameters of an export; empty values and empty lists are left out (the server's default then applies). */
export type ExportParams = Record<string, string | readonly string[] | null | undefined>;

export function exportUrl(name: string, format: ExportFormat, params: ExportParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = Array.isArray(value) ? value.join(',') : ((value as string | null | undefined) ?? '');
    if (text) query.set(key, text);
  }
  const qs = query.toString().replace(/%2C/g, ',');
  return `/api/export/${name}.${format}${qs ? `?${qs}` : ''}`;
}
