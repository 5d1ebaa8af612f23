/**
 * The sequential colour scale of the map: at most five ordered classes from viridis, which stays
 * readable in greyscale and for the common colour-vision deficiencies. Light means low, dark high.
 * Colour is never the only carrier: the legend names each class, the tooltip and the table give
 * the value in words.
 */
export const PALETTE = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;

/** Fill of municipalities without a value; drawn with a hatch pattern as well. */
export const NO_DATA_COLOUR = '#d9d9d9';

/** One class of the scale: values from `from` (inclusive) to `to` (exclusive; the last class includes it). */
export interface MapBin {
  from: number;
  to: number;
  label: string;
}

/** Five equal classes of 20 percentage points, labelled in the user's language. */
export function equalBins(locale: string, count = 5): MapBin[] {
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return Array.from({ length: count }, (_, i) => {
    const from = i / count;
    const to = (i + 1) / count;
    return { from, to, label: `${pct.format(from)} – ${pct.format(to)}` };
  });
}

/** The class index of `value`, or null for a missing value. */
export function binIndex(value: number | null | undefined, bins: readonly MapBin[]): number | null {
  if (value === null || value === undefined || Number.isNaN(value) || bins.length === 0) return null;
  const i = bins.findIndex((b) => value >= b.from && value < b.to);
  if (i >= 0) return i;
  return value >= bins[bins.length - 1]!.to ? bins.length - 1 : 0;
}

/** The colours of `count` classes, spread over the palette so two classes are as far apart as possible. */
export function binColours(count: number): string[] {
  if (count <= 1) return [PALETTE[PALETTE.length - 1]!];
  const n = Math.min(count, PALETTE.length);
  return Array.from({ length: n }, (_, i) => PALETTE[Math.round((i * (PALETTE.length - 1)) / (n - 1))]!);
}

/** Default value format: a whole percentage. */
export function formatShare(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}
