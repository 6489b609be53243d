/**
 * Entities: places (countries, regions, cities, demonyms), organisations (well-known ones,
 * acronyms defined in the document, names ending in "Institute", "Forces", "Council"…) and people
 * (names after a title or role, before a speech verb, or seen before). See README.md, "Entities".
 */
import type { EntityKind } from '@briefs/ast';
import { gazetteer, gazetteerFirstWords } from './gazetteer.js';
import { NAME_CONNECTORS, ORGANIZATION_HEADS, PERSON_TITLES, SPEECH_VERBS } from './lexicon.js';
import { isSpace, isWordChar, type Lexed, lex } from './lex.js';
import { allMatches, alternation, type DocumentState, type EntitySpan, sortStable } from './state.js';

const TOKEN = String.raw`(?:[\p{Lu}][\p{L}\p{M}'’&.-]*[\p{L}\p{M}.+]|[\p{Lu}](?:\.[\p{Lu}])*\.?|(?:al|el|bin|ibn)-[\p{Lu}][\p{L}'’-]*)`;
/** Lower-case words inside a name: "Council on Foreign Relations", "Ursula von der Leyen". */
const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'to', 'de', 'du', 'des', 'da', 'van', 'von', 'der', 'bin', 'al', 'la', 'le', 'in']);
const CONNECTOR = `(?:${[...CONNECTORS].join('|')})`;
/**
 * A run of capitalised words, with lower-case connectors inside ("Council on Foreign Relations"):
 * the pattern `runEnd` reads by hand (kept as its definition, and for the tests that compare them).
 */
export const RUN_RE = new RegExp(String.raw`${TOKEN}(?:\s+(?:${CONNECTOR}\s+)*${TOKEN})*`, 'uy');

/** Unicode classes of a code point, as bits: `\p{Lu}`, `\p{L}`, `\p{M}`. */
const UPPER = 1;
const LETTER = 2;
const MARK = 4;
/** Below U+0370 (Latin, IPA, combining diacritics) the classes are read from a table made from the patterns themselves. */
const CLASS_TABLE = new Uint8Array(0x370);
const UPPER_RE = /\p{Lu}/u;
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const classesOf = (s: string): number => (UPPER_RE.test(s) ? UPPER : 0) | (LETTER_RE.test(s) ? LETTER : 0) | (MARK_RE.test(s) ? MARK : 0);
for (let c = 0; c < 0x370; c++) CLASS_TABLE[c] = classesOf(String.fromCharCode(c));
/** Code units taken by the code point `classAt` read last (2 for a surrogate pair). */
let codePointLength = 1;
/** The classes of the code point at `i` (0 past the end), as a pattern with the `u` flag sees it. */
function classAt(text: string, i: number): number {
  codePointLength = 1;
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x370) return CLASS_TABLE[c]!;
  // Rare in these texts: other scripts, and characters outside the BMP.
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      codePointLength = 2;
      return classesOf(text.slice(i, i + 2));
    }
  }
  return classesOf(text[i]!);
}

/** Whether the last run `runEnd` read holds an apostrophe (' or ’) inside a word. */
export let runHasApostrophe = false;
/** Whether the last run `runEnd` read holds the connector "and" or "in" (between white space, as every connector). */
export let runHasAndIn = false;
/** Whether the last run `runEnd` read is one token (no white space in it). */
export let runIsOneToken = true;
/** Connectors by their letters' codes (`c0 | c1 << 7 | c2 << 14`): 1 "and"/"in", 2 any other. */
const CONNECTOR_CODES = new Map<number, number>();
for (const w of CONNECTORS) {
  let code = 0;
  for (let k = 0; k < w.length; k++) code |= w.charCodeAt(k) << (7 * k);
  CONNECTOR_CODES.set(code, w === 'and' || w === 'in' ? 1 : 2);
}

/**
 * Where `TOKEN` matched at `p` ends, or -1. The first alternative takes a capital, the longest run of
 * [\p{L}\p{M}'’&.-] and gives back what the closing [\p{L}\p{M}.+] needs: it ends after a "+" right
 * after the run, else after the run's last letter, mark or dot. Where it fails no dot follows the
 * capital, so the second is the capital alone. The third: "al-", "el-", "bin-", "ibn-", a capital,
 * then [\p{L}'’-]*. Sets `runHasApostrophe` when the token holds an apostrophe.
 */
