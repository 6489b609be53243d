import type { Brief } from '@briefs/ast';
import { BriefsError } from '@briefs/ast';
import { briefBlocks, briefAnchor, byline } from './brief-blocks.js';
import type { ChartBlock } from './blocks.js';
import { type ChartsApi, chartBlocks } from './charts.js';
import { type DateInput, formatDate, resolveDocumentDate } from './dates.js';
import { Layout, type PageSize } from './layout.js';
import { APPENDIX_ANCHOR, AT_A_GLANCE_ANCHOR, appendixBlocks, atAGlanceBlocks } from './pack-blocks.js';
import type { PackConfig } from './pack-file.js';
import { chartOptions, resolveCharts } from './render-brief.js';
import { DEFAULT_COLOURS, type ThemeColours } from './styles.js';

export interface PackTheme {
  organisation?: string;
  colours?: Partial<ThemeColours>;
  /** PNG or JPEG file for the cover. */
  logo?: string | null;
}

export interface PackOptions {
  title: string;
  subtitle?: string;
  /** Cover date and CreationDate. Default: SOURCE_DATE_EPOCH, else the newest input date. */
  date?: DateInput;
  pageSize?: PageSize;
  theme?: PackTheme;
  charts?: ChartsApi | false;
  fontDir?: string;
}

/** Pack options from a validated pack file. */
export function packOptionsFrom(config: PackConfig): PackOptions {
  return {
    title: config.title,
    subtitle: config.subtitle,
    ...(config.date ? { date: `${config.date}T00:00:00Z` } : {}),
    pageSize: config.pageSize,
    theme: { organisation: config.theme.organisation, colours: config.theme.colours, logo: config.theme.logo },
  };
}

interface ContentsEntry {
  title: string;
  note: string;
  anchor: string;
}

/**
 * The briefing pack (`pack.pdf`): cover, contents with page numbers and links, "at a glance"
 * across documents, every brief, and a data appendix. Briefs appear in the order given.
 */
