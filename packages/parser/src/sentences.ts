/**
 * Sentence boundaries in reader text. A boundary is sentence-final punctuation (`.`, `!`, `?`,
 * `…`), then any closing quotes/brackets, then white space, then something that can open a
 * sentence. It is NOT a boundary:
 * - after titles (Dr., Mr., St., Gen.…) and always-inner abbreviations (e.g., i.e., vs., cf.);
 * - after `No.`, `p.`, month abbreviations (`Jan.`…`Dec.`) before a number;
 * - after dotted acronyms (U.S., U.K.), initials (J. R. R.) and Inc./Jr. unless the next word is
 *   one that usually opens a sentence ("The", "But", "It"…);
 * - inside a decimal (1.5: no space follows) or an ellipsis followed by lower case;
 * - inside a quotation that closes within MAX_QUOTE characters (a quote may hold several
 *   sentences; an unbalanced quote mark protects nothing, so it cannot swallow a document).
 * Footnote markers glued to the full stop (`crisis.12 The`), or set after it before a sentence
 * opener (`years. 4 But`), end the sentence after the marker.
 */
import { isJsSpace } from './clean/text.js';

/** Longest quotation kept in one sentence; past this the quote mark is treated as unbalanced. */
export const MAX_QUOTE = 600;

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm',
  'rev', 'hon', 'pres', 'amb', 'supt', 'messrs', 'mt', 'ft', 'brig', 'insp', 'det', 'atty', 'sens', 'reps',
]);
const INNER = new Set(['e.g', 'i.e', 'vs', 'v', 'cf', 'approx', 'incl', 'ca', 'viz', 'esp', 'resp', 'dept', 'est', 'fig', 'figs', 'vol', 'vols', 'ed', 'eds', 'min', 'max', 'avg']);
const BEFORE_NUMBER = new Set(['no', 'nos', 'p', 'pp', 'art', 'arts', 'para', 'sec', 'ch', 'op', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'tel', 'ext']);
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const SUFFIXES = new Set(['inc', 'ltd', 'corp', 'co', 'jr', 'sr', 'bros', 'plc', 'llc', 'al', 'etc']);
/** Words that often open a sentence: after an ambiguous abbreviation they mean a new one. */
const STARTERS = new Set(
  (
    'The This That These Those It Its He She They We I You But And Or So Yet In On At For As If When While After Before Since ' +
    'However Meanwhile Moreover Furthermore Nevertheless Instead Indeed Still Then Now Thus Therefore There Here A An What Why ' +
    'How Who Where Their His Her Our Such Some Many Most Much One Both Each Every Neither Nor Not No Yes Last Next By With ' +
    'From Under Despite Although Though According Other Another All Only Even Also Today Yesterday Tomorrow Earlier Later'
  ).split(' '),
);

/** Line feeds and `.`, `!`, `?`, `…`: the only characters `splitSentences` stops at. */
const STOP = /[\n.!?…]/g;

/**
 * Index of the first match of `re` (global, one code unit a match: `STOP`, `QUOTE_MARK`) at or
 * after `from` (`text.length`: none): the pattern skips the characters between them natively,
 * where a loop read every one. `test` makes no match array; a match ends at `lastIndex - 1`.
 */
function nextOf(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.test(text) ? re.lastIndex - 1 : text.length;
}

