import type { ChartTheme } from './types.js';

/**
 * Default colours: a muted, print-friendly palette (Okabe–Ito derived, distinguishable with the
 * common colour-vision deficiencies) on white.
 */
export const defaultChartTheme: Readonly<ChartTheme> = Object.freeze({
  series: ['#1f4e79', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'],
  accent: '#1f4e79',
  text: '#1a1a1a',
  muted: '#555555',
  grid: '#dddddd',
  background: '#ffffff',
  fontSize: 11,
});

const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Merge a partial theme over the default. Colours must be hex (`#rgb` / `#rrggbb`) so the SVG and
 * the PDF agree on them; anything else is ignored in favour of the default.
 */
export function resolveTheme(theme: Partial<ChartTheme> | undefined): ChartTheme {
  const base = defaultChartTheme;
  if (!theme) return { ...base, series: [...base.series] };
  const pick = (value: string | undefined, fallback: string): string =>
    value !== undefined && COLOUR.test(value) ? value : fallback;
  const series = (theme.series ?? []).filter((c) => COLOUR.test(c));
  return {
    series: series.length > 0 ? series : [...base.series],
    accent: pick(theme.accent ?? series[0], base.accent),
    text: pick(theme.text, base.text),
    muted: pick(theme.muted, base.muted),
    grid: pick(theme.grid, base.grid),
    background:
      theme.background === null ? null : pick(theme.background ?? undefined, base.background ?? '#ffffff'),
    fontSize:
      typeof theme.fontSize === 'number' && theme.fontSize >= 6 && theme.fontSize <= 24 ? theme.fontSize : base.fontSize,
  };
}

/** Colour `i` of the series, cycling. */
export function seriesColour(theme: ChartTheme, i: number): string {
  return theme.series[i % theme.series.length] ?? theme.accent;
}
