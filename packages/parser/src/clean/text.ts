/** Small text helpers shared by the page-cleaning rules. */
import { memoised } from './memo.js';

/**
 * A parenthesised URL or site path that scrapers leave inside link text: `Name (/experts/x)`,
 * `(<https://…>)`; from its `(`, sticky (the white space before it goes too: see `withoutInlineUrls`).
 */
const INLINE_URL_AT = /\(\s*<?(?:https?:\/\/|\/)[^\s()]*(?:\([^\s()]*\)[^\s()]*)*>?\s*\)/y;

/** Emphasis markers next to a non-space character; sticky, tried at each `*` and `_`. */
const EMPHASIS_EDGE_AT = /[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}/y;
const EMPHASIS_MARK = /[*_]/g;
/** White space that collapsing to single spaces would change. */
const ODD_SPACE = /[^\S ]| {2}/;
/** `text.replace(/\s+/g, ' ')`, tested first: most texts (cleaned units) would come back the same. */
const collapseSpaces = (text: string): string => (ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text);
/** `ODD_SPACE` or `SPACE_BEFORE_PUNCTUATION` in one pattern (a space before a space is ` {2}`). */
const ODD_SPACE_OR_SPACE_BEFORE_PUNCTUATION = /[^\S ]| [ ,.;:!?]/;
const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Keep snake_case and inner underscores; only strip emphasis markers at word edges (`\w` both sides). */
function keepInnerMarker(m: string, offset: number, all: string): string {
  return offset > 0 && isWordCode(all.charCodeAt(offset - 1)) && isWordCode(all.charCodeAt(offset + m.length)) ? m : '';
}

/**
 * `text.replace(/\s*\(\s*<?(?:https?:\/\/|\/)…\)/g, ' ')`: every match starts at a `(` or in the
 * white space right before one, so the pattern is tried from each `(` (found by indexOf) instead
 * of at every offset of a long paragraph, and the white space before it, back to the previous
 * match, goes with it.
 */
