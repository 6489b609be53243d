import { type Brief, type Claim, type InlineContent, type Node, type Position, claimsWithSection } from '@briefs/ast';
import { calendarDate, dateSpan } from './format/dates.js';
import { countWords } from './format/words.js';

/**
 * Row builders: one function per table, each turning one brief into its rows in reading order.
 * Rows hold typed values (numbers, booleans, ISO date strings, null); turning them into CSV text
 * or XLSX cells is the writers' business. Keys are the column names of `tables.ts`.
 */

export type Cell = string | number | boolean | null;

export interface DocumentRow {
  doc_id: string;
  title: string | null;
  authors: string | null;
  published: string | null;
  publisher: string | null;
  source_url: string | null;
  words: number;
  source_path: string | null;
  sha256: string | null;
  updated: string | null;
  language: string | null;
  kind: string | null;
  summary: string | null;
  topics: string | null;
  regions: string | null;
  translations: string | null;
  format: string | null;
  bytes: number | null;
  sections: number;
  claims: number;
}

export interface SectionRow {
  doc_id: string;
  section_id: string;
  depth: number;
  heading: string | null;
  line: number | null;
  words: number;
  column: number | null;
  claims: number;
}

export interface ClaimRow {
  doc_id: string;
  claim_id: string;
  section_id: string;
  kind: string;
  source: string | null;
  hedge: string | null;
  text: string;
  line: number | null;
  column: number | null;
  speaker: string | null;
  words: number;
}

export interface FigureRow {
  doc_id: string;
  figure_id: string;
  claim_id: string;
  kind: string;
  value: number | null;
  value_max: number | null;
  unit: string | null;
  subject: string | null;
  approximate: boolean;
  text: string;
  line: number | null;
  column: number | null;
}

export interface DateRow {
  doc_id: string;
  date_id: string;
  claim_id: string;
  value: string;
  precision: string;
  text: string;
  line: number | null;
  column: number | null;
  start: string | null;
  end: string | null;
}

export interface QuoteRow {
  doc_id: string;
  quote_id: string;
  claim_id: string;
  speaker: string | null;
  text: string;
  line: number | null;
  column: number | null;
}

export interface EntityRow {
  doc_id: string;
  entity_id: string;
  claim_id: string;
  kind: string;
  name: string;
  text: string;
  line: number | null;
  column: number | null;
}

export interface LinkRow {
  doc_id: string;
  link_id: string;
  claim_id: string;
  url: string;
  text: string;
  line: number | null;
  column: number | null;
}

/** Separator of list cells (authors, topics…): a semicolon is rare in names, a comma is not. */
export const LIST_SEPARATOR = '; ';

const orNull = (text: string | null | undefined): string | null => (text === undefined || text === null || text === '' ? null : text);
const joinList = (items: readonly string[]): string | null => orNull(items.filter((s) => s !== '').join(LIST_SEPARATOR));
const finiteOrNull = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/**
 * Claims of a brief with their section, computed once per brief: every table but sections walks
 * them, and a brief is exported by calling all eight builders in turn.
 */
const claimsCache = new WeakMap<Brief, ReadonlyArray<{ claim: Claim; sectionId: string }>>();
function claimsOf(brief: Brief): ReadonlyArray<{ claim: Claim; sectionId: string }> {
  let claims = claimsCache.get(brief);
  if (!claims) {
    claims = claimsWithSection(brief);
    claimsCache.set(brief, claims);
  }
  return claims;
}

const wordsCache = new WeakMap<Claim, number>();
function wordsOf(claim: Claim): number {
  let words = wordsCache.get(claim);
  if (words === undefined) {
    words = countWords(claim.text);
    wordsCache.set(claim, words);
  }
  return words;
}

/** Where a node starts in its source; an inline node without a position falls back to its claim. */
function startOf(node: Node, fallback?: Node): { line: number | null; column: number | null } {
  const position: Position | undefined = node.position ?? fallback?.position;
  return { line: position?.start.line ?? null, column: position?.start.column ?? null };
}

