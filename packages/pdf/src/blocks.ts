import type { StyleName } from './styles.js';

/**
 * The neutral layout tree between a brief and the PDF: plain, serialisable blocks (markdoc's
 * Tag habit). `brief-blocks.ts` and `pack-blocks.ts` build them from ASTs (pure, testable);
 * `layout.ts` draws them with one handler per block type.
 */
export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3;
  text: string;
  /** Named destination for internal links (contents). */
  anchor?: string;
  /** Also an entry of the PDF outline (bookmarks). Default true. */
  bookmark?: boolean;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  style?: StyleName;
  /** Web or mail link of the whole paragraph (checked by `safeUrl` before drawing). */
  link?: string | null;
  /** Base direction: `auto` follows the first strong letter (for titles in other scripts). */
  direction?: 'ltr' | 'rtl' | 'auto';
  /** BCP 47 language of this text when it differs from the document's. */
  lang?: string;
}

export interface ListEntry {
  text: string;
  /** A second, quieter line: source, hedge, where in the text. */
  note?: string;
  link?: string | null;
  /** Nesting level (0 = top). */
  depth?: number;
}

export interface ListBlock {
  type: 'list';
  items: ListEntry[];
  style?: StyleName;
  /** Draw bullets. Default true. */
  bullets?: boolean;
}

export interface TableColumn {
  label: string;
  /** Share of the text width; shares are normalised. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableBlock {
  type: 'table';
  columns: TableColumn[];
  rows: string[][];
  caption?: string;
}

export interface QuoteBlock {
  type: 'quote';
  text: string;
  speaker: string | null;
}

export interface ChartBlock {
  type: 'chart';
  title: string;
  /** Alternative text generated from the chart's data (tagged as the Figure's /Alt). */
  alt: string;
  /** Vector SVG; null when drawing failed (`error` says why). */
  svg: string | null;
  /** Height / width. */
  aspect: number;
  error?: string;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

export interface BlockMap {
  heading: HeadingBlock;
  paragraph: ParagraphBlock;
  list: ListBlock;
  table: TableBlock;
  quote: QuoteBlock;
  chart: ChartBlock;
  pageBreak: PageBreakBlock;
}
export type Block = BlockMap[keyof BlockMap];