function withoutInlineUrls(text: string): string {
  let out = '';
  let last = 0;
  for (let q = text.indexOf('('); q >= 0; q = text.indexOf('(', q + 1)) {
    INLINE_URL_AT.lastIndex = q;
    if (!INLINE_URL_AT.test(text)) continue;
    let p = q;
    while (p > last && isJsSpace(text.charCodeAt(p - 1))) p--;
    out += `${text.slice(last, p)} `;
    last = INLINE_URL_AT.lastIndex;
    q = last - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * `text.replace(/[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}/g, keepInnerMarker)`: every match starts at a
 * `*` or `_`, so the pattern is tried only there.
 */
function withoutEmphasisEdges(text: string): string {
  let out = '';
  let last = 0;
  EMPHASIS_MARK.lastIndex = 0;
  for (let mark = EMPHASIS_MARK.exec(text); mark !== null; mark = EMPHASIS_MARK.exec(text)) {
    const p = mark.index;
    EMPHASIS_EDGE_AT.lastIndex = p;
    const m = EMPHASIS_EDGE_AT.exec(text);
    if (m === null) continue;
    out += text.slice(last, p) + keepInnerMarker(m[0], p, text);
    last = p + m[0].length;
    EMPHASIS_MARK.lastIndex = last;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Whether `/\s+[,.;:!?]/` matches a text whose only white space is single spaces (what `clean`
 * has made of it by then): a space before one of the six marks. One scan by the pattern engine
 * (it skips to each space) is several times cheaper than six `includes`, which each stop at every space.
 */
const SPACE_BEFORE_PUNCTUATION = / [,.;:!?]/;
function spaceBeforePunctuation(text: string): boolean {
  return SPACE_BEFORE_PUNCTUATION.test(text);
}

/**
 * Reader text with scraper URL parentheses removed, emphasis leftovers stripped, spaces collapsed.
 * Memoised (bounded): rules clean texts the page already holds cleaned (bios, author boxes).
 */
export const clean = memoised((text: string): string => {
  // Fast paths: most units hold no `(` and `/` (every scraper URL has both) and no `*`/`_` (so no
  // emphasis leftovers).
  const urls = text.includes('(') && text.includes('/') ? withoutInlineUrls(text) : text;
  const plain = urls.includes('*') || urls.includes('_') ? withoutEmphasisEdges(urls) : urls;
  // Most texts have no white space but single spaces, and no space before punctuation: one scan
  // for either (half the time of the two) tells, and testing is cheaper than rebuilding them.
  if (!ODD_SPACE_OR_SPACE_BEFORE_PUNCTUATION.test(plain)) return plain.trim();
  const spaced = collapseSpaces(plain);
  return (spaceBeforePunctuation(spaced) ? spaced.replace(/\s+([,.;:!?])/g, '$1') : spaced).trim();
});

/**
 * `text.replace(/\s*[❖◆■]\s*$/, '')`: a bio's closing marker dropped. Most texts hold none of the
 * three marks, and the pattern (tried at every offset) cannot match them: they are returned as
 * they are.
 */
export function withoutBioMarker(text: string): string {
  return text.includes('❖') || text.includes('◆') || text.includes('■') ? text.replace(/\s*[❖◆■]\s*$/, '') : text;
}

/** The first parenthesised site path or URL found in a text (`(/policy-analysis/x)`), or null. */
export function inlineUrl(text: string): string | null {
  const match = /\(\s*<?((?:https?:\/\/|\/)[^\s()<>]*)>?\s*\)/.exec(text);
  return match?.[1] ?? null;
}

/** Code units `\s` matches (ECMA-262 WhiteSpace and LineTerminator). */
export const isJsSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `wordCount` stops counting past this many words: no rule asks about longer texts. */
export const WORD_COUNT_CAP = 100;

/**
 * How many words a text has (tokens with a letter or digit: `text.split(/\s+/)` filtered by
 * `/[\p{L}\p{N}]/u`, see `scanWords`), and no further than WORD_COUNT_CAP + 1:
 * rules only ask how long a unit is against limits of at most WORD_COUNT_CAP, several times over
 * (every line rule with a length limit), so a long paragraph is not read to its end. Memoised
 * like `words`.
 */
export const wordCount = memoised((text: string): number => scanWords(text, WORD_COUNT_CAP));

/** `wordCount(text) > max` (for `max` up to WORD_COUNT_CAP), read no further than word max + 1, not memoised. */
export function moreWordsThan(text: string, max: number): boolean {
  return scanWords(text, max) > max;
}

/**
 * Gives `wordCount` the count of a text `clean` returned, found faster than `scanWords` finds it:
 * such a text has no white space but single spaces between its words (none first or last), so
 * its words are the runs between spaces, found by `indexOf`, and most are known to be words by
 * their first character. The page asks for every unit's count (the caption rule first).
 */
export function primeWordCount(cleaned: string): void {
  if (cleaned !== '') wordCount.prime(cleaned, cleanWordCount(cleaned, WORD_COUNT_CAP));
}

/** `scanWords(text, cap)` for a text whose only white space is single spaces between words. */
function cleanWordCount(text: string, cap: number): number {
  let n = 0;
  const length = text.length;
  for (let from = 0; from < length; ) {
    let end = text.indexOf(' ', from);
    if (end < 0) end = length;
    // A run is a word when it holds an ASCII letter or digit (looked for until one is found) or
    // a wider letter or digit.
    let word = false;
    let wide = false;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) wide = true;
      else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        word = true;
        break;
      }
    }
    if (word || (wide && LETTER_OR_DIGIT.test(text.slice(from, end)))) {
      n++;
      if (n > cap) break;
    }
    from = end + 1;
  }
  return n;
}

/**
 * The words of `text` (runs between JavaScript white space that hold an ASCII letter or digit,
 * or any letter or digit), counted until there are more than `cap`; `found` gets each one's start
 * and end (a word is sliced only where it is wanted). Returns how many were counted.
 *
 * Written for the JIT (three times faster than the loop it replaced, on the corpus's units): the
 * cap is tested where a word is counted, not in the loop head at every character; a word's ASCII
 * letters are tested until one is found, not or-ed in at every character.
 */
function scanWords(text: string, cap: number, found?: (start: number, end: number) => void): number {
  let n = 0;
  let from = -1;
  let alnum = false;
  let wide = false;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 32;
    if (!isJsSpace(c)) {
      if (from < 0) {
        from = i;
        alnum = false;
        wide = false;
      }
      if (c >= 128) wide = true;
      else if (!alnum) alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      continue;
    }
    if (from < 0) continue;
    const start = from;
    from = -1;
    // Sliced only when wanted: to test a run with no ASCII letter or digit, or to hand it on.
    if (!alnum && !(wide && LETTER_OR_DIGIT.test(text.slice(start, i)))) continue;
    n++;
    if (found !== undefined) found(start, i);
    if (n > cap) break;
  }
  return n;
}