function tokenEnd(text: string, p: number): number {
  const n = text.length;
  let apostrophe = n;
  if ((classAt(text, p) & UPPER) !== 0) {
    const first = p + codePointLength;
    let q = first;
    let end = -1;
    while (q < n) {
      const c = text.charCodeAt(q);
      // ASCII letters first: most of a token.
      if (((c | 32) - 97) >>> 0 < 26) end = ++q;
      else if (c === 46) end = ++q;
      else if (c === 39 || c === 0x2019) {
        if (apostrophe === n) apostrophe = q;
        q++;
      } else if (c === 38 || c === 45) q++;
      else if ((classAt(text, q) & (LETTER | MARK)) !== 0) end = q += codePointLength;
      else break;
    }
    if (q < n && text.charCodeAt(q) === 43) end = q + 1;
    if (end < 0) return first;
    if (apostrophe < end) runHasApostrophe = true;
    return end;
  }
  const c = text.charCodeAt(p);
  let q: number;
  if (c === 97 || c === 101) q = text.charCodeAt(p + 1) === 108 && text.charCodeAt(p + 2) === 45 ? p + 3 : -1;
  else if (c === 98) q = text.charCodeAt(p + 1) === 105 && text.charCodeAt(p + 2) === 110 && text.charCodeAt(p + 3) === 45 ? p + 4 : -1;
  else if (c === 105) q = text.charCodeAt(p + 1) === 98 && text.charCodeAt(p + 2) === 110 && text.charCodeAt(p + 3) === 45 ? p + 4 : -1;
  else return -1;
  if (q < 0 || (classAt(text, q) & UPPER) === 0) return -1;
  q += codePointLength;
  while (q < n) {
    const d = text.charCodeAt(q);
    if (d === 39 || d === 0x2019) {
      runHasApostrophe = true;
      q++;
    } else if (d === 45) q++;
    else if ((classAt(text, q) & LETTER) !== 0) q += codePointLength;
    else break;
  }
  return q;
}

/**
 * Where `RUN_RE` matched at `at` ends, or -1, read by hand: a token, then as long as one follows,
 * white space, connectors each with white space after, and the next token (a connector is its whole
 * a–z word, so no other split of the gap lets a token start). Sets `runHasApostrophe` and `runHasAndIn`.
 */
export function runEnd(text: string, at: number): number {
  runHasApostrophe = false;
  runHasAndIn = false;
  runIsOneToken = true;
  let end = tokenEnd(text, at);
  if (end < 0) return -1;
  const n = text.length;
  for (;;) {
    let i = end;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i === end) return end;
    let andIn = false;
    for (;;) {
      let w = i;
      let code = 0;
      while (w < n && w - i < 4) {
        const c = text.charCodeAt(w);
        if (c < 97 || c > 122) break;
        code |= c << (7 * (w - i));
        w++;
      }
      if (w === i || w >= n || !isSpace(text.charCodeAt(w))) break;
      const kind = CONNECTOR_CODES.get(code);
      if (kind === undefined) break;
      if (kind === 1) andIn = true;
      i = w + 1;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
    }
    const next = tokenEnd(text, i);
    if (next < 0) return end;
    if (andIn) runHasAndIn = true;
    runIsOneToken = false;
    end = next;
  }
}
/**
 * Where a run may start: a capital (or an al-/bin- particle) not inside a word, as
 * `/(?<![A-Za-z\u00C0-\u024F])(?:[A-Z\u00C0-\u00DE\u0100-\u024F]|al-|el-|bin-|ibn-)/g` finds it:
 * the index of the next start at or after `from`, or -1; `runStartLength` is the length of what
 * starts there (1, or the particle's).
 */
export let runStartLength = 0;
/** The capitals of the pattern. */
const CAPITAL_RE = /[A-Z\u00C0-\u00DE\u0100-\u024F]/g;
/** Whether `text`'s code unit before `i` is a letter as the pattern's look-behind has it. */
function afterLetter(text: string, i: number): boolean {
  if (i === 0) return false;
  const p = text.charCodeAt(i - 1);
  return (p >= 65 && p <= 90) || (p >= 97 && p <= 122) || (p >= 0xc0 && p <= 0x24f);
}
export function nextRunStart(text: string, from: number): number {
  // Capitals are few: the pattern engine passes over the other characters faster than a loop of
  // charCodeAt on the sliced strings sentences are.
  let capital = -1;
  CAPITAL_RE.lastIndex = from;
  while (CAPITAL_RE.test(text)) {
    const i = CAPITAL_RE.lastIndex - 1;
    if (afterLetter(text, i)) continue;
    capital = i;
    break;
  }
  // Particles before it, found by their hyphen: "bin-"/"ibn-" start three code units before one,
  // "al-"/"el-" two (of one hyphen the first comes first, and a later hyphen's come later).
  const limit = capital < 0 ? text.length : capital;
  for (let h = text.indexOf('-', from + 2); h >= 0 && h - 3 < limit; h = text.indexOf('-', h + 1)) {
    const b = h - 3;
    if (b >= from) {
      const c = text.charCodeAt(b);
      const d = text.charCodeAt(b + 1);
      const e = text.charCodeAt(b + 2);
      if (((c === 98 && d === 105) || (c === 105 && d === 98)) && e === 110 && !afterLetter(text, b)) {
        runStartLength = 4;
        return b;
      }
    }
    const a = h - 2;
    if (a < limit) {
      const c = text.charCodeAt(a);
      if ((c === 97 || c === 101) && text.charCodeAt(a + 1) === 108 && !afterLetter(text, a)) {
        runStartLength = 3;
        return a;
      }
    }
  }
  runStartLength = 1;
  return capital;
}

