/**
 * The brief AST: a neutral, serialisable tree (see ../../../shared/CONTRACT.md, "The AST").
 * Renderers and exporters depend on these types only, never on unified/mdast.
 *
 * Node types live in registries (`BlockContentMap`, `InlineContentMap`) that other packages may
 * augment with `declare module '@briefs/ast'`, in the manner of @types/mdast.
 */

/** unist point: 1-based line and column, 0-based offset in UTF-16 code units of the file as read. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** unist position: where a node comes from in the original source file. */
export interface Position {
  start: Point;
  end: Point;
}

export interface Node {
  type: string;
  position?: Position;
}

// ---------------------------------------------------------------------------------------------
// Document and metadata

export interface Author {
  name: string;
  url?: string;
  bio?: string;
}

export interface Translation {
  /** BCP 47 language tag, e.g. `ar`, `fa`. */
  language: string;
  title: string;
  url: string;
}

export interface RelatedItem {
  title: string;
  url?: string;
  /** ISO 8601 date. */
  date?: string;
  authors?: string[];
}

export interface Meta {
  title: string;
  summary: string;
  authors: Author[];
  /** ISO 8601 date (`2019-11-07`) or null when unknown. */
  published: string | null;
  updated: string | null;
  publisher: string;
  sourceUrl: string;
  /** BCP 47 language tag of the body text. */
  language: string;
  /** Genre of the piece as the publisher labels it: "Brief Analysis", "Commentary", "Q&A"… */
  kind: string;
  translations: Translation[];
  topics: string[];
  regions: string[];
  related: RelatedItem[];
}

/** A problem in the content: a value on the tree, not an exception (markdoc habit). */
export interface Diagnostic {
  id: string;
  level: 'error' | 'warning' | 'info';
  message: string;
  position?: Position;
}

/** A span of the source classified as page residue and left out of the body. */
export interface Residue {
  /** Rule id, e.g. `translations`, `share-bar`, `related-list`. */
  rule: string;
  /** What was dropped, shortened for display. */
  text: string;
  position: Position;
}

export interface Brief extends Node {
  type: 'brief';
  /** Stable slug derived from the source path (CONTRACT: `<doc-id>`). */
  id: string;
  meta: Meta;
  children: Section[];
  /** Source facts: path as given, byte length, sha256 of the bytes, encoding detected. */
  source?: SourceInfo;
  /** Page residue dropped from the body, in source order. */
  residue?: Residue[];
  diagnostics?: Diagnostic[];
}

export interface SourceInfo {
  path: string;
  format: 'markdown' | 'text' | 'html';
  encoding: string;
  bytes: number;
  sha256: string;
}

// ---------------------------------------------------------------------------------------------
// Blocks

export interface Section extends Node {
  type: 'section';
  /** `s1`, `s2`… in reading order; `s0` is the lead before the first heading. */
  id: string;
  /** 1–6; the lead has depth 0. */
  depth: number;
  heading: string | null;
  children: BlockContent[];
}

export interface Paragraph extends Node {
  type: 'paragraph';
  children: Claim[];
}

export interface List extends Node {
  type: 'list';
  ordered: boolean;
  children: ListItem[];
}

export interface ListItem extends Node {
  type: 'listItem';
  children: BlockContent[];
}

export interface Blockquote extends Node {
  type: 'blockquote';
  children: BlockContent[];
}

export interface Illustration extends Node {
  type: 'illustration';
  caption: string;
  url?: string;
  /** Credit line ("Getty Images") where the caption carries one. */
  credit?: string;
  /**
   * The caption's sentences as claims, so the dates, figures and places a map or photo caption
   * gives ("ISIS territory at its peak in 2015") are found like those of body text.
   */
  children?: Claim[];
}

export interface Table extends Node {
  type: 'table';
  /** Column alignment from GFM, null where unset. */
  align: Array<'left' | 'right' | 'center' | null>;
  children: TableRow[];
}

export interface TableRow extends Node {
  type: 'tableRow';
  /** True for the header row. */
  header: boolean;
  children: TableCell[];
}

export interface TableCell extends Node {
  type: 'tableCell';
  text: string;
  children: Claim[];
}

/** Registry of block node types; augment to add more. */
export interface BlockContentMap {
  paragraph: Paragraph;
  list: List;
  blockquote: Blockquote;
  illustration: Illustration;
  table: Table;
}
export type BlockContent = BlockContentMap[keyof BlockContentMap];

// ---------------------------------------------------------------------------------------------
// Claims and inline nodes

export type ClaimKind = 'statement' | 'attributed' | 'forecast' | 'recommendation';

export interface Claim extends Node {
  type: 'claim';
  /** `c1`, `c2`… unique within the brief, in reading order. */
  id: string;
  kind: ClaimKind;
  /** The sentence as a reader sees it (markdown syntax and escapes removed). */
  text: string;
  /** Who is cited (for `attributed`), else null. */
  source: string | null;
  /** Hedging or obligation words ("likely", "may", "should"), else null. */
  hedge: string | null;
  /** Speaker label of a Q&A transcript turn ("Name: answer") this sentence belongs to, if any. */
  speaker?: string;
  /**
   * Inline nodes found in the sentence, ordered by start offset (reading order). Spans may nest
   * (a figure inside a quote): each is a direct child, and `range` tells where it sits in `text`.
   */
  children: InlineContent[];
}

export interface InlineBase extends Node {
  /** [start, end) in UTF-16 code units of the parent claim's `text`. */
  range: [number, number];
}

export type FigureKind = 'money' | 'count' | 'percent' | 'measure' | 'ordinal';

export interface Figure extends InlineBase {
  type: 'figure';
  id: string;
  text: string;
  /** null only where the text gives no number ("thousands of"). */
  value: number | null;
  /** ISO 4217 for money, `%` for percent, a unit symbol for measures, null for counts. */
  unit: string | null;
  kind: FigureKind;
  approximate: boolean;
  /** Upper end of a range ("between 200 and 300" → 300), else null. */
  valueMax: number | null;
  /** The counted or measured thing ("countries"), else null. */
  subject: string | null;
}

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateNode extends InlineBase {
  type: 'date';
  id: string;
  text: string;
  /** ISO 8601 (`2019`, `2019-10`, `2019-10-27`) or an interval (`2007/2009`). */
  value: string;
  precision: DatePrecision;
}

export interface Quote extends InlineBase {
  type: 'quote';
  id: string;
  /** The quoted words, quote marks removed. */
  text: string;
  speaker: string | null;
}

export type EntityKind = 'person' | 'organization' | 'place';

export interface Entity extends InlineBase {
  type: 'entity';
  id: string;
  text: string;
  /** Canonical name ("United States" for "U.S."). */
  name: string;
  kind: EntityKind;
}

export interface Link extends InlineBase {
  type: 'link';
  /** Absolute where the source URL is known; scraped `[t](#) (<url>)` resolved to `url`. */
  url: string;
  text: string;
}

/** Registry of inline node types; augment to add more. */
export interface InlineContentMap {
  figure: Figure;
  date: DateNode;
  quote: Quote;
  entity: Entity;
  link: Link;
}
export type InlineContent = InlineContentMap[keyof InlineContentMap];

export type AnyNode = Brief | Section | BlockContent | ListItem | TableRow | TableCell | Claim | InlineContent;
