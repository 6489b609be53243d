/**
 * The working state of page cleaning: the units, one decision slot per unit (empty until a rule
 * claims it), the meta being recovered, and the facts rules share (links from a scraper's link
 * list, the page outline, where the article ends).
 */
import type { Author, Meta, Position, RelatedItem, Residue } from '@briefs/ast';
import type { CleanContext, Unit, UnitDecision } from '../units.js';
import { clean, excerpt, primeWordCount } from './text.js';

export interface DropRange {
  start: number;
  end: number;
  rule: string;
}

export class Page {
  readonly texts: string[];
  readonly decisions: Array<UnitDecision | undefined>;
  readonly meta: Meta;
  /** Link text (folded) → URL, from a scraper's trailing link list. */
  readonly linkMap = new Map<string, string>();
  /** Section titles from a page outline (scraper "Page Structure"), in order. */
  outline: Array<{ text: string; depth: number }> = [];
  /** Units from here on are after the article (author boxes, related lists, footers). */
  articleEnd: number;
  /** First unit of running article text. */
  bodyStart = 0;
  /** Extra residue that is not a whole unit (drop ranges), collected for `residue`. */
  readonly extraResidue: Residue[] = [];
  /** The raw domain of the page where known. */
  domain = '';
  /** Publisher candidates with a weight, best kept. */
  readonly publisherHints: Array<{ name: string; weight: number }> = [];
  private readonly lineStarts: readonly number[];

  constructor(
    readonly units: readonly Unit[],
    readonly context: CleanContext,
  ) {
    this.texts = units.map((u) => clean(u.text));
    for (const t of this.texts) primeWordCount(t);
    this.decisions = units.map(() => undefined);
    this.articleEnd = units.length;
    this.meta = {
      title: '', summary: '', authors: [], published: null, updated: null, publisher: '', sourceUrl: '',
      language: '', kind: '', translations: [], topics: [], regions: [], related: [],
    };
    this.lineStarts = context.lineStarts ?? lineStartsOf(context.source);
  }

  get length(): number {
    return this.units.length;
  }

  unit(i: number): Unit {
    return this.units[i]!;
  }

  text(i: number): string {
    return this.texts[i] ?? '';
  }

  free(i: number): boolean {
    return i >= 0 && i < this.units.length && this.decisions[i] === undefined;
  }

  /** Marks a unit as residue under a rule; the first rule to claim a unit wins. */
  drop(i: number, rule: string): boolean {
    if (!this.free(i)) return false;
    this.decisions[i] = { role: 'residue', rule };
    return true;
  }

  set(i: number, decision: UnitDecision): void {
    this.decisions[i] = decision;
  }

  /** Records a span inside a kept unit as residue (flattened pages, glued link noise). */
  dropRange(i: number, start: number, end: number, rule: string): void {
    if (end <= start) return;
    const decision = this.decisions[i] ?? (this.unit(i).kind === 'heading' ? { role: 'heading' as const, depth: this.unit(i).depth } : { role: 'body' as const });
    decision.drop = [...(decision.drop ?? []), { start, end, rule }].sort((a, b) => a.start - b.start);
    this.decisions[i] = decision;
  }

  point(offset: number): Position['start'] {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1, offset };
  }

  residueAt(rule: string, start: number, end: number, text?: string): Residue {
    return {
      rule,
      text: excerpt(text ?? this.context.source.slice(start, end)),
      position: { start: this.point(start), end: this.point(end) },
    };
  }

  /** Maps an index in unit `i`'s reader text to a source offset (markup skipped greedily). */
  sourceOffset(i: number, textIndex: number): number {
    const u = this.unit(i);
    const text = u.text;
    const src = this.context.source;
    if (src.slice(u.start, u.end) === text) return u.start + textIndex;
    let s = u.start;
    for (let t = 0; t < textIndex && t < text.length; t++) {
      const ch = text[t]!;
      let k = s;
      while (k < u.end && src[k] !== ch && !(/\s/.test(ch) && /\s/.test(src[k] ?? ''))) k++;
      if (k >= u.end) return Math.min(u.end, s + (textIndex - t));
      s = k + 1;
    }
    return Math.min(s, u.end);
  }

  addAuthor(author: Author): void {
    const name = author.name.trim().replace(/[,;.]$/, '');
    if (!name) return;
    const existing = this.meta.authors.find((a) => a.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      if (author.url && !existing.url) existing.url = author.url;
      if (author.bio && !existing.bio) existing.bio = author.bio;
      return;
    }
    this.meta.authors.push({ ...author, name });
  }

  addRelated(item: RelatedItem): void {
    const title = item.title.trim();
    if (!title) return;
    const key = title.toLowerCase();
    const related = this.meta.related;
    // `related.find((r) => r.title.toLowerCase() === key)` from a table (pages list dozens of
    // items, each was compared with every one before it), built again if the list was changed
    // other than here.
    if (related !== this.relatedListed || related.length !== this.relatedIndexed) this.indexRelated();
    const same = this.relatedByTitle.get(key);
    if (same) {
      if (item.url && !same.url) same.url = item.url;
      if (item.date && !same.date) same.date = item.date;
      if (item.authors?.length && !same.authors?.length) same.authors = item.authors;
      return;
    }
    const added = { ...item, title };
    related.push(added);
    this.relatedByTitle.set(key, added);
    this.relatedIndexed = related.length;
  }

  /** The first item of `meta.related` for each lower-cased title. */
  private readonly relatedByTitle = new Map<string, RelatedItem>();
  private relatedListed: RelatedItem[] | null = null;
  private relatedIndexed = 0;

  private indexRelated(): void {
    const related = this.meta.related;
    this.relatedByTitle.clear();
    for (const r of related) {
      const key = r.title.toLowerCase();
      if (!this.relatedByTitle.has(key)) this.relatedByTitle.set(key, r);
    }
    this.relatedListed = related;
    this.relatedIndexed = related.length;
  }

  addTag(kind: 'topics' | 'regions', tag: string): void {
    const t = tag.trim().replace(/[,;|]$/, '').trim();
    if (!t || t.length > 60) return;
    const list = this.meta[kind];
    if (!list.some((x) => x.toLowerCase() === t.toLowerCase())) list.push(t);
  }

  /** Next unit index after `i` that is not empty text. */
  next(i: number): number {
    let j = i + 1;
    while (j < this.length && this.text(j) === '' && this.unit(j).links.length === 0) j++;
    return j;
  }
}

/** Offsets where lines start: after LF, CRLF and a lone CR (what `LineIndex` finds). */
function lineStartsOf(src: string): number[] {
  const starts = [0];
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}