// "Energy Minister": only the last word is a title by itself ("Energy Security" is not one).
const CAPITAL_TITLES = new Set(PERSON_TITLES.filter((t) => /^[A-Z]/.test(t)).map((t) => t.split(' ').at(-1)!));
const LOWER_TITLES = new Set(PERSON_TITLES.filter((t) => /^[a-z]+$/.test(t)));
const SPEECH_WORDS = new Set(SPEECH_VERBS.map((v) => v.split(' ')[0]!));
/** For a set of a–z words: by first letter, a bit for each length (31 and more share one). */
function lengthsByLetter(words: Iterable<string>): Int32Array {
  const out = new Int32Array(26);
  for (const w of words) {
    const k = w.charCodeAt(0) - 97;
    out[k] = out[k]! | (1 << Math.min(w.length, 31));
  }
  return out;
}
const LOWER_TITLE_LENGTHS = lengthsByLetter(LOWER_TITLES);
const SPEECH_WORD_LENGTHS = lengthsByLetter(SPEECH_WORDS);
/** Whether the a–z word [b, e) of `text` may be in the set of `lengths`: most words are ruled out before slicing. */
const mayBeIn = (lengths: Int32Array, text: string, b: number, e: number): boolean =>
  (lengths[text.charCodeAt(b) - 97]! & (1 << Math.min(e - b, 31))) !== 0;
const APPOSITIVE_AFTER = new RegExp(
  `^,\\s+(?:a|an|the)?\\s*(?:[\\w-]+\\s+){0,3}(?:${alternation(PERSON_TITLES.filter((t) => /^[a-z]/.test(t)))}|CEO|fellow|professor)\\b`,
);

/** `^\s+\(([A-Z][A-Z&]{1,7})\)` read where a run ends, without slicing the rest of the sentence. */
const ACRONYM_AFTER = /\s+\(([A-Z][A-Z&]{1,7})\)/y;

/** Capitalised words that open a sentence or a byline, never a name. */
const LEADING_WORDS = new Set(
  'The A An This That These Those By From With For In On At As And But Or If When While After Before Since Despite Under Over Among Between Through During Without Within Against Toward Towards Via Per Of To Unlike Like Only Even Also Meanwhile However Still Yet So Then Now Here There Thus Indeed Instead Although Though Because Whether Most Many Some All Both Each Every Several Few Other Another Such Its Their His Her Our My Your We They He She It I You Image Photo Read Watch Listen Share Subscribe Follow According'.split(
    ' ',
  ),
);
/** Connectors a leading sentence word may bring along. */
const LEADING_CONNECTORS = NAME_CONNECTORS;
const CALENDAR_WORDS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan\.?|Feb\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|Aug\.?|Apr\.?)$/;

/** A hit is made as the entity it becomes (most are kept): fewer objects than a record copied out at the end. */
const entity = (text: string, start: number, end: number, name: string, kind: EntityKind): EntitySpan => ({
  type: 'entity',
  text: text.slice(start, end),
  name,
  kind,
  range: [start, end],
});

/**
 * `/\b(?:[A-Z]\.){2,}$/.test(run) || /\b(?:St|Jr|Dr|Inc)\.$/.test(run)` for the run [start, end)
 * of `text` ending in ".", read from the end: initials ("U.S.") or an abbreviation keep their dot.
 * Of three pairs or more the last two follow a "." (a boundary); of two, what is before them in the
 * run decides (its start is a boundary).
 */
function keepsFinalDot(text: string, start: number, end: number): boolean {
  let pairs = 0;
  let p = end;
  while (p - start >= 2 && text.charCodeAt(p - 1) === 46) {
    const c = text.charCodeAt(p - 2);
    if (c < 65 || c > 90) break;
    pairs++;
    p -= 2;
  }
  if (pairs >= 3 || (pairs === 2 && (p === start || !isWordChar(text.charCodeAt(p - 1))))) return true;
  let b = end - 1;
  while (b > start && end - 1 - b < 3 && isWordChar(text.charCodeAt(b - 1))) b--;
  if (b > start && isWordChar(text.charCodeAt(b - 1))) return false;
  const word = text.slice(b, end - 1);
  return word === 'St' || word === 'Jr' || word === 'Dr' || word === 'Inc';
}

/** Weekdays and months: a run does not go on through a connector into one ("the European Parliament on Tuesday"). */
const TIME_NAMES = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]);

/** Where the run [start, end) ends once a final "<connector> <weekday or month>" is left off. */
function withoutTimeTail(text: string, start: number, end: number): number {
  let s = end;
  while (s > start && !isSpace(text.charCodeAt(s - 1))) s--;
  if (s === start || !TIME_NAMES.has(text.slice(s, end))) return end;
  let c = s;
  while (c > start && isSpace(text.charCodeAt(c - 1))) c--;
  let b = c;
  while (b > start && !isSpace(text.charCodeAt(b - 1))) b--;
  if (b === start || !CONNECTORS.has(text.slice(b, c))) return end;
  while (b > start && isSpace(text.charCodeAt(b - 1))) b--;
  return b;
}

/** Reading order, the longer of two hits at one place first. */
const byRange = (a: EntitySpan, b: EntitySpan): number => a.range[0] - b.range[0] || b.range[1] - a.range[1];

