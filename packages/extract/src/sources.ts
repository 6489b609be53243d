/**
 * Attribution cues: who a sentence or a quotation is credited to. "X said", "said X", "X told
 * Reuters", "according to X", "in the words of X", "X declared that", pronouns resolved to the last
 * person or organisation, "the same source" to the previous source. See README.md, "Sources".
 */
import { gazetteer } from './gazetteer.js';
import { DOCUMENT_NOUNS, EVIDENCE_VERBS, NAME_CONNECTORS, ORGANIZATION_HEADS, PERSON_TITLES, SPEECH_VERBS } from './lexicon.js';
import { has, isSpace, isWordChar, type Lexed, lex, mayHave, wordClass, wordStarts } from './lex.js';
import { allMatches, alternation, type DocumentState, matchesAt, sortStable, sticky } from './state.js';

export interface Cue {
  /** Where the cue's words sit in the sentence, [start, end). */
  start: number;
  end: number;
  /** The source as resolved ("Fahrettin Altun", "European Council on Foreign Relations"). */
  source: string;
  /** `verb` for "X said"/"said X"; `according` for "according to X"/"in the words of X". */
  form: 'verb' | 'according';
}

/**
 * Words a cue needs: a speech verb's first word, "according" (to), "words" (in the words of); with
 * their offsets, where the speech-verb pattern is tried.
 */
const CUE_WORDS = wordClass([...SPEECH_VERBS.map((v) => v.split(' ')[0]!), 'according', 'words'], true);
const SPEECH_VERB_RE = new RegExp(`\\b(?:${alternation(SPEECH_VERBS)})\\b`, 'g');
const SPEECH_VERB_AT = sticky(SPEECH_VERB_RE);
const ACCORDING_RE = /\b(?:according\s+to|in\s+the\s+words\s+of)\s+/gi;
const ACCORDING_WORDS = wordClass(['according', 'words']);

/** Forms that are also nouns or non-speech verbs: they need a clause or a quote after them. */
const NEEDS_COMPLEMENT = new Set([
  'declared',
  'declares',
  'announced',
  'announces',
  'posted',
  'confirmed',
  'denied',
  'found',
  'finds',
  'showed',
  'shows',
  'indicated',
  'indicates',
  'states',
  'reports',
  'claims',
  'claim',
  'notes',
  'demands',
  'believes',
  'responded',
  'replied',
  'insists',
  'insisted',
  'spoke',
  'referred',
  'described',
  'called',
  'calls',
  'dubbed',
  'termed',
  'labeled',
  'labelled',
  'revealed',
  'disclosed',
  'identifies',
  'defines',
  'stipulates',
  'reads',
]);
/** Verbs that cite only the quotation a few words after them ("the convention identifies “…”"). */
const NAMING_VERBS = new Set([
  'called',
  'calls',
  'dubbed',
  'termed',
  'labeled',
  'labelled',
  'described',
  'referred',
  'identifies',
  'defines',
  'stipulates',
  'reads',
]);
const COMPLEMENT_AFTER = /^\s*(?:that\b|:|,?\s*[“"«„]|,\s|directly\s+to\b|to\s+(?:\S+\s+){0,6}?as\s+[“"]|to\s+(?:the\s+)?(?:reporters|journalists|media|press))/;

/** Words before a verb that show it is a noun ("its forecast", "by reports of") or passive (lower-case). */
const NOT_SUBJECT_WORDS = new Set(
  'the a an its their his her our this that these those of to in on for with by at from regarding about over concerning amid despite following against into under new recent latest such any no own is are was were be been being media news press unconfirmed'.split(
    ' ',
  ),
);
/** The word before the end is one of NOT_SUBJECT_WORDS (the reference `endsWithNotSubject` reads by hand). */
export const NOT_SUBJECT_BEFORE = new RegExp(`\\b(?:${[...NOT_SUBJECT_WORDS].join('|')})\\s*$`, 'i');

