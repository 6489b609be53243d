/**
 * Quotations: “curly”, "straight", «guillemets», „low-high“ and ‘single curly’ quotes, including a
 * quotation left open at the end of the sentence (it goes on in the next paragraph). Straight
 * single quotes are not read as quotes: they are far more often apostrophes.
 */
import { hasLetterOrDigit, isSpace } from './lex.js';
import { allMatches, sortStable } from './state.js';

export interface RawQuote {
  /** Index of the opening mark, or -1 when the quotation began in an earlier sentence. */
  open: number;
  /** Index of the closing mark, or -1 when the quotation goes on after this sentence. */
  close: number;
  /** [start, end) of the quoted words, marks and edge punctuation excluded. */
  start: number;
  end: number;
}

const PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['«', '»'],
  ['„', '“'],
  ['„', '”'],
];

const QUOTE_HINT = /["“”«„‘]/;

/** The double quote marks `findQuotes` reads: " “ ” « „. */
const MARK = /["“”«„]/g;

/** A ‘single’ quotation, global: read by `allMatches` only (its `lastIndex` is 0 between calls). */
const SINGLE_QUOTED = /(?<=^|[\s(—–])‘([^‘’]+?)’(?![\p{L}])/gu;

/** Index of the first double quote mark at or after `from` (`text.length`: none), skipped to natively. */
function nextMark(text: string, from: number): number {
  MARK.lastIndex = from;
  return MARK.exec(text)?.index ?? text.length;
}

const byStart = (a: RawQuote, b: RawQuote): number => a.start - b.start;

/** Quotations of a sentence in reading order; nested ones are left inside their parent. */
export function findQuotes(text: string): RawQuote[] {
  const found: RawQuote[] = [];
  if (!QUOTE_HINT.test(text)) return found;
  const taken: Array<[number, number]> = [];
  const isTaken = (i: number) => taken.some(([a, b]) => i >= a && i <= b);

  for (let i = nextMark(text, 0); i < text.length; i = nextMark(text, i + 1)) {
    const ch = text[i]!;
    if (isTaken(i)) continue;
    const pair = PAIRS.find(([open]) => open === ch);
    if (pair) {
      const closeAt = text.indexOf(pair[1], i + 1);
      // A German „ pairs with “; an English “ with ”. Try the other closer for „.
      const alt = ch === '„' && closeAt < 0 ? text.indexOf('”', i + 1) : closeAt;
      add(found, taken, text, i, alt);
      if (alt < 0) break;
      i = alt;
      continue;
    }
    if (ch === '"') {
      const closeAt = text.indexOf('"', i + 1);
      if (closeAt < 0 && found.length > 0) break;
      add(found, taken, text, i, closeAt);
      if (closeAt < 0) break;
      i = closeAt;
      continue;
    }
    if (ch === '”' && found.length === 0 && i > 0) {
      // The quotation opened in an earlier sentence of the same passage.
      add(found, taken, text, -1, i);
    }
  }
  // ‘Single’ quotes outside double ones (nested single quotes stay inside their parent).
  for (const m of text.includes('‘') ? allMatches(SINGLE_QUOTED, text) : []) {
    if (isTaken(m.index)) continue;
    add(found, taken, text, m.index, m.index + m[0].length - 1);
  }
  sortStable(found, byStart);
  return found;
}

/** `[\s,;:]` of a code unit: left off the end of a quotation. */
const isTrailing = (c: number): boolean => c === 44 || c === 59 || c === 58 || isSpace(c);

function add(found: RawQuote[], taken: Array<[number, number]>, text: string, open: number, close: number): void {
  let start = open + 1;
  let end = close < 0 ? text.length : close;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isTrailing(text.charCodeAt(end - 1))) end--;
  if (end - start < 1 || !hasLetterOrDigit(text, start, end)) return;
  found.push({ open, close, start, end });
  taken.push([Math.max(open , 0), close < 0 ? text.length : close]);
}

/** The sentence with quoted words blanked (same length), so cues are looked for outside quotes. */
export function maskQuotes(text: string, quotes: readonly RawQuote[]): string {
  let masked = text;
  for (const q of quotes) {
    masked = masked.slice(0, q.start) + '·'.repeat(q.end - q.start) + masked.slice(q.end);
  }
  return masked;
}

const SMALL_WORDS = /^(?:of|the|and|for|in|on|to|a|an|at|by|de|du|la|le|\d[\w.]*|&|-|–)$/;

/** “Made in China 2025”, “Board of Peace”: a short title in quotes names a thing. */
export function isTitleLike(words: readonly string[]): boolean {
  if (words.length > 6) return false;
  const core = words.map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).filter(Boolean);
  return core.length > 0 && core.every((w) => /^[\p{Lu}\d]/u.test(w) || SMALL_WORDS.test(w)) && /^[\p{Lu}\d]/u.test(core[0]!);
}