export function findEntities(text: string, state: DocumentState, lexed: Lexed = lex(text)): EntitySpan[] {
  const places = gazetteer();
  addPlaceFlags(places);
  const hits: EntitySpan[] = [];
  const firstWordAt = lexed.firstWordAt;
  for (let at = nextRunStart(text, 0); at >= 0; ) {
    let end = runEnd(text, at);
    if (end < 0) {
      at = nextRunStart(text, at + runStartLength);
      continue;
    }
    const start = at;
    if (!runIsOneToken) end = withoutTimeTail(text, start, end);
    at = nextRunStart(text, end);
    // "US$3bn", "HK$", "A$": a currency's prefix, not a place.
    if (runIsOneToken && text.charCodeAt(end) === 36) continue;
    // Trim connectors and possessives at the edges; "University’s Japan Campus" splits at ’s.
    // (A final dot goes but in initials and abbreviations: the run is sliced once, without it.)
    const run = text.slice(start, text.charCodeAt(end - 1) === 46 && !keepsFinalDot(text, start, end) ? end - 1 : end);
    // A run starts with a token, so it is never blank.
    if (!runHasApostrophe && !runHasAndIn) {
      // Most runs: what the two splits below would hand on whole, read without their arrays.
      analyzeRun(text, start, run, state, places, hits, firstWordAt, false, runIsOneToken);
      continue;
    }
    // A run without an apostrophe is its only piece (`splitPossessive` would hand it on whole).
    const pieces = runHasApostrophe ? splitPossessive(run) : null;
    for (let p = 0; p < (pieces === null ? 1 : pieces.length); p++) {
      const piece = pieces === null ? null : pieces[p]!;
      const pieceText = piece === null ? run : piece.text;
      const pieceOffset = piece === null ? 0 : piece.offset;
      // The parts are all found before the first is read (reading one may define an acronym).
      const count = splitBeforeKnown(pieceText, state, places);
      for (let k = 0; k < count; k += 2) {
        const partOffset = partBounds[k]!;
        const partEnd = partBounds[k + 1]!;
        const partText = partOffset === 0 && partEnd === pieceText.length ? pieceText : pieceText.slice(partOffset, partEnd);
        const afterPossessive = pieceOffset > 0 && partOffset === 0;
        // Pieces of one token are one token each (no white space in them).
        analyzeRun(text, start + pieceOffset + partOffset, partText, state, places, hits, firstWordAt, afterPossessive, runIsOneToken);
      }
    }
  }
  // Hits come in reading order: the stable sort then only compares.
  sortStable(hits, byRange);
  // A hit overlapping the one kept before it goes: the rest are the output, in place.
  let kept = 0;
  let lastEnd = -1;
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    if (hit.range[0] < lastEnd) continue;
    hits[kept++] = hit;
    lastEnd = hit.range[1];
  }
  if (kept < hits.length) hits.length = kept;
  return hits;
}

/** Where `splitBeforeKnown` may split, and `splitPossessive` does (each read whole by `allMatches` before its loop). */
const SPLIT_BEFORE_KNOWN = /\s+(?:and|in)\s+(?=(?:the\s+)?(\S+(?:\s+\S+){0,2}))/g;
const POSSESSIVE_S = /['’]s\b/g;
/** "and" or "in" between white space: what every match of the splitting pattern below holds. */
const AND_IN = /\s(?:and|in)\s/;

/** Whether `w` is a known place or a defined acronym. */
const isKnown = (w: string, state: DocumentState, places: ReturnType<typeof gazetteer>): boolean => places.has(w) || state.acronyms.has(w);
/** Whether `text` holds a character other than white space in [from, to) (`text.slice(from, to).trim().length > 0`). */
function hasNonSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(text.charCodeAt(k))) return true;
  return false;
}
/** The word of `run` before white space ending at `from` ('' when there is none). */
function wordBefore(run: string, from: number): string {
  let end = from;
  while (end > 0 && isSpace(run.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpace(run.charCodeAt(start - 1))) start--;
  return run.slice(start, end);
}
/** The parts `splitBeforeKnown` found, as `[start, end, start, end, …]` in its run (scratch, refilled by each call). */
const partBounds: number[] = [];

/**
 * "the Regional Government and Baghdad", "the Economic Forum in Geneva": a run joined by
 * "and"/"in" to a known place or organisation is two names. Fills `partBounds` with the parts
 * that are not blank; returns how many numbers it wrote (two a part).
 */
function splitBeforeKnown(run: string, state: DocumentState, places: ReturnType<typeof gazetteer>): number {
  // Most runs hold neither word between white space ("Ukraine", "China" hold "in" inside a word):
  // every match does, so without one the pattern is skipped.
  if (!AND_IN.test(run)) {
    if (!hasNonSpace(run, 0, run.length)) return 0;
    partBounds[0] = 0;
    partBounds[1] = run.length;
    return 2;
  }
  let count = 0;
  let offset = 0;
  for (const m of allMatches(SPLIT_BEFORE_KNOWN, run)) {
    // The match is white space, "and" or "in", white space; `m[1]` one to three words with white space between.
    const gap = m[0];
    let g = 0;
    while (isSpace(gap.charCodeAt(g))) g++;
    const isAnd = gap.charCodeAt(g) === 97;
    const joiner = isAnd ? 'and' : 'in';
    const following = m[1]!;
    let cut = 0;
    while (cut < following.length && !isSpace(following.charCodeAt(cut))) cut++;
    const next0 = cut < following.length ? following.slice(0, cut) : following;
    // `/(\S+)$/.exec(run.slice(0, m.index))?.[1] ?? ''`, read back from the split.
    let from = m.index;
    while (from > 0 && !isSpace(run.charCodeAt(from - 1))) from--;
    const previous = run.slice(from, m.index);
    // "Bosnia and Herzegovina", "Trinidad and Tobago" are one name.
    if (isKnown(previous.length > 0 ? `${previous} ${joiner}` : joiner, state, places) || isKnown(`${previous} and ${next0}`, state, places)) continue;
    // The known name after the joiner may take one to three words ("the United Arab Emirates"),
    // the one before it one or two ("Saudi Arabia and …").
    let nextKnown = isKnown(next0, state, places);
    if (!nextKnown && cut < following.length) {
      const words = following.split(/\s+/);
      nextKnown = isKnown(`${words[0]} ${words[1]}`, state, places) || (words.length > 2 && isKnown(words.join(' '), state, places));
    }
    if (!nextKnown && !(isAnd && (isKnown(previous, state, places) || (from > 0 && isKnown(`${wordBefore(run, from)} ${previous}`, state, places))))) continue;
    if (hasNonSpace(run, offset, m.index)) {
      partBounds[count++] = offset;
      partBounds[count++] = m.index;
    }
    offset = m.index + gap.length;
  }
  if (hasNonSpace(run, offset, run.length)) {
    partBounds[count++] = offset;
    partBounds[count++] = run.length;
  }
  return count;
}

function splitPossessive(run: string): Array<{ text: string; offset: number }> {
  // Most runs hold no apostrophe: skip the pattern.
  if (!run.includes("'") && !run.includes('’')) return run.trim().length > 0 ? [{ text: run, offset: 0 }] : [];
  const out: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const m of allMatches(POSSESSIVE_S, run)) {
    out.push({ text: run.slice(offset, m.index), offset });
    offset = m.index + m[0].length;
    while (run[offset] === ' ') offset++;
  }
  if (offset < run.length) out.push({ text: run.slice(offset), offset });
  return out.filter((p) => p.text.trim().length > 0);
}