/** `/[.!?…]/` of one code unit. */
const isTerminal = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026;
/** `/["'”’»)\]]/` of one code unit. */
const isCloser = (c: number): boolean => c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;
const LETTER = /\p{L}/u;
/** `/\p{L}/u` of the code unit at `i` (alone, as `text[i]`): ASCII by code, the rest by the pattern. */
function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]!);
}
const OPENERS = /["'“‘«([¿¡]/;

export function splitSentences(text: string): Array<[number, number]> {
  const quotes = protectedQuotes(text);
  const out: Array<[number, number]> = [];
  let from = 0;
  let q = 0; // next candidate quote span
  const emit = (end: number) => {
    let a = from;
    let b = end;
    while (a < b && isJsSpace(text.charCodeAt(a))) a++;
    while (b > a && isJsSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push([a, b]);
    from = end;
  };
  for (let k = nextOf(STOP, text, 0); k < text.length; k = nextOf(STOP, text, k + 1)) {
    const code = text.charCodeAt(k);
    if (code === 10) {
      emit(k);
      continue;
    }
    const start = k;
    let end = k;
    while (end < text.length && isTerminal(text.charCodeAt(end))) end++;
    const run = text.slice(k, end);
    // Footnote marker glued to the full stop: `crisis.12 The`.
    if (run === '.' && isNoteHolder(text.charCodeAt(k - 1)) && isDigit(text.charCodeAt(end))) {
      let d = end;
      while (d < text.length && d - end < 3 && /\d/.test(text[d]!)) d++;
      if (/\s/.test(text[d] ?? '') && /[A-Z“"]/.test(text[nextNonSpace(text, d)] ?? '')) end = d;
    }
    while (end < text.length && isCloser(text.charCodeAt(end))) end++;
    k = end - 1;
    if (end >= text.length) break;
    if (!isJsSpace(text.charCodeAt(end))) continue;
    const next = nextNonSpace(text, end);
    if (next >= text.length) break;
    while (q < quotes.length && quotes[q]![1] < end) q++;
    const quote = quotes[q];
    if (quote && quote[0] < end && end <= quote[1]) continue;
    if (!isBoundary(run, text, start, next)) continue;
    // A footnote number after the full stop and a space (`ten years. 4 But now`) belongs to the
    // sentence it annotates: only when a typical sentence opener follows the number.
    const note = isDigit(text.charCodeAt(next)) ? /^\d{1,3}(?=\s+(\p{Lu}\p{Ll}*))/u.exec(text.slice(next, next + 24)) : null;
    if (note && STARTERS.has(note[1] ?? '')) {
      emit(next + note[0].length);
      k = next + note[0].length - 1;
      continue;
    }
    emit(end);
  }
  emit(text.length);
  return out;
}

/** `/\d/` of one code unit (NaN, past the end: false). */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `/[A-Za-z)”"’]/` of one code unit: what a glued footnote number follows. */
const isNoteHolder = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 41 || c === 0x201d || c === 34 || c === 0x2019;
/** Longest word of the abbreviation lists: a longer word before a full stop is in none of them. */
const LONGEST_ABBREVIATION = Math.max(...[...TITLES, ...INNER, ...BEFORE_NUMBER, ...MONTHS, ...SUFFIXES].map((w) => w.length));

/**
 * Whether the terminal run `run` (starting at `at`) ends a sentence before `text[next]`, the first
 * character after the white space. The word before and the word after are read only when a rule
 * needs them; ASCII next characters are classed by code.
 */
function isBoundary(run: string, text: string, at: number, next: number): boolean {
  const nextChar = text[next] ?? '';
  const c = text.charCodeAt(next);
  const ascii = c < 128;
  const lower = ascii ? c >= 97 && c <= 122 : nextChar.toLowerCase() === nextChar && nextChar.toUpperCase() !== nextChar;
  if (lower) return false;
  const digit = isDigit(c);
  // ASCII: `OPENERS` holds " ' ( [, `\p{Lu}` is A–Z, `\p{Lo}` none.
  const opens = ascii ? c === 34 || c === 39 || c === 40 || c === 91 || (c >= 65 && c <= 90) || digit : OPENERS.test(nextChar) || /\p{Lu}|\p{Lo}/u.test(nextChar) || digit;
  if (!opens) return false;
  if (run !== '.') {
    // `...`/`…` inside a sentence: only a sentence opener after it starts a new one.
    if (run.includes('…') || run.startsWith('..')) return isStarter(text, next) || OPENERS.test(nextChar);
    return true;
  }
  const word = wordBefore(text, at);
  // Lower-casing never shortens a text, and only one final `.` is dropped.
  if (word.length <= LONGEST_ABBREVIATION + 1) {
    const lower = word.toLowerCase();
    const bare = lower.charCodeAt(lower.length - 1) === 46 ? lower.slice(0, -1) : lower;
    if (TITLES.has(bare)) return false;
    if (INNER.has(bare)) return false;
    if (BEFORE_NUMBER.has(bare) && digit) return false;
    if (MONTHS.has(bare)) return isStarter(text, next);
    if (SUFFIXES.has(bare)) return isStarter(text, next);
  }
  // U.S., U.K., a.m., e.g. written with capitals; single initials (J. R. R. Tolkien). Both need a
  // dot or at most two code units.
  if ((word.length <= 2 || word.includes('.')) && (/^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word))) return isStarter(text, next);
  return true;
}

/** The token before the final `.` at `at`: letters and inner dots (`U.S` of `U.S.`). */
function wordBefore(text: string, at: number): string {
  let a = at;
  while (a > 0 && (text.charCodeAt(a - 1) === 46 || isLetter(text, a - 1))) a--;
  while (a < at && text.charCodeAt(a) === 46) a++;
  return text.slice(a, at);
}

/** Whether the word at `at` usually opens a sentence. */
const isStarter = (text: string, at: number): boolean => STARTERS.has(wordAt(text, at));

function wordAt(text: string, at: number): string {
  let b = at;
  while (b < text.length && isLetter(text, b)) b++;
  return text.slice(at, b);
}

/** Index of the first non-space at or after `from` (`text.length`: none). */
function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  return i;
}

/** `/[\s([—–-]/` of one code unit: what may stand before a straight quote that opens. */
const opensStraightQuote = (c: number): boolean => isJsSpace(c) || c === 40 || c === 91 || c === 0x2014 || c === 0x2013 || c === 45;

/** “ « ": the marks `protectedQuotes` opens a quotation at. */
const QUOTE_MARK = /[“«"]/g;

/** Index of the first opening quote mark at or after `from` (`text.length`: none), skipped to natively (as `nextStop`). */
/** Quotation spans [open, close] that close within MAX_QUOTE characters. */
function protectedQuotes(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = nextOf(QUOTE_MARK, text, 0); i < text.length; i = nextOf(QUOTE_MARK, text, i + 1)) {
    const c = text.charCodeAt(i);
    let close = -1;
    if (c === 0x201c) close = text.indexOf('”', i + 1);
    else if (c === 0xab) close = text.indexOf('»', i + 1);
    else if (c === 34 && (i === 0 || opensStraightQuote(text.charCodeAt(i - 1)))) close = text.indexOf('"', i + 1);
    if (close !== -1 && close - i <= MAX_QUOTE) {
      out.push([i, close]);
      i = close;
    }
  }
  return out;
}
