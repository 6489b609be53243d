import type { Brief } from '@briefs/ast';
import { briefBlocks } from './brief-blocks.js';
import { type ChartDrawings, type ChartSizeOptions, type ChartsApi, chartBlocks, defaultCharts } from './charts.js';
import { type DateInput, resolveDocumentDate } from './dates.js';
import { Layout, type PageSize, textWidth } from './layout.js';
import { DEFAULT_COLOURS, type ThemeColours } from './styles.js';

export interface RenderOptions {
  /** Date written as CreationDate/ModDate. Default: SOURCE_DATE_EPOCH, else the brief's own date. */
  date?: DateInput;
  pageSize?: PageSize;
  colours?: Partial<ThemeColours>;
  /** Charts API; default @briefs/charts when it is there. `false` draws no charts. */
  charts?: ChartsApi | false;
  /** Folder of the Noto TrueType files (default /usr/share/fonts/truetype/noto or BRIEFS_FONT_DIR). */
  fontDir?: string;
  /** Charts drawn before, and where those drawn now are recorded (see `ChartDrawings`). */
  chartDrawings?: ChartDrawings;
}

/** PDF info of one brief: title, authors, publisher and kind, topics and regions. */
export function briefInfo(brief: Brief): { title: string; author: string; subject: string; keywords: string[] } {
  const { meta } = brief;
  return {
    title: meta.title.trim() || brief.id,
    author: meta.authors.map((a) => a.name).join(', ') || meta.publisher,
    subject: [meta.kind, meta.publisher].filter(Boolean).join(', ') || 'Brief',
    keywords: [...new Set([...meta.topics, ...meta.regions])],
  };
}

/** Charts as wide as the text column (in pt, drawn 1:1), bars in the theme's primary colour. */
export function chartOptions(pageSize: PageSize, colours: ThemeColours): ChartSizeOptions {
  return { width: Math.round(textWidth(pageSize)), theme: { accent: colours.primary } };
}

export async function resolveCharts(option: ChartsApi | false | undefined): Promise<ChartsApi | null> {
  if (option === false) return null;
  return option ?? (await defaultCharts());
}

/** One brief as a PDF (`briefs/<doc-id>.pdf`): the same brief and options give the same bytes. */
export async function renderBrief(brief: Brief, options: RenderOptions = {}): Promise<Uint8Array> {
  const { date } = resolveDocumentDate(options.date, [brief]);
  const charts = await resolveCharts(options.charts);
  const colours = { ...DEFAULT_COLOURS, ...options.colours };
  const drawn = charts ? await chartBlocks(charts, charts.briefCharts(brief, chartOptions(options.pageSize ?? 'A4', colours)), options.chartDrawings) : [];
  const layout = new Layout({
    pageSize: options.pageSize ?? 'A4',
    colours,
    info: briefInfo(brief),
    lang: brief.meta.language || 'en',
    date,
    headerLabel: brief.meta.publisher,
    ...(options.fontDir ? { fontDir: options.fontDir } : {}),
  });
  layout.runningTitle = briefInfo(brief).title;
  layout.addPage();
  layout.group('Sect', () => layout.render(briefBlocks(brief, { charts: drawn })));
  return layout.finish();
}