/** What `analyzeRun` asks of each word, as bits of one lookup. */
const LEADING = 1; // in LEADING_WORDS or LEADING_CONNECTORS
const LEADING_WORD = 2; // in LEADING_WORDS
const CONNECTOR_WORD = 4; // in CONNECTORS: not a token
const ORGANIZATION_HEAD = 8;
const CAPITAL_TITLE = 16;
const PLACE = 32; // a key of the gazetteer
const PLACE_FIRST = 64; // the first word of a gazetteer key of several words
/** Bits 7–9: how many words (up to 6) the longest gazetteer key this word is the first word of has. */
const PLACE_SPAN_SHIFT = 7;
const WORD_FLAGS = new Map<string, number>();
/**
 * Whether some key of WORD_FLAGS has the word's `signature` (length, first and last code unit):
 * most words of a name ("Altun") are no key, and are told so without hashing them for the map.
 */
const FLAG_SIGNATURES = new Uint8Array(65536);
const signature = (word: string): number => ((word.length * 31 + word.charCodeAt(0)) * 31 + word.charCodeAt(word.length - 1)) & 0xffff;
function setFlags(word: string, flags: number): void {
  WORD_FLAGS.set(word, flags);
  FLAG_SIGNATURES[signature(word)] = 1;
}
const flagsOf = (word: string): number => (FLAG_SIGNATURES[signature(word)] === 0 ? 0 : (WORD_FLAGS.get(word) ?? 0));
for (const [words, bits] of [
  [LEADING_WORDS, LEADING | LEADING_WORD],
  [LEADING_CONNECTORS, LEADING],
  [CONNECTORS, CONNECTOR_WORD],
  [ORGANIZATION_HEADS, ORGANIZATION_HEAD],
  [CAPITAL_TITLES, CAPITAL_TITLE],
] as const) {
  for (const w of words) setFlags(w, (WORD_FLAGS.get(w) ?? 0) | bits);
}

/**
 * The gazetteer's words join the flags once it is built (it never changes after): most words are
 * then known to be no place, nor the start of one, without looking them up there.
 */
let placeFlagsAdded = false;
function addPlaceFlags(places: ReturnType<typeof gazetteer>): void {
  if (placeFlagsAdded) return;
  for (const key of places.keys()) setFlags(key, (WORD_FLAGS.get(key) ?? 0) | PLACE);
  for (const word of gazetteerFirstWords()) setFlags(word, (WORD_FLAGS.get(word) ?? 0) | PLACE_FIRST);
  for (const key of places.keys()) {
    if (!/\s/.test(key)) continue;
    const keyWords = key.split(/\s+/);
    const flags = WORD_FLAGS.get(keyWords[0]!)!;
    const span = Math.min(keyWords.length, 6);
    if (span > ((flags >> PLACE_SPAN_SHIFT) & 7)) setFlags(keyWords[0]!, (flags & ~(7 << PLACE_SPAN_SHIFT)) | (span << PLACE_SPAN_SHIFT));
  }
  placeFlagsAdded = true;
}

