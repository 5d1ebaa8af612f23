/**
 * Exports of the comparison table. CSV is written here by hand (RFC 4180 quoting, CRLF, a BOM so
 * Excel reads UTF-8); .xlsx comes from write-excel-file, loaded only when asked for.
 */

export type ExportValue = string | number;

export interface ExportTable {
  header: string[];
  rows: ExportValue[][];
  /** Lines after the table: source and attribution. */
  notes: string[];
  /** Columns holding a share between 0 and 1 (written as a percentage). */
  shareColumns: ReadonlySet<number>;
}

export interface CsvFormat {
  /** `;` for Dutch spreadsheets (where `,` is the decimal sign), `,` otherwise. */
  delimiter: ';' | ',';
  decimal: ',' | '.';
}

export const csvFormatFor = (locale: string): CsvFormat =>
  locale.startsWith('nl') ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };

const BOM = '\uFEFF';

/** Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: ExportValue, format: CsvFormat): string {
  let text: string;
  if (typeof value === 'number') {
    text = String(value).replace('.', format.decimal);
  } else {
    text = FORMULA_START.test(value) ? `'${value}` : value;
  }
  const needsQuotes = text.includes(format.delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: ExportTable, format: CsvFormat): string {
  const line = (values: ExportValue[]) => values.map((v) => field(v, format)).join(format.delimiter);
  const rows = table.rows.map((row) =>
    line(row.map((v, i) => (table.shareColumns.has(i) && typeof v === 'number' ? Math.round(v * 1000) / 10 : v))),
  );
  return BOM + [line(table.header), ...rows, '', ...table.notes.map((n) => line([n]))].join('\r\n') + '\r\n';
}

export async function toXlsx(table: ExportTable, sheet: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const header = table.header.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = table.rows.map((row) =>
    row.map((value, i) =>
      typeof value === 'number'
        ? { value, type: Number, format: table.shareColumns.has(i) ? '0.0%' : '0' }
        : { value, type: String },
    ),
  );
  const notes = table.notes.map((value) => [{ value, type: String }]);
  return writeXlsxFile([header, ...rows, [], ...notes], {
    sheet,
    stickyRowsCount: 1,
    columns: table.header.map((_, i) => ({ width: i === 1 ? 32 : 16 })),
  }).toBlob();
}

/** Offers a blob as a download with the given file name. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
