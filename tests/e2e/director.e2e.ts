import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { artefactsDir, distinctErrors, graphql, openPage, screenshot, settled, useBrowser, visit } from './session.js';

const browser = useBrowser();

/** RFC 4180 fields of one line (quotes doubled inside quoted fields). */
function csvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === delimiter) {
      out.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  out.push(field);
  return out;
}

const SOLUTIONS = [
  { slug: 'open-zaak', name: 'Open Zaak' },
  { slug: 'open-formulieren', name: 'Open Formulieren' },
  { slug: 'signalen', name: 'Signalen' },
];

describe('a director', () => {
  test('compares the provinces for three solutions and downloads the CSV', async () => {
    const { page, context, errors } = await openPage(browser(), { acceptDownloads: true });
    try {
      await visit(page, '/vergelijken');
      await page.getByLabel('Soort regio').selectOption('PROVINCE');
      for (const s of SOLUTIONS) await page.locator(`#compare-solution-${s.slug}`).check();
      await expect.poll(() => page.getByTestId('compare-chosen').innerText()).toContain('3 oplossingen gekozen');
      await page.locator('form.atlas-compare-form').getByRole('button', { name: 'Vergelijken', exact: true }).click();

      await page.waitForURL(/oplossingen=/);
      await settled(page);
      const table = page.getByTestId('compare-table');
      await table.waitFor();
      await expect.poll(() => table.getAttribute('aria-busy')).toBe('false');
      await expect.poll(() => page.getByTestId('compare-row').count()).toBe(12);
      await screenshot(page, 'compare-provinces');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^ggu-atlas-province-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = path.join(artefactsDir, download.suggestedFilename());
      await download.saveAs(file);
      const text = await readFile(file, 'utf8');

      expect(text.charCodeAt(0)).toBe(0xfeff); // BOM: Excel reads UTF-8
      const lines = text.slice(1).split('\r\n');
      const blank = lines.indexOf('');
      const [header, ...rows] = lines.slice(0, blank).map((l) => csvLine(l, ';'));
      expect(header).toEqual([
        'Regiocode',
        'Regio',
        'Gemeenten op peildatum',
        ...SOLUTIONS.flatMap((s) => [`${s.name}: aantal`, `${s.name}: aandeel (%)`]),
      ]);
      expect(rows).toHaveLength(12);

      // The file says what the API says, province by province.
      const { regionComparison } = await graphql<{
        regionComparison: {
          rows: {
            code: string;
            name: string;
            municipalityCount: number;
            cells: { solutionSlug: string; adoptingCount: number }[];
          }[];
        };
      }>(
        `
          query ($slugs: [String!]!) {
            regionComparison(kind: PROVINCE, solutionSlugs: $slugs) {
              rows {
                code
                name
                municipalityCount
                cells {
                  solutionSlug
                  adoptingCount
                }
              }
            }
          }
        `,
        { slugs: SOLUTIONS.map((s) => s.slug) },
      );
      const expected = regionComparison.rows
        .map((r) => [
          r.code,
          r.name,
          String(r.municipalityCount),
          ...SOLUTIONS.map((s) => String(r.cells.find((c) => c.solutionSlug === s.slug)?.adoptingCount ?? 0)),
        ])
        .sort((a, b) => a[0]!.localeCompare(b[0]!));
      const actual = rows.map((r) => [r[0], r[1], r[2], r[3], r[5], r[7]]).sort((a, b) => a[0]!.localeCompare(b[0]!));
      expect(actual).toEqual(expected);
      expect(rows.every((r) => /^\d+(,\d)?$/.test(r[4]!))).toBe(true); // Dutch decimal comma

      expect(distinctErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