/**
 * The words of the run `analyzeRun` reads (`/\S+/g` of it), each sliced once: text, offsets in
 * the run and flags. Scratch arrays, filled afresh by each call (calls do not nest).
 */
const words: string[] = [];
const wordStarts: number[] = [];
const wordEnds: number[] = [];
const wordFlags: number[] = [];
/** The run's tokens (its words but connectors), the same way. */
const tokenWords: string[] = [];
const tokenStarts: number[] = [];
const tokenEnds: number[] = [];
const tokenFlags: number[] = [];

/** `run.replace(/\s+(?:of|for|on|and|the|to|in)$/, '')`, read from the end. */
function stripTrailingConnector(run: string): string {
  const n = run.length;
  let b = n;
  while (b > 0 && n - b <= 3) {
    const c = run.charCodeAt(b - 1);
    if (c < 97 || c > 122) break;
    b--;
  }
  // LEADING_CONNECTORS are the pattern's words; the white space before goes from its first character.
  if (b === n || b === 0 || n - b > 3 || !isSpace(run.charCodeAt(b - 1)) || !LEADING_CONNECTORS.has(run.slice(b))) return run;
  let a = b - 1;
  while (a > 0 && isSpace(run.charCodeAt(a - 1))) a--;
  return run.slice(0, a);
}

/** `splitWords` of a run without white space (most runs: "China", "The"): the run itself. */
function oneWord(run: string): number {
  words[0] = run;
  wordStarts[0] = 0;
  wordEnds[0] = run.length;
  wordFlags[0] = flagsOf(run);
  return 1;
}

/** Split `run` into `words`: how many. */
function splitWords(run: string): number {
  let count = 0;
  for (let k = 0, n = run.length; k < n; ) {
    while (k < n && isSpace(run.charCodeAt(k))) k++;
    if (k >= n) break;
    const from = k;
    while (k < n && !isSpace(run.charCodeAt(k))) k++;
    const word = run.slice(from, k);
    words[count] = word;
    wordStarts[count] = from;
    wordEnds[count] = k;
    wordFlags[count] = flagsOf(word);
    count++;
  }
  return count;
}

/**
 * Whether the word `/,?\s+(?:(?:has|had|also)\s+)?([a-z]+)/y` reads at `at` (the a–z word after
 * white space and a comma, or the one after "has", "had" or "also" and white space) is a speech verb.
 */
function speechWordAfter(text: string, at: number): boolean {
  let p = at;
  if (text.charCodeAt(p) === 44) p++;
  const spaces = p;
  while (isSpace(text.charCodeAt(p))) p++;
  if (p === spaces) return false;
  let q = p;
  while (q < text.length && text.charCodeAt(q) >= 97 && text.charCodeAt(q) <= 122) q++;
  if (q === p) return false;
  if (q - p <= 4 && isSpace(text.charCodeAt(q))) {
    const word = text.slice(p, q);
    if (word === 'has' || word === 'had' || word === 'also') {
      let r = q + 1;
      while (isSpace(text.charCodeAt(r))) r++;
      let e = r;
      while (e < text.length && text.charCodeAt(e) >= 97 && text.charCodeAt(e) <= 122) e++;
      if (e > r) return mayBeIn(SPEECH_WORD_LENGTHS, text, r, e) && SPEECH_WORDS.has(text.slice(r, e));
    }
  }
  return mayBeIn(SPEECH_WORD_LENGTHS, text, p, q) && SPEECH_WORDS.has(text.slice(p, q));
}

/** A word that ends a name running over capitals: a title, an acronym, a country (not a city). */
function stopsName(word: string, flags: number, state: DocumentState, places: ReturnType<typeof gazetteer>): boolean {
  if ((flags & CAPITAL_TITLE) !== 0 || state.acronyms.has(word)) return true;
  const entry = (flags & PLACE) !== 0 ? places.get(word) : undefined;
  return entry !== undefined && entry.weak !== 'city';
}

