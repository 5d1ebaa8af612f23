import type { Chart } from 'chart.js';

/**
 * Loads Chart.js on first use (its own chunk, never in the initial bundle) with only the parts a
 * bar chart needs, so the chunk stays small.
 */
let loading: Promise<typeof Chart> | undefined;

export function loadChart(): Promise<typeof Chart> {
  loading ??= import('chart.js').then(
    ({ Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip }) => {
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
      return Chart;
    },
  );
  return loading;
}

/**
 * Series colours, each at least 3:1 against white (WCAG 1.4.11 non-text contrast) and apart in
 * lightness as well as hue; a chart never relies on them alone (tables carry the figures).
 */
export const SERIES_COLOURS = ['#01689b', '#a90061', '#39870c', '#6b3fa0', '#b35900', '#275937', '#8b4513', '#42145f'];