/**
 * Lower-cased letters and digits only, for loose comparisons. Memoised (bounded): rules fold the
 * same unit texts and candidate names over and over (title search, publisher sub-phrases).
 */
export const fold = memoised(
  (text: string): string =>
    foldPlain(text) ??
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
);

/**
 * Output buffer of `foldPlain`, grown as needed (scratch space: nothing is kept in it between
 * calls). Bytes: the output is ASCII, read back as Latin-1 without a UTF-16 decoder.
 */
let folded = Buffer.allocUnsafe(1024);

/**
 * `fold` of a text of ASCII and common punctuation (NBSP, «, », ·, U+2000–U+206F): the ASCII
 * letters and digits, lower-cased, in runs joined by single spaces. NFKD gives none of these
 * characters a letter or digit (checked over every one of them), so the normalising path would
 * return the same; it is taken, one scan instead of five passes, for most unit texts (the title
 * rule folds every unit). Null when the text holds any other character (before the first `max`
 * characters of output).
 */
function foldPlain(text: string, max = Number.POSITIVE_INFINITY): string | null {
  // Each character gives at most one output character, a space only after one that gave none.
  const size = Math.min(text.length, max + 1);
  if (folded.length < size) folded = Buffer.allocUnsafe(size * 2);
  const out = folded;
  let n = 0;
  let gap = false;
  for (let i = 0; i < text.length && n < max; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && n > 0) out[n++] = 32;
      gap = false;
      out[n++] = c;
      continue;
    }
    if (c >= 0x80 && c !== 0xa0 && c !== 0xab && c !== 0xbb && c !== 0xb7 && (c < 0x2000 || c > 0x206f)) return null;
    gap = true;
  }
  return out.toString('latin1', 0, Math.min(n, max));
}

/** A character `foldPlain` does not read (it returns null for a text holding one). */
const NOT_PLAIN = /[^\x00-\x7f\xa0\xab\xbb\xb7\u2000-\u206f]/;

/**
 * `fold(text).slice(0, max)`, read from the head of the text only when `foldPlain` would fold it
 * (the pattern engine finds a character it does not read faster than a loop): for keys compared
 * by their head first, without folding (and hashing) whole paragraphs. Not memoised.
 */
export function foldHead(text: string, max: number): string {
  if (NOT_PLAIN.test(text)) {
    // Folding is local: cut after a space (a starter, not case-ignorable: NFKD, the removal of
    // marks, lower-casing (final sigma) and the runs of non-letters read the head as the whole
    // text reads it), the fold of the head is a prefix of the fold of the text, up to a word.
    // Long paragraphs with one accented letter are not normalised whole for 32 characters.
    for (let want = 4 * max; want < text.length; want *= 4) {
      const cut = text.indexOf(' ', want);
      if (cut < 0) break;
      const head = fold(text.slice(0, cut + 1));
      if (head.length >= max) return head.slice(0, max);
    }
    return fold(text).slice(0, max);
  }
  // NOT_PLAIN found no character foldPlain refuses.
  return foldPlain(text, max)!;
}