function analyzeRun(
  text: string,
  runStart: number,
  run: string,
  state: DocumentState,
  places: ReturnType<typeof gazetteer>,
  hits: EntitySpan[],
  firstWordAt: number,
  afterPossessive = false,
  oneToken = false,
): void {
  // A trailing connector ends in a lower-case letter; a run of one token is its only word.
  let trimmed = oneToken ? run : stripTrailingConnector(run);
  let count = oneToken ? oneWord(run) : splitWords(trimmed);
  // Leading sentence words ("According to the …") are not part of a name: the rest is read as a
  // run of its own (its first word leads nothing, so only its trailing connector may go).
  let lead = 0;
  let first = 0;
  while (first < count && (wordFlags[first]! & LEADING) !== 0) lead = wordEnds[first++]! + 1;
  if (lead >= trimmed.length) return;
  if (lead > 0) {
    // Runs never end in white space: a word that leads nothing follows the leading ones.
    runStart += lead;
    trimmed = stripTrailingConnector(trimmed.slice(lead));
    let kept = 0;
    for (let k = first; k < count; k++) {
      if (wordEnds[k]! - lead > trimmed.length) break;
      words[kept] = words[k]!;
      wordStarts[kept] = wordStarts[k]! - lead;
      wordEnds[kept] = wordEnds[k]! - lead;
      wordFlags[kept] = wordFlags[k]!;
      kept++;
    }
    count = kept;
  }
  const runEnd = runStart + trimmed.length;
  // An acronym defined right after: "Syrian Democratic Forces (SDF)". The pattern needs white space and "(".
  let afterSpace = runEnd;
  while (isSpace(text.charCodeAt(afterSpace))) afterSpace++;
  if (afterSpace > runEnd && text.charCodeAt(afterSpace) === 40) {
    ACRONYM_AFTER.lastIndex = runEnd;
    const acronym = ACRONYM_AFTER.exec(text);
    if (acronym && trimmed.includes(' ') && !places.has(trimmed)) {
      const name = trimmed.replace(/^the\s+/i, '');
      state.acronyms.set(acronym[1]!, name);
      hits.push(entity(text, runStart, runEnd, name, 'organization'));
      const at = runEnd + acronym[0].indexOf(acronym[1]!);
      hits.push(entity(text, at, at + acronym[1]!.length, name, 'organization'));
      state.lastOrganization = name;
      return;
    }
  }
  // Tokens: the words but connectors, a leading sentence word left out.
  let n = 0;
  let firstToken = true;
  for (let k = 0; k < count; k++) {
    const flags = wordFlags[k]!;
    if ((flags & CONNECTOR_WORD) !== 0) continue;
    if (firstToken) {
      firstToken = false;
      if ((flags & LEADING_WORD) !== 0) continue;
    }
    tokenWords[n] = words[k]!;
    tokenStarts[n] = wordStarts[k]!;
    tokenEnds[n] = wordEnds[k]!;
    tokenFlags[n] = flags;
    n++;
  }
  if (n === 0) return;
  // Whole-run organisations: a head word such as "Institute" or "Forces" after the first word.
  let orgHead = -1;
  for (let k = 0; k < n; k++) {
    if ((tokenFlags[k]! & ORGANIZATION_HEAD) !== 0 && (k > 0 || /^\S+\s+(?:of|for|on)\s/.test(trimmed))) {
      orgHead = k;
      break;
    }
  }
  if (orgHead >= 0 && !places.has(trimmed)) {
    let f = 0;
    // "Russian President …" never reaches here; "U.S. Defense Department" keeps its country.
    while (f < orgHead && (tokenFlags[f]! & CAPITAL_TITLE) !== 0) f++;
    const startAt = tokenStarts[f]!;
    // After its head word a name goes on only through a connector ("Council on Foreign Relations");
    // "Youth Coalition Wins Again" is a headline, cut at the head.
    let endAt = trimmed.length;
    const headEnd = tokenEnds[orgHead]!;
    if (orgHead + 1 < n && !/\s(?:of|for|on|to|the|and|de|du|des)\s/.test(trimmed.slice(headEnd, tokenStarts[orgHead + 1]! + 1))) endAt = headEnd;
    const name = trimmed.slice(startAt, endAt).replace(/^the\s+/i, '');
    if (name.split(/\s+/).length >= 2) {
      hits.push(entity(text, runStart + startAt, runStart + endAt, name, 'organization'));
      state.lastOrganization = name;
      return;
    }
  }
  // Segment: gazetteer phrases (longest first), titles, then the rest as a possible name.
  let i = 0;
  let pendingTitle = false;
  while (i < n) {
    let matched = false;
    // A phrase of several words can only be a key whose first word is this one (acronyms are
    // single words): other words are looked up alone.
    const word = tokenWords[i]!;
    const flags = tokenFlags[i]!;
    // A phrase of t tokens has t words or more: no longer than the longest key it may be (a
    // person's full name has at most five words), and only a map holding such keys is asked.
    const placeFirst = (flags & PLACE_FIRST) !== 0;
    const personFirst = state.personFirstWords.has(word);
    const span = Math.max(placeFirst ? (flags >> PLACE_SPAN_SHIFT) & 7 : 1, personFirst ? 5 : 1);
    const longest = placeFirst || personFirst ? Math.min(n, i + 6, i + span) : i + 1;
    for (let j = longest; j > i; j--) {
      const one = j === i + 1;
      const phrase = one ? word : trimmed.slice(tokenStarts[i]!, tokenEnds[j - 1]!);
      // Acronyms are single words; so are all keys of `people` but full names.
      const known = one ? state.acronyms.get(phrase) : undefined;
      const entry = known
        ? { name: known, kind: 'organization' as const, weak: null }
        : (one ? (flags & PLACE) !== 0 : placeFirst)
          ? places.get(phrase)
          : undefined;
      const person = one || personFirst ? state.people.get(phrase) : undefined;
      if (person && !entry) {
        hits.push(entity(text, runStart + tokenStarts[i]!, runStart + tokenEnds[j - 1]!, person, 'person'));
        i = j;
        matched = true;
        break;
      }
      if (!entry) continue;
      const isolated = n === j - i;
      const nextIsUnknown = j < n && (tokenFlags[j]! & (CAPITAL_TITLE | PLACE)) === 0;
      const prevIsUnknown = i > 0 && (tokenFlags[i - 1]! & (CAPITAL_TITLE | PLACE)) === 0;
      // "Tom Kingston", "Michael Jordan": a place name inside a longer unknown name is not a place.
      if (!isolated && entry.weak !== 'demonym' && (prevIsUnknown || (nextIsUnknown && entry.weak === 'city'))) continue;
      if (entry.weak === 'demonym' && prevIsUnknown) continue;
      hits.push(entity(text, runStart + tokenStarts[i]!, runStart + tokenEnds[j - 1]!, entry.name, entry.kind));
      if (entry.kind === 'organization') state.lastOrganization = entry.name;
      i = j;
      matched = true;
      break;
    }
    if (matched) {
      pendingTitle = false;
      continue;
    }
    if ((flags & CAPITAL_TITLE) !== 0) {
      pendingTitle = true;
      i++;
      continue;
    }
    // A name runs on over capitals ("Tom Kingston") but stops at titles, countries and known names.
    let j = i + 1;
    while (j < n && !stopsName(tokenWords[j]!, tokenFlags[j]!, state, places)) j++;
    const from = tokenStarts[i]!;
    const to = tokenEnds[j - 1]!;
    const name = j === i + 1 ? word : trimmed.slice(from, to);
    const absoluteStart = runStart + from;
    const absoluteEnd = runStart + to;
    const wordCount = j - i;
    const firstWordOfSentence = absoluteStart <= firstWordAt;
    // Word lookups, not long alternations scanned at every offset: this runs for every name.
    const titled = pendingTitle || titleBefore(text, Math.max(0, absoluteStart - 40), absoluteStart);
    // A single word after a possessive or opening the sentence is refused whatever follows it.
    const speechCued = (wordCount > 1 || titled || !(afterPossessive || firstWordOfSentence)) && speechWordAfter(text, absoluteEnd);
    // One unknown word is a person only after a title, or before a speech verb mid-sentence.
    const single = wordCount === 1 && !titled && (!speechCued || afterPossessive || firstWordOfSentence);
    // A refused single word needs none of the tests below (most unknown words end here).
    if (!single && isPersonRun(text, tokenWords, i, j, name, absoluteEnd, titled, speechCued, firstWordOfSentence, places)) {
      const full = state.people.get(name) ?? name;
      rememberPerson(full, state);
      hits.push(entity(text, absoluteStart, absoluteEnd, full, 'person'));
    }
    pendingTitle = false;
    i = j;
  }
}

