import type { DateNode, Entity, Figure, Quote } from '@briefs/ast';
import { isSpace } from './lex.js';

export type FigureSpan = Omit<Figure, 'id' | 'position'>;
export type DateSpan = Omit<DateNode, 'id' | 'position'>;
export type QuoteSpan = Omit<Quote, 'id' | 'position'>;
export type EntitySpan = Omit<Entity, 'id' | 'position'>;

/**
 * What the extractor remembers from sentence to sentence of one document. Everything here is
 * reset by creating a new extractor; nothing is shared between documents.
 */
export interface DocumentState {
  /** `meta.published` split into parts (null when unknown: relative dates are then skipped). */
  published: { year: number; month: number; day: number } | null;
  /** Acronym → expansion seen in this document ("SDF" → "Syrian Democratic Forces"). */
  acronyms: Map<string, string>;
  /** Surname (and full name) → full name of people named so far ("Trump" → "Donald Trump"). */
  people: Map<string, string>;
  /** First words of the names of several words in `people`: a phrase not starting with one is no key. */
  personFirstWords: Set<string>;
  /** Last person named as a source or speaker: "he said" / "she added" resolve to it. */
  lastPerson: string | null;
  /** Last organisation named: "it said" resolves to it. */
  lastOrganization: string | null;
  /** Last source named by a plural common noun ("officials"): "they said" resolves to it. */
  lastPluralSource: string | null;
  /** Last source of an attributed claim: "the same source", "the study" resolve to it. */
  lastSource: string | null;
  /** Speaker of the last quote, for a quotation that continues in the next sentence. */
  lastQuoteSpeaker: string | null;
  /** Whether the previous sentence ended inside or with a quotation. */
  previousEndedWithQuote: boolean;
  /** People named in the sentence being read, with their offsets (pronouns look back to them). */
  sentencePeople: Array<{ start: number; name: string }>;
  /** Highest footnote marker seen ("… in Spain, 1 and …"); markers count up through a text. */
  footnote: number;
}

export function createState(published: string | null): DocumentState {
  return {
    published: parsePublished(published),
    acronyms: new Map(),
    people: new Map(),
    personFirstWords: new Set(),
    lastPerson: null,
    lastOrganization: null,
    lastSource: null,
    lastPluralSource: null,
    lastQuoteSpeaker: null,
    previousEndedWithQuote: false,
    footnote: 0,
    sentencePeople: [],
  };
}

function parsePublished(value: string | null): DocumentState['published'] {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex alternation of literal words, longest first so "square kilometers" beats "kilometers". */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * What `text.matchAll(re)` yields, for a global `re` used by no other call (its `lastIndex` is 0
 * between calls), read by `exec` into an array: `matchAll` copies the pattern for every call,
 * which cost more than the match itself on the short texts of a sentence.
 */
export function allMatches(re: RegExp, text: string): readonly RegExpExecArray[] {
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  while (m !== null) {
    out.push(m);
    // An empty match steps on by one character, as `matchAll` does (`flags` is built per read: only here).
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode || re.flags.includes('v'));
    m = re.exec(text);
  }
  return out;
}

/** The sticky twin of a global pattern, for `matchesAt`. */
export function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, `${re.flags.replace('g', '')}y`);
}

/**
 * What `allMatches(re, text)` yields, for a pattern that matches no empty string, when every
 * match of it starts at one of `starts` (ascending; repeats and offsets where it does not match
 * are fine): its sticky twin is tried at those offsets only, each one past the previous match, so
 * the pattern is not tried at every character of the sentence.
 */
export function matchesAt(twin: RegExp, text: string, starts: readonly number[]): readonly RegExpExecArray[] {
  let out: RegExpExecArray[] | null = null;
  let from = 0;
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i]!;
    if (at < from) continue;
    twin.lastIndex = at;
    const m = twin.exec(text);
    if (m === null) continue;
    out ??= [];
    out.push(m);
    from = at + m[0].length;
  }
  return out ?? NO_MATCHES;
}

/**
 * `list.sort(compare)`, in place: the lists sorted per sentence hold a handful of items (most none
 * or one), which an insertion sort (stable, as `sort` is, so the same order) puts in order for less
 * than a call of the built-in sort costs.
 */
export function sortStable<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 16) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i;
    for (; j > 0 && compare(list[j - 1]!, item) > 0; j--) list[j] = list[j - 1]!;
    list[j] = item;
  }
  return list;
}

/** Sort offsets pushed nearly in order (a word before a listed one can come after it). */
export function ascending(offsets: number[]): number[] {
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) return offsets.sort((a, b) => a - b);
  return offsets;
}

/** The offset where the white space (\s) ending at `at` begins (`at` itself when there is none). */
export function spaceStart(text: string, at: number): number {
  let j = at;
  while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
  return j;
}

/**
 * The offsets `starts`, each preceded by the offsets `back` code units before the white space
 * in front of it (where a word of that length, or a number of that many digits, would start).
 */
export function withBefore(text: string, starts: readonly number[], back: readonly number[]): number[] {
  const out: number[] = [];
  for (const at of starts) {
    const j = spaceStart(text, at);
    if (j < at) for (const n of back) if (j - n >= 0) out.push(j - n);
    out.push(at);
  }
  return ascending(out);
}

/** The index after the character at `i`: a surrogate pair is one character to a unicode pattern. */
function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