export function documentRows(brief: Brief): DocumentRow[] {
  const { meta, source } = brief;
  const claims = claimsOf(brief);
  let words = 0;
  for (const { claim } of claims) words += wordsOf(claim);
  return [
    {
      doc_id: brief.id,
      title: orNull(meta.title),
      authors: joinList(meta.authors.map((a) => a.name)),
      published: calendarDate(meta.published),
      publisher: orNull(meta.publisher),
      source_url: orNull(meta.sourceUrl),
      words,
      source_path: orNull(source?.path),
      sha256: orNull(source?.sha256),
      updated: calendarDate(meta.updated),
      language: orNull(meta.language),
      kind: orNull(meta.kind),
      summary: orNull(meta.summary),
      topics: joinList(meta.topics),
      regions: joinList(meta.regions),
      translations: joinList(meta.translations.map((t) => t.language)),
      format: orNull(source?.format),
      bytes: finiteOrNull(source?.bytes),
      sections: brief.children.length,
      claims: claims.length,
    },
  ];
}

export function sectionRows(brief: Brief): SectionRow[] {
  const bySection = new Map<string, Claim[]>();
  for (const { claim, sectionId } of claimsOf(brief)) {
    const list = bySection.get(sectionId);
    if (list) list.push(claim);
    else bySection.set(sectionId, [claim]);
  }
  return brief.children.map((section) => {
    let words = 0;
    const claims = bySection.get(section.id) ?? [];
    for (const claim of claims) words += wordsOf(claim);
    return {
      doc_id: brief.id,
      section_id: section.id,
      depth: section.depth,
      heading: orNull(section.heading),
      ...startOf(section),
      words,
      claims: claims.length,
    };
  });
}

export function claimRows(brief: Brief): ClaimRow[] {
  return claimsOf(brief).map(({ claim, sectionId }) => ({
    doc_id: brief.id,
    claim_id: claim.id,
    section_id: sectionId,
    kind: claim.kind,
    source: orNull(claim.source),
    hedge: orNull(claim.hedge),
    text: claim.text,
    ...startOf(claim),
    speaker: orNull(claim.speaker),
    words: wordsOf(claim),
  }));
}

/** Inline nodes of one type with their claim, in reading order (claims, then children). */
function* inlines<T extends InlineContent['type']>(
  brief: Brief,
  type: T,
): Generator<{ node: Extract<InlineContent, { type: T }>; claim: Claim }> {
  for (const { claim } of claimsOf(brief)) {
    for (const child of claim.children) {
      if (child.type === type) yield { node: child as Extract<InlineContent, { type: T }>, claim };
    }
  }
}

export function figureRows(brief: Brief): FigureRow[] {
  return Array.from(inlines(brief, 'figure'), ({ node, claim }) => ({
    doc_id: brief.id,
    figure_id: node.id,
    claim_id: claim.id,
    kind: node.kind,
    value: finiteOrNull(node.value),
    value_max: finiteOrNull(node.valueMax),
    unit: orNull(node.unit),
    subject: orNull(node.subject),
    approximate: node.approximate === true,
    text: node.text,
    ...startOf(node, claim),
  }));
}

export function dateRows(brief: Brief): DateRow[] {
  return Array.from(inlines(brief, 'date'), ({ node, claim }) => {
    const span = dateSpan(node.value);
    return {
      doc_id: brief.id,
      date_id: node.id,
      claim_id: claim.id,
      value: node.value,
      precision: node.precision,
      text: node.text,
      ...startOf(node, claim),
      start: span?.start ?? null,
      end: span?.end ?? null,
    };
  });
}

export function quoteRows(brief: Brief): QuoteRow[] {
  return Array.from(inlines(brief, 'quote'), ({ node, claim }) => ({
    doc_id: brief.id,
    quote_id: node.id,
    claim_id: claim.id,
    speaker: orNull(node.speaker),
    text: node.text,
    ...startOf(node, claim),
  }));
}

export function entityRows(brief: Brief): EntityRow[] {
  return Array.from(inlines(brief, 'entity'), ({ node, claim }) => ({
    doc_id: brief.id,
    entity_id: node.id,
    claim_id: claim.id,
    kind: node.kind,
    name: node.name,
    text: node.text,
    ...startOf(node, claim),
  }));
}

/** Links carry no id in the AST: `link_id` numbers them `l1`, `l2`… in reading order per brief. */
export function linkRows(brief: Brief): LinkRow[] {
  return Array.from(inlines(brief, 'link'), ({ node, claim }, i) => ({
    doc_id: brief.id,
    link_id: `l${i + 1}`,
    claim_id: claim.id,
    url: node.url,
    text: node.text,
    ...startOf(node, claim),
  }));
}