export async function renderPack(briefs: readonly Brief[], options: PackOptions): Promise<Uint8Array> {
  if (briefs.length === 0) throw new BriefsError('E_USAGE', 'a pack needs at least one document');
  const { date, shown } = resolveDocumentDate(options.date, briefs);
  const charts = await resolveCharts(options.charts);
  const theme = options.theme ?? {};
  const colours = { ...DEFAULT_COLOURS, ...theme.colours };
  const sizing = chartOptions(options.pageSize ?? 'A4', colours);
  const packCharts = charts ? await chartBlocks(charts, charts.packCharts(briefs, sizing)) : [];
  const briefCharts: ChartBlock[][] = [];
  // One brief's charts at a time: all SVGs of a 100-document pack at once would sit in memory.
  for (const brief of briefs) briefCharts.push(charts ? await chartBlocks(charts, charts.briefCharts(brief, sizing)) : []);
  const organisation = theme.organisation?.trim() ?? '';
  const keywords = [...new Set(briefs.flatMap((b) => [...b.meta.topics, ...b.meta.regions]))].sort().slice(0, 40);
  const languages = [...new Set(briefs.map((b) => b.meta.language).filter(Boolean))];

  const layout = new Layout({
    pageSize: options.pageSize ?? 'A4',
    colours,
    info: {
      title: options.title,
      author: organisation || [...new Set(briefs.map((b) => b.meta.publisher).filter(Boolean))].join(', '),
      subject: `Briefing pack of ${briefs.length} document${briefs.length === 1 ? '' : 's'}${options.subtitle ? `: ${options.subtitle}` : ''}`,
      keywords,
    },
    lang: languages.length === 1 ? (languages[0] ?? 'en') : 'en',
    date,
    headerLabel: organisation || options.title,
    ...(options.fontDir ? { fontDir: options.fontDir } : {}),
  });
  const { doc } = layout;

  // Cover.
  layout.runningTitle = '';
  layout.addPage();
  layout.plainPages.add(layout.pageIndex);
  drawCover(layout, { ...options, organisation, count: briefs.length, dateText: shown ? formatDate(date) : '' });

  // Contents: pages reserved now, filled once every page number is known.
  const entries: ContentsEntry[] = [
    { title: 'At a glance', note: 'The documents side by side, charts and key figures across them', anchor: AT_A_GLANCE_ANCHOR },
    ...briefs.map((b) => ({ title: b.meta.title || b.id, note: byline(b), anchor: briefAnchor(b) })),
    { title: 'Data appendix', note: 'Every document and figure; where the full tables are', anchor: APPENDIX_ANCHOR },
  ];
  const entryStyle = layout.style('tocEntry');
  const noteStyle = layout.style('tocSub');
  const entryHeight = layout.lineHeight(entryStyle) + entryStyle.spaceAfter - 3 + layout.lineHeight(noteStyle) + noteStyle.spaceAfter;
  const titleHeight = layout.lineHeight(layout.style('h1')) + 24;
  layout.runningTitle = 'Contents';
  layout.addPage();
  const tocPages = [layout.pageIndex];
  const perFirst = Math.max(1, Math.floor((layout.maxY - layout.top - titleHeight) / entryHeight));
  const perNext = Math.max(1, Math.floor((layout.maxY - layout.top) / entryHeight));
  for (let left = entries.length - perFirst; left > 0; left -= perNext) {
    layout.addPage();
    tocPages.push(layout.pageIndex);
  }
  layout.doc.switchToPage(tocPages[0]!);
  layout.doc.y = layout.top;
  layout.bookmark('Contents', 1);
  const toc = layout.reserve('TOC');
  layout.doc.switchToPage(tocPages[tocPages.length - 1]!);

  // At a glance.
  layout.runningTitle = 'At a glance';
  layout.addPage();
  layout.group('Sect', () => layout.render(atAGlanceBlocks(briefs, packCharts)));

  // Every brief.
  briefs.forEach((brief, i) => {
    layout.runningTitle = brief.meta.title || brief.id;
    layout.addPage();
    layout.group('Art', () => layout.render(briefBlocks(brief, { charts: briefCharts[i] ?? [] })), { lang: brief.meta.language || 'en' });
  });

  layout.runningTitle = 'Data appendix';
  layout.addPage();
  layout.group('Sect', () => layout.render(appendixBlocks(briefs)));

  // Fill the contents.
  const last = layout.pageIndex;
  layout.within(toc, () => {
    let page = 0;
    doc.switchToPage(tocPages[0]!);
    doc.y = layout.top;
    layout.tag('H1', () => layout.text('Contents', layout.style('h1')));
    // Entries go where the reservation counted them (perFirst, then perNext a page), so the
    // pages reserved are the pages used.
    doc.y = layout.top + titleHeight;
    const numberWidth = 40;
    entries.forEach((entry, index) => {
      const onPage = index < perFirst ? 0 : 1 + Math.floor((index - perFirst) / perNext);
      if (onPage !== page) {
        page = onPage;
        doc.switchToPage(tocPages[page]!);
        doc.y = layout.top;
      }
      const target = layout.anchors.get(entry.anchor);
      const pageNumber = target === undefined ? '' : String(target + 1);
      const y = doc.y;
      const width = layout.width - numberWidth;
      layout.group('TOCI', () =>
        layout.tag('Link', () => {
          layout.useStyle(entryStyle);
          doc.text(layout.fitMixed(entry.title, entryStyle, width), layout.left, y, { width, lineBreak: false, goTo: entry.anchor });
          doc.text(pageNumber, layout.left + width, y, { width: numberWidth, align: 'right', lineBreak: false, goTo: entry.anchor });
        }),
      );
      doc.y = y + layout.lineHeight(entryStyle) + entryStyle.spaceAfter - 3;
      const noteY = doc.y;
      if (entry.note) {
        layout.tag('P', () => {
          layout.useStyle(noteStyle);
          doc.text(layout.fitMixed(entry.note, noteStyle, width - 14), layout.left + 14, noteY, { width: width - 14, lineBreak: false });
        });
      }
      doc.y = noteY + layout.lineHeight(noteStyle) + noteStyle.spaceAfter;
    });
  });
  doc.switchToPage(last);
  return layout.finish();
}

function drawCover(layout: Layout, cover: PackOptions & { organisation: string; count: number; dateText: string }): void {
  const { doc } = layout;
  const band = 120;
  layout.artifact(() => doc.rect(0, 0, doc.page.width, band).fill(layout.colours.primary));
  if (cover.organisation) {
    layout.tag('P', () => {
      layout.useStyle(layout.style('coverOrg'));
      doc.text(cover.organisation, layout.left, 48, { width: layout.width - 150, lineBreak: false });
    });
  }
  const logo = cover.theme?.logo;
  if (logo) {
    const w = 130;
    const h = 70;
    const x = doc.page.width - layout.left - w;
    layout.tag('Figure', () => doc.image(logo, x, (band - h) / 2, { fit: [w, h], align: 'right', valign: 'center' }), {
      alt: cover.organisation ? `Logo of ${cover.organisation}` : 'Logo',
      bbox: [x, (band - h) / 2, x + w, (band + h) / 2],
    });
  }
  doc.y = 230;
  layout.tag('H1', () => layout.text(cover.title, layout.style('coverTitle')));
  doc.y += 10;
  if (cover.subtitle) layout.tag('P', () => layout.text(cover.subtitle ?? '', layout.style('coverSubtitle')));
  doc.y += 20;
  const y = doc.y;
  layout.artifact(() => doc.moveTo(layout.left, y).lineTo(layout.left + 80, y).lineWidth(2).strokeColor(layout.colours.accent).stroke());
  doc.y += 16;
  const meta = layout.style('coverMeta');
  if (cover.dateText) layout.tag('P', () => layout.text(cover.dateText, meta));
  layout.tag('P', () => layout.text(`${cover.count} document${cover.count === 1 ? '' : 's'}`, meta));
}