/** Adverbs and auxiliaries that trail a cue's subject (lower-case; each a whole white-space-delimited word). */
const ADVERB_WORDS = new Set(
  'has have had don\'t don’t doesn\'t doesn’t didn\'t didn’t do does not also recently previously reportedly repeatedly publicly once then later still already further would will did never even now often frequently openly explicitly privately separately again just initially first last year week month correctly rightly long widely subsequently since too both all'.split(
    ' ',
  ),
);
/** Those words at the end, each after white space (the reference `stripTrailingAdverbs` reads by hand). */
export const TRAILING_ADVERBS = new RegExp(`(?:\\s+(?:${[...ADVERB_WORDS].join('|')}))+\\s*$`, 'i');

export const CLAUSE_BOUNDARY =
  /(?:[,;:([“”"«»„]|\s[—–]\s?|[—–]|\b(?:that|and(?!\s+\p{Lu})|but|while|when|as|although|though|because|so|if|yet|which|who|whom|where|whereas|after|before|since|until|whether|than)\b)/giu;

const LEADING_NOISE =
  /^(?:(?:yet|but|and|thus|indeed|meanwhile|however|still|instead|now|then|so|also|moreover|furthermore|similarly|likewise|in\s+short|in\s+addition|for\s+instance|for\s+example|thus\s+far|so\s+far|previously|recently|separately|later|earlier|the\s+same\s+day)\b[\s,]*)+/i;

const DETERMINERS = /^(?:the|a|an|one|this|that|these|those|its|their|his|her|our|such)\s+/i;

/** A parenthesis and what it holds, with the white space before it. */
const PARENTHESISED = /\s*\([^)]*\)/g;
/** Quote marks and brackets at the ends of a trimmed phrase (white space: what `trim` left). */
const EDGE_MARKS = /^[“”"'‘’«»„(\s]+|[“”"'‘’«»„)\s,;:]+$/g;
/** The characters `EDGE_MARKS` can start with at the front, or end with at the back, of a trimmed phrase. */
const EDGE_OPENERS = '“”"\'‘’«»„(';
const EDGE_CLOSERS = '“”"\'‘’«»„),;:';
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Whether `text` holds a digit (`\d`). */
function hasDigit(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (isDigit(text.charCodeAt(k))) return true;
  return false;
}
/**
 * Whether "in" is the second or third word from the end of `text` (words: runs without white
 * space): the trailing "in Cologne" / "in Kyiv Oblast" patterns need it there.
 */
export function inNearEnd(text: string): boolean {
  let e = text.length;
  for (let word = 0; word < 3; word++) {
    let s = e;
    while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
    if (word > 0 && e - s === 2 && text.charCodeAt(s) === 105 && text.charCodeAt(s + 1) === 110) return s > 0;
    if (s === 0) return false;
    e = s;
    while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  }
  return false;
}
/** A capitalised word to the end of the text it is tested on, and a capital followed by letters and dots to the end. */
const CAPITALISED_WORD = /^\p{Lu}[\p{L}-]+$/u;
const CAPITAL_TAIL = /\p{Lu}[\p{L}.]*$/u;
/** Where the word (a run without white space) ending at `end` of `text` starts. */
function wordStartAt(text: string, end: number): number {
  while (end > 0 && !isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
/** Whether [s, e) of `text` is the word "in". */
const isIn = (text: string, s: number, e: number): boolean => e - s === 2 && text.charCodeAt(s) === 105 && text.charCodeAt(s + 1) === 110;
/**
 * `text.replace(/(\p{Lu}[\p{L}.]*)\s+in\s+\p{Lu}[\p{L}-]+$/u, '$1')` and then
 * `.replace(/\s+in\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)$/u, (all, place) => (gazetteer().has(place) ? '' : all))`,
 * read back by words (runs without white space): "in" is a whole word after white space, what
 * follows it the last one or two words of the text, each a capitalised word; the first pattern
 * needs the word before "in" to end in a capital followed by letters and dots, and keeps it.
 */
function stripTrailingPlace(text: string): string {
  let n = text.length;
  let last = wordStartAt(text, n);
  if (last > 0 && last < n) {
    const e2 = endBeforeSpace(text, last);
    const s2 = wordStartAt(text, e2);
    if (s2 > 0 && isIn(text, s2, e2)) {
      const e3 = endBeforeSpace(text, s2);
      if (e3 > 0 && CAPITALISED_WORD.test(text.slice(last, n)) && CAPITAL_TAIL.test(text.slice(wordStartAt(text, e3), e3))) {
        text = text.slice(0, e3);
        n = e3;
        last = wordStartAt(text, n);
      }
    }
  }
  if (last === 0 || last === n) return text;
  // The leftmost match: "in" third from the end before two capitalised words, else second before one.
  const e2 = endBeforeSpace(text, last);
  const s2 = wordStartAt(text, e2);
  if (s2 > 0 && !isIn(text, s2, e2)) {
    const e3 = endBeforeSpace(text, s2);
    const s3 = wordStartAt(text, e3);
    if (s3 > 0 && isIn(text, s3, e3) && CAPITALISED_WORD.test(text.slice(s2, e2)) && CAPITALISED_WORD.test(text.slice(last, n))) {
      return gazetteer().has(text.slice(s2, n)) ? text.slice(0, endBeforeSpace(text, s3)) : text;
    }
    return text;
  }
  if (s2 > 0 && CAPITALISED_WORD.test(text.slice(last, n))) return gazetteer().has(text.slice(last, n)) ? text.slice(0, endBeforeSpace(text, s2)) : text;
  return text;
}
/** What the "X of Y" pattern below needs: one of its words between white space. */
const OF_AT_FROM = /\s(?:of|at|from)\s/;

/** Words that are titles by themselves ("Minister", not "Foreign" of "Foreign Minister"). */
const STANDALONE_TITLES = new Set(PERSON_TITLES.map((t) => t.split(' ').at(-1)!.toLowerCase()));
const TITLE_WORDS = new Set(
  PERSON_TITLES.flatMap((t) => t.split(' '))
    .map((w) => w.toLowerCase())
    .filter((w) => !['of', 'state'].includes(w)),
);

/** A capitalised token of a name: "Fahrettin", "al-Baghdadi", "R.T.", "Le", "E&Y", "O’Brien". */
const NAME_TOKEN = String.raw`(?:[A-Z][\p{L}\p{M}'’&.-]*|(?:al|el|bin|ibn|de|van|von|der|da|du|la|le)-?[A-Z][\p{L}'’-]*)`;
const NAME_CONNECTOR = '(?:of|for|on|and|the|to|de|du|des|da|van|von|der|bin|al|la|le|in)';
const TRAILING_NAME_RUN = new RegExp(
  String.raw`(?:^|\s)(${NAME_TOKEN}(?:\s+(?:${NAME_CONNECTOR}\s+)*${NAME_TOKEN})*)$`,
  'u',
);

const PRONOUNS = /^(?:he|she|him|her|they|them|it|we|i|you)$/i;

/*
 * The patterns anchored at the end of a verb's left context (`…\s*$`) are tried at every offset
 * of a window of up to 240 characters; the functions below read the same answers from the end.
 */

/** Where `text` ends before the white space that ends its first `end` code units. */
function endBeforeSpace(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
/** Where the run of `\w` ending at `end` starts (`end` when there is none). */
function wordStartBefore(text: string, end: number): number {
  while (end > 0 && isWordChar(text.charCodeAt(end - 1))) end--;
  return end;
}
/** A string of ASCII characters and ’ lower-cased; null for any other: only ASCII letters fold under `i` without `u`. */
function asciiLower(text: string): string | null {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 && c !== 0x2019) return null;
  }
  return text.toLowerCase();
}

/** `/[”"»·],?\s*$/.test(text.slice(0, end))`: a closing quotation mark (or the mask), a comma, white space. */
export function endsAfterQuote(text: string, end: number): boolean {
  let e = endBeforeSpace(text, end);
  if (e > 0 && text.charCodeAt(e - 1) === 44) e--;
  if (e === 0) return false;
  const c = text.charCodeAt(e - 1);
  return c === 0x201d || c === 34 || c === 0xbb || c === 0xb7;
}

/** `/\bso-$/.test(text)`. */
export const endsWithSoHyphen = (text: string): boolean =>
  text.endsWith('so-') && (text.length === 3 || !isWordChar(text.charCodeAt(text.length - 4)));

/**
 * `text.replace(TRAILING_ADVERBS, '')`: the words of the pattern each after white space, read
 * back from the end; the match starts at the white space before the first of them.
 */
export function stripTrailingAdverbs(text: string): string {
  let e = endBeforeSpace(text, text.length);
  let cut = -1;
  for (;;) {
    let s = e;
    while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
    if (s === e || s === 0) break;
    const word = asciiLower(text.slice(s, e));
    if (word === null || !ADVERB_WORDS.has(word)) break;
    e = endBeforeSpace(text, s);
    cut = e;
  }
  return cut < 0 ? text : text.slice(0, cut);
}

/** `NOT_SUBJECT_BEFORE.test(text)`: the `\w` word before the closing white space is one of its words. */
export function endsWithNotSubject(text: string): boolean {
  const e = endBeforeSpace(text, text.length);
  const s = wordStartBefore(text, e);
  return s < e && NOT_SUBJECT_WORDS.has(text.slice(s, e).toLowerCase());
}

/** `/\bto\s+\S+\s*$/.test(text)`: "to", white space, one word, white space. */
export function endsWithToWord(text: string): boolean {
  const e = endBeforeSpace(text, text.length);
  let s = e;
  while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
  if (s === e) return false;
  const t = endBeforeSpace(text, s);
  if (t === s || t < 2 || text.charCodeAt(t - 1) !== 111 || text.charCodeAt(t - 2) !== 116) return false;
  return t === 2 || !isWordChar(text.charCodeAt(t - 3));
}

/**
 * `text.replace(/\s*[—–][^—–]*[—–]\s*$/, '')`: the last dash closes the text (but white space),
 * the one before opens the parenthetical; the match starts at the white space before that one.
 */
export function stripDashParenthetical(text: string): string {
  const e = endBeforeSpace(text, text.length);
  if (e === 0) return text;
  const close = text.charCodeAt(e - 1);
  if (close !== 0x2014 && close !== 0x2013) return text;
  let open = e - 2;
  while (open >= 0) {
    const c = text.charCodeAt(open);
    if (c === 0x2014 || c === 0x2013) break;
    open--;
  }
  if (open < 0) return text;
  return text.slice(0, endBeforeSpace(text, open));
}

const byStart = (a: Cue, b: Cue): number => a.start - b.start;

/** Find every attribution cue of a sentence. `masked` has quoted words blanked out. */
export function findCues(masked: string, state: DocumentState, lexed: Lexed = lex(masked)): Cue[] {
  const cues: Cue[] = [];
  if (!has(lexed, CUE_WORDS)) return cues;
  // Only a text with the word "according" or "words" (in any case) can match. The word pass sees
  // them as the pattern does, but after a Kelvin sign (the one character that lower-cases to an
  // ASCII letter, "k") it reads a longer word: such a text runs the pattern anyway.
  const according = mayHave(lexed, ACCORDING_WORDS) ? allMatches(ACCORDING_RE, masked) : [];
  for (const m of according) {
    const rest = masked.slice(m.index + m[0].length);
    const np = /^[^,;:.!?·]+?(?=\s*(?:[,;:!?·]|\.(?:\s|$)|$|\s[—–]|\s+(?:that|who|which)\b))/.exec(rest);
    if (!np) continue;
    const source = resolveAccording(np[0], state);
    if (source) {
      cues.push({ start: m.index, end: m.index + m[0].length + np[0].length, source, form: 'according' });
    }
  }
  // A verb (its letters as listed, between non-word characters) starts where the word pass saw its
  // first word start: the pattern is tried there only, unless lower-casing moved or glued letters.
  const verbs = lexed.exotic ? allMatches(SPEECH_VERB_RE, masked) : matchesAt(SPEECH_VERB_AT, masked, wordStarts(lexed, CUE_WORDS));
  for (const m of verbs) {
    // The pattern's words are lower-case and it has no `i` flag: the match is the verb as listed.
    const verb = m[0];
    const verbStart = m.index;
    const verbEnd = verbStart + m[0].length;
    // A window is enough to find a subject; anchored-at-end patterns then scan little text.
    const windowStart = Math.max(0, verbStart - 240);
    const before = masked.slice(windowStart, verbStart);
    const after = masked.slice(verbEnd);
    if (endsWithSoHyphen(before)) continue;
    // "…,” said Lena Haas" / "…,” wrote commentator Omar Sayed on May 2."
    if (endsAfterQuote(before, before.length) && !/^\s+(?:he|she|they|it|we|I)\b/.test(after)) {
      const np = /^\s+((?:[\p{L}\p{M}'’&.-]+\s+){0,8}?[\p{L}\p{M}'’&.-]+?)(?=\s*(?:[,;:!?]|(?<![A-Z]|\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Capt|Maj|Adm|Sgt|Jr|Sr))\.(?:\s|$)|$|\s+(?:on|in|at|after|before|during|from|last|this|earlier|later|when|who|while)\b))/u.exec(
        after,
      );
      const source = np ? resolveSource(np[1]!, state, masked, verbStart) : null;
      if (source) {
        cues.push({ start: verbStart, end: verbEnd + np![0].length, source, form: 'verb' });
        continue;
      }
    }
    // Naming verbs cite a quotation a few words on: X called the move “a disaster”.
    const names = NAMING_VERBS.has(verb) && /^\s+(?:[^\s“"·]+\s+){0,6}?(?:as\s+)?[“"]/.test(after);
    const needsComplement =
      !names && NEEDS_COMPLEMENT.has(verb) && !COMPLEMENT_AFTER.test(after) && !/^\s+\S+\s+that\b/.test(after);
    const stripped = stripTrailingAdverbs(before);
    if (endsWithNotSubject(stripped)) continue;
    if (verb !== 'told' && verb !== 'said' && endsWithToWord(stripped)) continue;
    const subject = subjectBefore(stripped);
    if (!subject) continue;
    // "“…,” Okafor posted." needs nothing after the verb: the quotation is what was posted.
    if (needsComplement && !endsAfterQuote(before, subject.start)) continue;
    if (EVIDENCE_VERBS.has(verb) && !isDocument(subject.text)) continue;
    const source = resolveSource(subject.text, state, masked, windowStart + subject.start);
    if (!source) continue;
    cues.push({ start: windowStart + subject.start, end: verbEnd, source, form: 'verb' });
  }
  sortStable(cues, byStart);
  return cues;
}

/** The end of CLAUSE_BOUNDARY's last match in `text` at or after `from` (-1: none). */
function lastBoundaryFrom(text: string, from: number): number {
  CLAUSE_BOUNDARY.lastIndex = from;
  let end = -1;
  // Every alternative takes a character: no empty match to step over.
  for (let m = CLAUSE_BOUNDARY.exec(text); m !== null; m = CLAUSE_BOUNDARY.exec(text)) end = m.index + m[0].length;
  return end;
}

/**
 * Where CLAUSE_BOUNDARY's last match in `text` ends (0: none), looked for in the last 64 or so
 * characters first. The split is at white space after a character that is neither white space, a
 * dash nor "d": no match spans it (a match holds white space only next to a dash), so the scan
 * from there finds the matches the whole scan finds there; and before it the matches read the same
 * in the text cut there (only "and" looks ahead, over the white space after it).
 */
export function lastClauseBoundary(text: string): number {
  let q = text.length - 64;
  for (; q > 0; q--) {
    if (!isSpace(text.charCodeAt(q))) continue;
    const p = text.charCodeAt(q - 1);
    if (!isSpace(p) && p !== 0x2014 && p !== 0x2013 && p !== 100 && p !== 68) break;
  }
  if (q <= 0) return Math.max(0, lastBoundaryFrom(text, 0));
  const tail = lastBoundaryFrom(text, q);
  return tail >= 0 ? tail : Math.max(0, lastBoundaryFrom(text.slice(0, q), 0));
}

/** The noun phrase that is the subject of a verb whose left context is `before`. */
function subjectBefore(before: string): { text: string; start: number } | null {
  // "Haddad—speaking on Friday at the forum—said": drop the parenthetical between dashes.
  let text = stripDashParenthetical(before);
  if (!/\S/.test(text)) return null;
  const boundary = lastClauseBoundary(text);
  let segment = text.slice(boundary);
  let segmentStart = boundary;
  if (!/[\p{L}\d]/u.test(segment)) {
    // Appositives: "Tomas Berg, CEO of Nordvale, Norway’s largest miner, said".
    text = text.slice(0, boundary).replace(/[,\s]+$/, '');
    const parts = text.split(',');
    let offset = text.length;
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i]!;
      offset -= part.length + (i < parts.length - 1 ? 1 : 0);
      if (isAppositive(part) && i > 0) continue;
      const inner = part.split(/[;:(“”"«»„]|\s[—–]\s?|\b(?:that|and|but|while|when|because|if|which|who)\b/);
      segment = inner.at(-1) ?? part;
      segmentStart = offset + part.length - segment.length;
      break;
    }
  }
  const leading = LEADING_NOISE.exec(segment.trimStart());
  const trimmedStart = segment.length - segment.trimStart().length + (leading ? leading[0].length : 0);
  const np = segment.slice(trimmedStart).trim();
  if (!np || wordsMoreThan(np, 12)) return null;
  if (/\bto\s+[a-z]/.test(np) || /^[a-z]+ly$/.test(np)) return null;
  return { text: np, start: segmentStart + trimmedStart };
}

/** `np.split(/\s+/).length > n` for a trimmed `np`: one word more than its runs of white space. */
function wordsMoreThan(np: string, n: number): boolean {
  let words = 1;
  for (let k = 1; k < np.length; k++) {
    if (isSpace(np.charCodeAt(k)) && !isSpace(np.charCodeAt(k - 1)) && ++words > n) return true;
  }
  return false;
}

function isAppositive(part: string): boolean {
  const trimmed = part.trim();
  if (!trimmed) return true;
  if (/^(?:a|an|the)\s/i.test(trimmed) || /^[a-z]/.test(trimmed) || /^\d{1,3}$/.test(trimmed)) return true; // "X, 54, said"
  if (/^[\p{L}.]+['’]s\s/u.test(trimmed)) return true;
  const first = trimmed.split(/\s+/)[0]!;
  return TITLE_WORDS.has(first.toLowerCase()) && (/\s(?:of|at|for|in)\s/.test(trimmed) || !/\s[A-Z][a-z]+\s+[A-Z][a-z]+$/.test(trimmed));
}

function isDocument(np: string): boolean {
  const words = np.toLowerCase().split(/\s+/);
  return words.some((w) => DOCUMENT_NOUNS.has(w.replace(/[^a-z]/g, '')));
}

/** "according to an October 25 policy brief issued by the European Council on Foreign Relations" */
function resolveAccording(np: string, state: DocumentState): string | null {
  let text = np.trim();
  // Each pattern below is run only where the text holds what it needs (its literal words fold
  // to lower case as the `i` flag compares them; the possessive needs an apostrophe).
  const lower = text.toLowerCase();
  const by = lower.includes('by') && /\b(?:issued|published|released|conducted|commissioned|compiled|prepared|produced|written|carried\s+out)\s+by\s+(.+)$/i.exec(
    text,
  );
  if (by) return resolveSource(by[1]!, state, '', 0);
  if (lower.includes('ed')) text = text.replace(/\s+(?:published|released|issued|conducted)\b.*$/i, '');
  // "a study of consulting firm E&Y", "figures from the Kyiv School of Economics"
  const of = (lower.includes('of') || lower.includes('from') || lower.includes('by')) && /^(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(\w+)\s+(?:of|from|by)\s+(.+)$/i.exec(text);
  if (of && DOCUMENT_NOUNS.has(of[1]!.toLowerCase()) && /[A-Z]/.test(of[2]!)) {
    return resolveSource(of[2]!, state, '', 0);
  }
  // "according to the IMF's latest report" → the IMF.
  const possessive = (text.includes("'") || text.includes('’')) && /^(?:the\s+)?(.+?)['’]s?\s+(?:[a-z-]+\s+){0,3}([a-z]+)$/.exec(text);
  if (possessive && DOCUMENT_NOUNS.has(possessive[2]!) && /^\p{Lu}/u.test(possessive[1]!)) {
    return resolveSource(possessive[1]!.replace(/['’]$/, ''), state, '', 0);
  }
  // "UN data" → "UN"; "2025 figures" stays as written.
  const modifier = /^(?:the\s+)?((?:[A-Z][\w.&-]*\s+)+)([a-z]+)$/.exec(text);
  if (modifier && DOCUMENT_NOUNS.has(modifier[2]!.toLowerCase()) && modifier[2] !== 'source') {
    return resolveSource(modifier[1]!.trim(), state, '', 0);
  }
  return resolveSource(text, state, '', 0);
}

/**
 * Turn a subject noun phrase into a source name: pronouns and "the same source" resolve through
 * the document state; a title or role before a name is dropped ("Turkish presidential spokesman
 * Fahrettin Altun" → "Fahrettin Altun"); a phrase headed by a common noun stays as written
 * ("experts", "U.S. officials", "the Trump administration’s 2018 … strategy"). What `sentence`
 * says before `contextEnd` is where a pronoun looks back.
 */
export function resolveSource(np: string, state: DocumentState, sentence: string, contextEnd: number): string | null {
  // Each replacement is skipped where the text lacks a character its pattern needs: the same
  // text, without running a pattern that cannot match.
  let text = (np.includes('(') ? np.replace(PARENTHESISED, '') : np).trim();
  if (text.length > 0 && (EDGE_OPENERS.includes(text[0]!) || EDGE_CLOSERS.includes(text[text.length - 1]!))) text = text.replace(EDGE_MARKS, '');
  if (text.endsWith('.')) text = text.replace(/(?<!\b\p{Lu})\.+$/u, '');
  text = text.replace(LEADING_NOISE, '');
  // Footnote numbers, "(IW)", "(2025)", a leading date and a trailing "in Cologne" are not the name.
  if (isDigit(text.charCodeAt(text.length - 1))) text = text.replace(/\s+\d{1,3}$/, '');
  if (text.includes('(')) text = text.replace(PARENTHESISED, '');
  // Both date patterns need a digit; so does the percentage test below (replacements only remove digits).
  const digits = hasDigit(text);
  if (digits) {
    text = text
      .replace(/^(?:(?:the|a|an)\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:\d{1,2}\s+)?(?:1[89]|20)\d\d\s+/i, '')
      .replace(/^(?:(?:the|a|an)\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\s+/i, '');
  }
  // Both "in" patterns need "in" as the second or third word from the end.
  if (inNearEnd(text)) text = stripTrailingPlace(text);
  text = text.trim();
  if (/^[\d%$€£]/.test(text) || (digits && /\d\s*(?:%|percent\b|per\s?cent\b)/i.test(text))) return null;
  // "according to figures": a bare document word names no one.
  if (/^(?:the\s+)?[a-z]+$/.test(text) && DOCUMENT_NOUNS.has(text.replace(/^the\s+/, '')) && !state.lastSource) return null;
  if (/^[a-z]+$/.test(text) && DOCUMENT_NOUNS.has(text)) return null;
  // "FP’s Catherine Osborn": the possessor is where the person works.
  if (text.includes("'") || text.includes('’')) text = text.replace(/^[\p{L}.&]+['’]s\s+(?=\p{Lu}[\p{Ll}])/u, '');
  if (!text || text.includes('·')) return null;
  if (PRONOUNS.test(text)) {
    // What the sentence says before the cue (sliced only here: pronouns are few).
    const context = sentence.slice(0, contextEnd);
    const lower = text.toLowerCase();
    if (/^(?:he|she|him|her)$/.test(lower)) {
      const before = state.sentencePeople.filter((p) => p.start < context.length).at(-1);
      return before?.name ?? state.lastPerson;
    }
    if (lower === 'it') {
      // "Global miner Nordvale lost 10% …, it said": the sentence's own subject.
      const subject = /^(?:[A-Z][a-z]+\s+(?=[a-z]))?(?:[a-z][\w-]*\s+){0,3}([A-Z][\w&.-]*[A-Za-z](?:\s+[A-Z][\w&.-]*[A-Za-z])*)/.exec(
        context,
      );
      if (subject && context.length > 30 && !/^(?:The|A|An|It|This|That|In|On|At|For|But|And)$/.test(subject[1]!)) {
        // "The International Monetary Fund …, which it forecasts": the name without its article.
        const name = subject[1]!.replace(/^(?:The|A|An)\s+(?=\p{Lu})/u, '');
        return state.acronyms.get(name) ?? name;
      }
      return state.lastOrganization ?? state.lastSource;
    }
    if (lower === 'they' || lower === 'them') {
      const plural = /\b(?:When|As|After|Before|While|Since|If|Although|Once)\s+((?:[A-Z][\w.-]*\s+)*[a-z]+s)\b/.exec(
        context,
      );
      return plural ? plural[1]! : state.lastPluralSource;
    }
    return null;
  }
  if (/^(?:some|others|many|most|few|several|all|both|none|one|someone|somebody|observers)$/i.test(text)) return null;
  if (
    /\b(?:same|aforementioned)\s+(?:source|institution|report|study|organi[sz]ation|agency|survey|official|document)\b/i.test(
      text,
    ) ||
    /^(?:the|this|that)\s+(?:study|report|survey|strategy|source|document|institution|poll|analysis|paper|agency|organi[sz]ation)$/i.test(
      text,
    )
  ) {
    // "The report warns" after a quoted person names a new document, not that person.
    const previous = state.lastSource;
    const wasPerson = previous !== null && state.people.get(previous) === previous && !/same/i.test(text);
    return (wasPerson ? null : previous) ?? text.replace(DETERMINERS, '');
  }
  text = text.replace(DETERMINERS, '').replace(DETERMINERS, '');
  if (!text) return null;
  // The last word, as `text.split(/\s+/).at(-1)` has it: what follows the last white space.
  let lastStart = text.length;
  while (lastStart > 0 && !isSpace(text.charCodeAt(lastStart - 1))) lastStart--;
  const last = text.slice(lastStart);
  if (/^[A-Z]/.test(last) && !/['’]s$/.test(last)) {
    const run = TRAILING_NAME_RUN.exec(text);
    if (run) {
      const name = run[1]!;
      const head = text.slice(0, text.length - name.length).trim();
      // A role word before the name ("spokesman", "president") means the run is the person.
      // "Captain Erik Lund of the Norwegian Coastal Administration": the person, not the body.
      const of = OF_AT_FROM.test(name) && /^((?:\p{Lu}[\p{L}.'’-]*\s+){1,4}?\p{Lu}[\p{L}'’-]+)\s+(?:of|at|from)\s+(?:the\s+)?(.+)$/u.exec(name);
      if (of && !of[1]!.split(/\s+/).some((w) => ORGANIZATION_HEADS.has(w)) && of[2]!.split(/\s+/).some((w) => ORGANIZATION_HEADS.has(w))) {
        const person = stripTitles(of[1]!);
        if (person !== of[1] || person.split(/\s+/).length >= 2) return canonicalPerson(person, state);
      }
      const nameWithoutTitles = stripTitles(name);
      if (!head || /(?:^|\s)[a-z][\w-]*$/.test(head) || /^[A-Z][\w.-]*$/.test(head)) {
        return canonicalPerson(nameWithoutTitles || name, state);
      }
      return canonicalPerson(nameWithoutTitles || name, state);
    }
  }
  return text;
}


/** "President Trump" → "Trump"; "Prime Minister Yulia Svyrydenko" → "Yulia Svyrydenko". */
export function stripTitles(name: string): string {
  // One word is kept whatever it is: the last word is never dropped.
  if (!hasSpace(name)) return name;
  const words = name.split(/\s+/);
  // Organisations keep their words: "European Council on Foreign Relations" has no title in it.
  if (words.some((w) => ORGANIZATION_HEADS.has(w) || NAME_CONNECTORS.has(w))) return name;
  // Everything up to the last title word goes: "Peruvian President José Jerí" → "José Jerí".
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) if (STANDALONE_TITLES.has(words[i]!.toLowerCase())) last = i;
  return words.slice(last + 1).join(' ');
}

/** Whether `text` holds white space (`\s`). */
function hasSpace(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (isSpace(text.charCodeAt(k))) return true;
  return false;
}

/** The fullest form of a person's name seen so far ("Svyrydenko" → "Yulia Svyrydenko"). */
export function canonicalPerson(name: string, state: DocumentState): string {
  const acronym = state.acronyms.get(name);
  if (acronym) return acronym;
  const known = gazetteer().get(name);
  if (known?.kind === 'organization') return known.name;
  return state.people.get(name) ?? name;
}