/**
 * Whether the unknown capitalised words [i, j) of a run (`name`, ending at `end` in the sentence)
 * name a person: after a title, or cued by a speech verb or an appositive after them; never a
 * calendar word or, alone, a place. The tests `analyzeRun` makes of a name that is not a refused
 * single word.
 */
function isPersonRun(
  text: string,
  tokens: readonly string[],
  i: number,
  j: number,
  name: string,
  end: number,
  titled: boolean,
  speechCued: boolean,
  firstWordOfSentence: boolean,
  places: ReturnType<typeof gazetteer>,
): boolean {
  const wordCount = j - i;
  const cued = speechCued || (text.charCodeAt(end) === 44 && APPOSITIVE_AFTER.test(text.slice(end, end + 80)));
  const looksLikeName = wordCount <= 4 && /^[\p{Lu}][\p{Ll}]/u.test(name) && !/\b(?:of|for|on|and|the|to)\b/.test(name);
  let calendar = false;
  for (let k = i; k < j && !calendar; k++) calendar = CALENDAR_WORDS.test(tokens[k]!);
  const refused = calendar || (wordCount === 1 && places.has(name));
  return !refused && looksLikeName && (titled || (cued && (wordCount >= 2 || !firstWordOfSentence)));
}

/**
 * Whether `/([a-z]+)\s+$/.exec(text.slice(from, to))?.[1]` (the a–z word right before the white
 * space that ends `text`'s span [from, to)) is a lower-case title, read in place.
 */
function titleBefore(text: string, from: number, to: number): boolean {
  let e = to;
  while (e > from && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === to) return false;
  let b = e;
  while (b > from) {
    const c = text.charCodeAt(b - 1);
    if (c < 97 || c > 122) break;
    b--;
  }
  return b < e && mayBeIn(LOWER_TITLE_LENGTHS, text, b, e) && LOWER_TITLES.has(text.slice(b, e));
}

/** Remember a person by full name and surname, so "Trump" later resolves to "Donald Trump". */
export function rememberPerson(full: string, state: DocumentState): void {
  const words = full.split(/\s+/);
  if (words.length < 1 || words.length > 5) return;
  state.people.set(full, full);
  if (words.length >= 2) state.personFirstWords.add(words[0]!);
  const surname = words.at(-1)!;
  const known = state.people.get(surname);
  if (words.length >= 2 && (!known || known.split(/\s+/).length < words.length)) state.people.set(surname, full);
  if (words.length === 1 && !known) state.people.set(surname, full);
  state.lastPerson = full;
}