/** Ends like a sentence (., !, ?, a closing quote after one, or an ellipsis). */
export const endsSentence = (text: string): boolean => /[.!?…:]["'”’)\]]*$/.test(text.trim());

/** Running prose: long enough and built of sentences, not a label or a headline. */
export function isProse(text: string): boolean {
  const t = text.trim();
  const n = wordCount(t);
  if (n >= 25) return true;
  return n >= 12 && endsSentence(t) && /[a-z]/.test(t);
}

/**
 * Sentences, however short: "Ships were counted twice. The count rose." A reader takes such a line
 * for running text even below the length of `isProse`; labels, headlines and "Key: value" lines
 * are not (no closing full stop, or mostly capitalised words).
 */
export function isSentences(text: string): boolean {
  const t = text.trim();
  if (isProse(t)) return true;
  if (!isSentenceLike(t)) return false;
  // Two sentences, or one long enough not to be a caption or a button ("Read the full report.").
  return /[.!?]["'”’)\]]*\s+["'“‘(]?\p{Lu}/u.test(t) || wordCount(t) >= 8;
}

/** At least one sentence: 3+ words, capital first, closing full stop, mostly lower-case words. */
export function isSentenceLike(text: string): boolean {
  const t = text.trim();
  if (isProse(t)) return true;
  if (wordCount(t) < 3 || !/[.!?…]["'”’)\]]*$/.test(t) || !/^["'“‘(]?[\p{Lu}\p{N}]/u.test(t)) return false;
  return titleCaseRatio(t) <= 0.5;
}

const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'but', 'by', 'de', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'the', 'to',
  'vs', 'via', 'with', 'its', 'be', 'are', 'than', 'over', 'after', 'up',
]);

/** Share of content words that start upper-case: headlines are high, running prose is low. */
export function titleCaseRatio(text: string): number {
  return titleCaseRatioOf(text);
}

/** Memoised (bounded): the headline and sentence tests ask it of the same units, pass after pass. */
const titleCaseRatioOf = memoised((text: string): number => {
  // Counted as the words are found, without an array of them. Lower-casing never shortens a word:
  // a word longer than every small word is none (and is not sliced). A word starting with an ASCII
  // capital or digit starts capitalised, one starting with a lower-case ASCII letter does not; the
  // pattern reads the others.
  let content = 0;
  let caps = 0;
  // Small words start with an ASCII letter: no other character lower-cases to one but the Kelvin
  // sign (to a k, which starts none), and a word starting otherwise is not sliced.
  scanWords(text, Number.POSITIVE_INFINITY, (start, end) => {
    const c = text.charCodeAt(start);
    const lower = c | 32;
    if (end - start <= SMALL_WORD_LENGTH && lower >= 97 && lower <= 122 && SMALL_WORDS.has(text.slice(start, end).toLowerCase())) return;
    content++;
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) caps++;
    else if ((c < 97 || c > 122) && CAPITALISED.test(text.slice(start, end))) caps++;
  });
  return content === 0 ? 0 : caps / content;
});

const SMALL_WORD_LENGTH = Math.max(...[...SMALL_WORDS].map((w) => w.length));
const CAPITALISED = /^[^\p{L}]*[\p{Lu}\p{N}]/u;

/** A headline: one line, 3–25 words, mostly capitalised words, no trailing full stop. */
export function isHeadline(text: string): boolean {
  const t = text.trim();
  const n = wordCount(t);
  if (n < 3 || n > 25 || /\.$/.test(t)) return false;
  return titleCaseRatio(t) >= 0.6;
}

/** ALL-CAPS text with at least two letters and no lower-case letter. */
export function isAllCaps(text: string): boolean {
  // Dropping the non-letters keeps every letter: test the text for a lower-case and an upper-case
  // letter first (most texts fail at their first lower-case letter), count letters last.
  if (/\p{Ll}/u.test(text) || !/\p{Lu}/u.test(text)) return false;
  return text.replace(/[^\p{L}]/gu, '').length >= 2;
}


/** A short display excerpt for `--explain`. */
export function excerpt(text: string, max = 80): string {
  // Residue can be long and only its head is shown. White space collapsed in a prefix gives a
  // prefix of the whole collapsed text: when it is already longer than `max`, it decides.
  if (text.length > 4 * max) {
    const head = collapseSpaces(text.slice(0, 4 * max)).trim();
    if (head.length > max) return `${head.slice(0, max - 1).trimEnd()}…`;
  }
  const t = collapseSpaces(text).trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Sentence-case a label for display ("BRIEF ANALYSIS" → "Brief Analysis"). */
export function titleCase(text: string): string {
  if (!isAllCaps(text)) return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s&/-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\bQ&a\b/g, 'Q&A');
}
