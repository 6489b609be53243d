import type { FigureKind } from '@briefs/ast';
import { inlinesOf } from '@briefs/ast';
import type { Block, ChartBlock, TableBlock } from './blocks.js';
import { shorten, snippetAround } from './brief-blocks.js';
import { formatIsoDate } from './dates.js';
import type { PackDigest } from './render-pack.js';

/** Which figures lead "key figures across documents": money first, then shares, then the rest. */
const KIND_RANK: Record<FigureKind, number> = { money: 0, percent: 1, count: 2, measure: 3, ordinal: 4 };

export const AT_A_GLANCE_ANCHOR = 'at-a-glance';
export const APPENDIX_ANCHOR = 'data-appendix';

/** "At a glance": the documents side by side, the pack charts, the key figures of each document. */
/**
 * Rows of "key figures across documents" at most: past this, fewer figures per document, then the
 * first documents only (the caption says so). A pack of 1,000 documents would otherwise open with
 * 150 pages of figures that data/figures.csv holds anyway.
 */
export const MAX_KEY_FIGURE_ROWS = 300;

export function atAGlanceBlocks(digests: readonly PackDigest[], charts: readonly ChartBlock[], most = 3): Block[] {
  const perDocument = Math.max(1, Math.min(most, Math.floor(MAX_KEY_FIGURE_ROWS / Math.max(1, digests.length))));
  const briefs = digests.map((d) => d.brief);
  const blocks: Block[] = [{ type: 'heading', level: 1, text: 'At a glance', anchor: AT_A_GLANCE_ANCHOR }];
  blocks.push({ type: 'heading', level: 2, text: 'Documents' });
  blocks.push({
    type: 'table',
    columns: [
      { label: 'Document', width: 0.42 },
      { label: 'Publisher', width: 0.2 },
      { label: 'Published', width: 0.14 },
      { label: 'Figures', width: 0.08, align: 'right' },
      { label: 'Claims', width: 0.08, align: 'right' },
      { label: 'Quotes', width: 0.08, align: 'right' },
    ],
    rows: digests.map(({ brief: b, claims, quotes }) => [
      shorten(b.meta.title || b.id, 90),
      b.meta.publisher,
      formatIsoDate(b.meta.published),
      String(inlinesOf(b, 'figure').length),
      String(claims),
      String(quotes),
    ]),
  });
  if (charts.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Across the documents' });
    blocks.push(...charts);
  }
  const rows: string[][] = [];
  let shown = 0;
  for (const brief of briefs) {
    if (rows.length >= MAX_KEY_FIGURE_ROWS) break;
    shown++;
    const figures = inlinesOf(brief, 'figure')
      .map((f, index) => ({ ...f, index }))
      .sort((a, b) => KIND_RANK[a.node.kind] - KIND_RANK[b.node.kind] || a.index - b.index)
      .slice(0, perDocument);
    for (const { node, claim } of figures.slice(0, MAX_KEY_FIGURE_ROWS - rows.length)) rows.push([shorten(brief.meta.title || brief.id, 50), node.text, snippetAround(claim, node, 100)]);
  }
  if (rows.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Key figures across documents' });
    blocks.push({
      type: 'table',
      columns: [
        { label: 'Document', width: 0.28 },
        { label: 'Value', width: 0.17 },
        { label: 'In context', width: 0.55 },
      ],
      rows,
      caption: `${perDocument === 1 ? 'One figure' : `Up to ${perDocument} figures`} per document, money and percentages first${shown < briefs.length ? `, for the first ${shown} of ${briefs.length} documents` : ''}. Every figure is in data/figures.csv; the data appendix counts them by document.`,
    });
  }
  return blocks;
}

/** The data appendix: every document and every figure, with where to find the full tables. */
export function appendixBlocks(digests: readonly PackDigest[]): Block[] {
  const briefs = digests.map((d) => d.brief);
  const documents: TableBlock = {
    type: 'table',
    columns: [
      { label: 'Doc id', width: 0.24 },
      { label: 'Title', width: 0.36 },
      { label: 'Published', width: 0.14 },
      { label: 'Source', width: 0.26 },
    ],
    rows: briefs.map((b) => [b.id, shorten(b.meta.title, 80), b.meta.published ?? '', b.meta.sourceUrl]),
  };
  // Figures counted by kind per document: one row a document however long the pack. Every
  // figure itself is in data/figures.csv (a 100-document pack would need ~150 pages for them).
  const kinds: FigureKind[] = ['money', 'percent', 'count', 'measure', 'ordinal'];
  const figures: TableBlock = {
    type: 'table',
    columns: [
      { label: 'Doc id', width: 0.34 },
      ...kinds.map((k) => ({ label: k[0]!.toUpperCase() + k.slice(1), width: 0.1, align: 'right' as const })),
      { label: 'All', width: 0.08, align: 'right' },
      { label: 'Dates', width: 0.08, align: 'right' },
    ],
    rows: briefs.map((b) => {
      const found = inlinesOf(b, 'figure');
      return [b.id, ...kinds.map((k) => String(found.filter((f) => f.node.kind === k).length)), String(found.length), String(inlinesOf(b, 'date').length)];
    }),
    caption: 'Figures found in each document, by kind; each figure with its value, unit, subject and line is in data/figures.csv.',
  };
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: 'Data appendix', anchor: APPENDIX_ANCHOR },
    {
      type: 'paragraph',
      style: 'note',
      text: 'The full tables (documents, sections, claims, figures, dates, quotes, entities, links) are in data/*.csv, described by data/datapackage.json, and in data/briefs.xlsx.',
    },
    { type: 'heading', level: 2, text: 'Documents' },
    documents,
  ];
  blocks.push({ type: 'heading', level: 2, text: 'Figures by document' }, figures);
  return blocks;
}
