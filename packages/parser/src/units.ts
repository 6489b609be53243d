/**
 * The seam between the structural parser and page cleaning.
 *
 * The parser (src/*.ts) turns the markdown tree into a flat list of `Unit`s: headings, and every
 * source line of paragraphs, list items, block quotes… with the text a reader sees and where it
 * sits in the source. Page cleaning (src/clean/) classifies each unit — body, heading, caption or
 * page residue — and recovers `meta`. The parser then builds sections, blocks and claims from
 * the units kept. Offsets are UTF-16 code units of the original text as read (after decoding).
 */
import type { Meta, Residue } from '@briefs/ast';

export type UnitKind =
  | 'heading' // markdown heading (`#`, setext)
  | 'line' // one source line of a paragraph
  | 'listItem' // one source line of a list item (first line carries the marker)
  | 'blockquote' // one source line inside `>`
  | 'table' // a whole GFM table
  | 'image' // an image (alt/title as text)
  | 'code' // fenced or indented code
  | 'html' // raw HTML block left in markdown
  | 'break'; // thematic break

export interface UnitLink {
  text: string;
  /** As written (possibly relative or `#`); the parser resolves it. */
  url: string;
  /** [start, end) source offsets of the whole link syntax. */
  start: number;
  end: number;
}

export interface Unit {
  index: number;
  kind: UnitKind;
  /** Heading depth 1–6 for `heading`; nesting depth for list items and block quotes. */
  depth: number;
  /** Text as a reader sees it: markdown syntax, escapes and link targets removed. */
  text: string;
  /** [start, end) source offsets of the unit. */
  start: number;
  end: number;
  /** 1-based source line of `start`. */
  line: number;
  /** True where a new markdown block starts here (false for the 2nd… line of a paragraph). */
  blockStart: boolean;
  /** The unit's text is all strong (`**…**`) or all emphasis. */
  strong: boolean;
  links: UnitLink[];
}

export interface CleanContext {
  source: string;
  path?: string;
  format: 'markdown' | 'text' | 'html';
  /** Parsed YAML front matter, or null. */
  frontMatter: Record<string, unknown> | null;
  /** [start, end) of the front matter block in the source, to report it. */
  frontMatterRange: [number, number] | null;
  /** Offsets where the source's lines start (`LineIndex.starts`), when the caller has them. */
  lineStarts?: readonly number[];
}

export type UnitRole = 'body' | 'heading' | 'caption' | 'residue';

export interface UnitDecision {
  role: UnitRole;
  /** Rule id for `residue` (and why a unit became a heading or caption): `share-bar`, `byline`… */
  rule?: string;
  /** Heading depth when `role` is `heading` (ALL-CAPS lines, bold run-in leads). */
  depth?: number;
  /** Parts of a kept unit to drop anyway (residue run into body text), source offsets. */
  drop?: Array<{ start: number; end: number; rule: string }>;
  /** Headings run into flattened text: the unit is split here, source offsets. */
  inlineHeadings?: Array<{ start: number; end: number; text: string }>;
  /** Q&A transcripts: the speaker label that opens this unit ("Name:"), and where it ends. */
  speaker?: { name: string; end: number };
}

export interface CleanResult {
  meta: Meta;
  /** One decision per unit, same order and length as the units. */
  decisions: UnitDecision[];
  /** Everything dropped, in source order, for `--explain`. */
  residue: Residue[];
}

export type CleanPage = (units: readonly Unit[], context: CleanContext) => CleanResult;
