/**
 * One cheap pass over a sentence: which registered word classes its lower-case words belong to,
 * and whether it holds a digit. The rule modules test these before running their patterns, so a
 * sentence without a month name never meets the month patterns; that keeps `analyze` near one
 * pass per sentence.
 *
 * A word is a run of a–z in the lower-cased text (what `lower.split(/[^a-z]+/)` yields). Word
 * classes are registered once, at module load, with `wordClass`; the pass walks a trie of all
 * their words as it reads the letters, so no word is sliced out or looked up in a set.
 */
export interface Lexed {
  /** The text lower-cased: a pattern's literal words can be looked for in it before the pattern runs. */
  lower: string;
  /** Bit set of the word classes (`wordClass`) with a word in the text. */
  classes: number;
  digits: boolean;
  /** Offset of the first letter or digit: a word there is the first of the sentence. */
  firstWordAt: number;
  /**
   * `[start, classes, start, classes, …]` of the words of classes registered with positions, in
   * reading order (null: none). Offsets in `lower` are offsets in the text unless `exotic`.
   */
  hits: number[] | null;
  /**
   * Whether lower-casing moved offsets ("İ" becomes two code units) or glued a letter to an ASCII
   * word ("K", the Kelvin sign, becomes "k"): then a pattern can match a word the classes and hits
   * miss, and they are no proof of absence (`mayHave`) and no list of places (`wordStarts`).
   */
  exotic: boolean;
}

/** A bit standing for a set of lower-case words; `has(lexed, c)` tells whether the text holds one. */
export type WordClass = number;

/**
 * The trie of every registered word: node `n`'s child for letter `c` is `trieNext[n * 26 + c - 97]`
 * (-1: none); `trieClasses[n]` the classes of the word ending at `n`. Node 0 is the root.
 */
const trieNext: number[] = new Array<number>(26).fill(-1);
const trieClasses: number[] = [0];
/** `trieNext` and `trieClasses` as typed arrays for `lex`, made again after a class is registered. */
let nextTable: Int32Array | null = null;
let classTable: Int32Array | null = null;
let classCount = 0;
/** The classes whose words `lex` lists with their offsets (`hits`). */
let positional = 0;

/**
 * Register a set of words as a class. Words other than a–z runs can never be a word of a text.
 * With `positions`, `lex` also lists where the class's words start (`wordStarts`).
 */
export function wordClass(words: Iterable<string>, positions = false): WordClass {
  if (classCount >= 31) throw new Error('too many word classes');
  const bit = 1 << classCount++;
  if (positions) positional |= bit;
  nextTable = null;
  for (const word of words) {
    if (!/^[a-z]+$/.test(word)) continue;
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = node * 26 + word.charCodeAt(i) - 97;
      let next = trieNext[slot]!;
      if (next < 0) {
        next = trieClasses.length;
        trieClasses.push(0);
        for (let k = 0; k < 26; k++) trieNext.push(-1);
        trieNext[slot] = next;
      }
      node = next;
    }
    trieClasses[node] = trieClasses[node]! | bit;
  }
  return bit;
}

export const has = (lexed: Lexed, wordClass: WordClass): boolean => (lexed.classes & wordClass) !== 0;

/**
 * Whether the text may hold a word of the class where a pattern (without the `u` flag) sees one:
 * a whole ASCII word between non-word characters. Exact unless `exotic`, where it says yes.
 */
export const mayHave = (lexed: Lexed, wordClass: WordClass): boolean => lexed.exotic || (lexed.classes & wordClass) !== 0;

/** Offsets of the words of a positional class, ascending; only for a text that is not `exotic`. */
export function wordStarts(lexed: Lexed, wordClass: WordClass): number[] {
  const out: number[] = [];
  const hits = lexed.hits;
  if (hits === null) return out;
  for (let i = 0; i < hits.length; i += 2) if ((hits[i + 1]! & wordClass) !== 0) out.push(hits[i]!);
  return out;
}

/** What a sentence's first word starts with, for a text where the pass cannot tell. */
const LETTER_OR_DIGIT = /[\p{L}\d]/u;

export function lex(text: string): Lexed {
  if (nextTable === null) {
    nextTable = Int32Array.from(trieNext);
    classTable = Int32Array.from(trieClasses);
  }
  const trie = nextTable;
  const ends = classTable!;
  const lower = text.toLowerCase();
  let classes = 0;
  let digits = false;
  // Offset of the first letter or digit; -2 once a non-ASCII code unit came first (the pattern decides).
  let first = -1;
  let hits: number[] | null = null;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      // A word: its letters walk the trie (-1: a word no class holds) in a loop of their own.
      if (first === -1) first = i;
      const start = i;
      let node = trie[c - 97]!;
      for (i++; i < n; i++) {
        c = lower.charCodeAt(i);
        if (c < 97 || c > 122) break;
        if (node >= 0) node = trie[node * 26 + c - 97]!;
      }
      if (node >= 0) {
        const found = ends[node]!;
        classes |= found;
        if ((found & positional) !== 0) {
          hits ??= [];
          hits.push(start, found & positional);
        }
      }
      if (i >= n) break;
    }
    if (c >= 48 && c <= 57) {
      digits = true;
      if (first === -1) first = i;
    } else if (c >= 128 && first === -1 && !(c >= 0x2000 && c <= 0x206f) && c !== 0xa0 && c !== 0xab && c !== 0xbb && c !== 0xb7) {
      // General punctuation (quotes, dashes, bullets, spaces), NBSP, guillemets and the middle dot
      // (maskQuotes' blank) hold no letter or digit.
      first = -2;
    }
    i++;
  }
  // Until the first letter or digit, `lower` holds the same ASCII code units as `text` (lower-casing
  // maps no other ASCII code unit, and no non-ASCII one to ASCII punctuation).
  if (first === -2) first = text.search(LETTER_OR_DIGIT);
  // Lower-casing maps only "İ" (U+0130) to more code units and only the Kelvin sign (U+212A) from outside ASCII into a–z.
  const exotic = lower.length !== text.length || text.indexOf('\u212a') >= 0;
  return { lower, classes, digits, firstWordAt: first < 0 ? text.length : first, hits, exotic };
}

/** `\w` without the `u` flag: ASCII letters, digits and "_". */
export const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** `\s` of a regular expression: ECMAScript white space and line terminators, by code unit. */
export function isSpace(c: number): boolean {
  // Printable ASCII and C1 first: nearly every code unit read is one.
  if (c > 32 && c < 0xa0) return false;
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const LETTER_OR_DIGIT_AT = /[\p{L}\d]/uy;

/**
 * `/[\p{L}\d]/u.test(text.slice(from, to))` without the slice: ASCII by code, the mask's "·"
 * skipped, any other character by the pattern at its place (a surrogate pair is one character
 * when both halves are inside the span; a lone half is no letter).
 */
export function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) return true;
      continue;
    }
    if (c === 0xb7 || (c >= 0xdc00 && c <= 0xdfff) || (c >= 0xd800 && c <= 0xdbff && i + 1 >= to)) continue;
    LETTER_OR_DIGIT_AT.lastIndex = i;
    if (LETTER_OR_DIGIT_AT.test(text)) return true;
  }
  return false;
}
