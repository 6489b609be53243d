import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Fonts of the charts. Registered from files (not looked up by family name among the machine's
 * fonts) so a chart comes out the same wherever it is drawn. The defaults are the Debian packages
 * the setup installs (fonts-noto-core; fonts-dejavu-core as the fallback); the families get names of
 * our own so an installed "Noto Sans" of another version is never picked instead.
 */

export interface ChartFontFiles {
  regular: string;
  bold: string;
  /** Arabic script (names, translated titles), drawn where the Latin font has no glyph. */
  arabicRegular?: string;
  arabicBold?: string;
  /** CSS family of `regular`/`bold`, written on SVG text (default: from the file name). */
  family?: string;
}

/** The CSS font family chart text is drawn with (chart.js `Chart.defaults.font.family`). */
export const CHART_FONT_FAMILY = 'Briefs Chart Sans, Briefs Chart Arabic';

const NOTO = '/usr/share/fonts/truetype/noto';
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

const CANDIDATES: readonly ChartFontFiles[] = [
  {
    regular: `${NOTO}/NotoSans-Regular.ttf`,
    bold: `${NOTO}/NotoSans-Bold.ttf`,
    arabicRegular: `${NOTO}/NotoSansArabic-Regular.ttf`,
    arabicBold: `${NOTO}/NotoSansArabic-Bold.ttf`,
  },
  { regular: `${DEJAVU}/DejaVuSans.ttf`, bold: `${DEJAVU}/DejaVuSans-Bold.ttf` },
];

let chosen: ChartFontFiles | null = null;
let registered = false;

/**
 * Use these font files instead of the defaults. Must be called before the first chart is rendered
 * (canvas reads fonts when a canvas is created); later calls throw.
 */
export function setChartFonts(files: ChartFontFiles): void {
  if (registered) throw new Error('@briefs/charts: setChartFonts() must be called before the first chart is rendered');
  for (const [key, file] of Object.entries(files)) {
    if (key !== 'family' && typeof file === 'string' && !existsSync(file)) throw new Error(`@briefs/charts: font file not found: ${file}`);
  }
  chosen = files;
}

/** The font files charts are drawn with (the first complete default set found, or those set). */
export function chartFontFiles(): ChartFontFiles {
  if (chosen) return chosen;
  const found = CANDIDATES.find((c) => existsSync(c.regular) && existsSync(c.bold));
  if (!found) {
    throw new Error(
      `@briefs/charts: no chart font found (looked for ${CANDIDATES.map((c) => c.regular).join(', ')}); ` +
        'install fonts-noto-core or call setChartFonts()',
    );
  }
  const files: ChartFontFiles = { regular: found.regular, bold: found.bold };
  if (found.arabicRegular && existsSync(found.arabicRegular)) files.arabicRegular = found.arabicRegular;
  if (found.arabicBold && existsSync(found.arabicBold)) files.arabicBold = found.arabicBold;
  chosen = files;
  return files;
}

/**
 * The `font-family` written on SVG `<text>`: the family of the font files the text was measured
 * with, so a viewer (or svg-to-pdfkit's fontCallback) can pick the same face.
 */
export function chartSvgFontFamily(): string {
  const files = chartFontFiles();
  if (files.family) return files.family;
  return /DejaVu/i.test(files.regular) ? 'DejaVu Sans, sans-serif' : 'Noto Sans, sans-serif';
}

/** Register the fonts with canvas once per process. */
export function registerChartFonts(): void {
  if (registered) return;
  const { registerFont } = createRequire(import.meta.url)('canvas') as typeof import('canvas');
  const files = chartFontFiles();
  registerFont(files.regular, { family: 'Briefs Chart Sans', weight: 'normal' });
  registerFont(files.bold, { family: 'Briefs Chart Sans', weight: 'bold' });
  if (files.arabicRegular) registerFont(files.arabicRegular, { family: 'Briefs Chart Arabic', weight: 'normal' });
  if (files.arabicBold) registerFont(files.arabicBold, { family: 'Briefs Chart Arabic', weight: 'bold' });
  registered = true;
}
