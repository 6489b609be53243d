/**
 * Entities: places (countries, regions, cities, demonyms), organisations (well-known ones,
 * acronyms defined in the document, names ending in "Institute", "Forces", "Council"…) and people
 * (names after a title or role, before a speech verb, or seen before). See README.md, "Entities".
 */
import type { EntityKind } from '@briefs/ast';
import { gazetteer, gazetteerFirstWords } from './gazetteer.js';
import { ORGANIZATION_HEADS, PERSON_TITLES, SPEECH_VERBS } from './lexicon.js';
import { isSpace, type Lexed, lex } from './lex.js';
import { allMatches, alternation, type DocumentState, type EntitySpan } from './state.js';

const TOKEN = String.raw`(?:[\p{Lu}][\p{L}\p{M}'’&.-]*[\p{L}\p{M}.+]|[\p{Lu}](?:\.[\p{Lu}])*\.?|(?:al|el|bin|ibn)-[\p{Lu}][\p{L}'’-]*)`;
/** Lower-case words inside a name: "Council on Foreign Relations", "Ursula von der Leyen". */
const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'to', 'de', 'du', 'des', 'da', 'van', 'von', 'der', 'bin', 'al', 'la', 'le', 'in']);
const CONNECTOR = `(?:${[...CONNECTORS].join('|')})`;
/** A run of capitalised words, with lower-case connectors inside ("Council on Foreign Relations"). */
const RUN_RE = new RegExp(String.raw`${TOKEN}(?:\s+(?:${CONNECTOR}\s+)*${TOKEN})*`, 'uy');
/**
 * Where a run may start: a capital (or an al-/bin- particle) not inside a word, as
 * `/(?<![A-Za-z\u00C0-\u024F])(?:[A-Z\u00C0-\u00DE\u0100-\u024F]|al-|el-|bin-|ibn-)/g` finds it, read
 * code unit by code unit: the index of the next start at or after `from`, or -1; `runStartLength`
 * is the length of what starts there (1, or the particle's).
 */
let runStartLength = 0;
/**
 * What may start a run, by code unit below U+0250: 1 a capital, 2 "a"/"e" (al-, el-), 3 "b"
 * (bin-), 4 "i" (ibn-); 0 nothing. One load per character: most characters start nothing.
 */
const RUN_START = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) || c >= 0x100) RUN_START[c] = 1;
}
RUN_START[97] = 2;
RUN_START[101] = 2;
RUN_START[98] = 3;
RUN_START[105] = 4;
function nextRunStart(text: string, from: number): number {
  for (let i = from, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 0x250 ? RUN_START[c]! : 0;
    if (kind === 0) continue;
    let length = 1;
    // "al-", "el-"; "bin-", "ibn-": compared code by code, most a/e/b/i start no particle.
    if (kind === 2) length = text.charCodeAt(i + 1) === 108 && text.charCodeAt(i + 2) === 45 ? 3 : 0;
    else if (kind === 3) length = text.charCodeAt(i + 1) === 105 && text.charCodeAt(i + 2) === 110 && text.charCodeAt(i + 3) === 45 ? 4 : 0;
    else if (kind === 4) length = text.charCodeAt(i + 1) === 98 && text.charCodeAt(i + 2) === 110 && text.charCodeAt(i + 3) === 45 ? 4 : 0;
    if (length === 0) continue;
    if (i > 0) {
      const p = text.charCodeAt(i - 1);
      if ((p >= 65 && p <= 90) || (p >= 97 && p <= 122) || (p >= 0xc0 && p <= 0x24f)) continue;
    }
    runStartLength = length;
    return i;
  }
  return -1;
}

// "Energy Minister": only the last word is a title by itself ("Energy Security" is not one).
const CAPITAL_TITLES = new Set(PERSON_TITLES.filter((t) => /^[A-Z]/.test(t)).map((t) => t.split(' ').at(-1)!));
const LOWER_TITLES = new Set(PERSON_TITLES.filter((t) => /^[a-z]+$/.test(t)));
const SPEECH_WORDS = new Set(SPEECH_VERBS.map((v) => v.split(' ')[0]!));
const APPOSITIVE_AFTER = new RegExp(
  `^,\\s+(?:a|an|the)?\\s*(?:[\\w-]+\\s+){0,3}(?:${alternation(PERSON_TITLES.filter((t) => /^[a-z]/.test(t)))}|CEO|fellow|professor)\\b`,
);

/** `^\s+\(([A-Z][A-Z&]{1,7})\)` read where a run ends, without slicing the rest of the sentence. */
const ACRONYM_AFTER = /\s+\(([A-Z][A-Z&]{1,7})\)/y;
/** `^,?\s+(?:(?:has|had|also)\s+)?([a-z]+)` read where a name ends: the word after it. */
const WORD_AFTER = /,?\s+(?:(?:has|had|also)\s+)?([a-z]+)/y;

/** Capitalised words that open a sentence or a byline, never a name. */
const LEADING_WORDS = new Set(
  'The A An This That These Those By From With For In On At As And But Or If When While After Before Since Despite Under Over Among Between Through During Without Within Against Toward Towards Via Per Of To Unlike Like Only Even Also Meanwhile However Still Yet So Then Now Here There Thus Indeed Instead Although Though Because Whether Most Many Some All Both Each Every Several Few Other Another Such Its Their His Her Our My Your We They He She It I You Image Photo Read Watch Listen Share Subscribe Follow According'.split(
    ' ',
  ),
);
/** Connectors a leading sentence word may bring along. */
const LEADING_CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'to', 'in']);
const CALENDAR_WORDS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan\.?|Feb\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|Aug\.?|Apr\.?)$/;

interface Hit {
  start: number;
  end: number;
  name: string;
  kind: EntityKind;
}

export function findEntities(text: string, state: DocumentState, lexed: Lexed = lex(text)): EntitySpan[] {
  const places = gazetteer();
  const hits: Hit[] = [];
  const firstWordAt = lexed.firstWordAt;
  for (let at = nextRunStart(text, 0); at >= 0; ) {
    RUN_RE.lastIndex = at;
    const m = RUN_RE.exec(text);
    if (!m) {
      at = nextRunStart(text, at + runStartLength);
      continue;
    }
    let start = at;
    at = nextRunStart(text, at + m[0].length);
    let run = m[0];
    // Trim connectors and possessives at the edges; "University’s Japan Campus" splits at ’s.
    if (run.endsWith('.') && !/\b(?:[A-Z]\.){2,}$/.test(run) && !/\b(?:St|Jr|Dr|Inc)\.$/.test(run)) run = run.slice(0, -1);
    if (isOnePiece(run)) {
      // Most runs: what the two splits below would hand on whole, read without their arrays.
      if (run.trim().length > 0) analyzeRun(text, start, run, state, places, hits, firstWordAt, false);
      start += run.length;
      continue;
    }
    for (const piece of splitPossessive(run)) {
      for (const part of splitBeforeKnown(piece.text, state, places)) {
        const afterPossessive = piece.offset > 0 && part.offset === 0;
        analyzeRun(text, start + piece.offset + part.offset, part.text, state, places, hits, firstWordAt, afterPossessive);
      }
    }
    start += run.length;
  }
  // Acronyms defined here: "Syrian Democratic Forces (SDF)".
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: EntitySpan[] = [];
  let lastEnd = -1;
  for (const hit of hits) {
    if (hit.start < lastEnd) continue;
    out.push({ type: 'entity', text: text.slice(hit.start, hit.end), name: hit.name, kind: hit.kind, range: [hit.start, hit.end] });
    lastEnd = hit.end;
  }
  return out;
}

/** "and" or "in" between white space: what every match of the splitting pattern below holds. */
const AND_IN = /\s(?:and|in)\s/;

/**
 * Whether `splitPossessive` and `splitBeforeKnown` leave a run whole: no apostrophe (every
 * possessive holds one) and no "and"/"in" between white space (every split point does).
 */
function isOnePiece(run: string): boolean {
  return !run.includes("'") && !run.includes('’') && !AND_IN.test(run);
}

/**
 * "the Regional Government and Baghdad", "the Economic Forum in Geneva": a run joined by
 * "and"/"in" to a known place or organisation is two names.
 */
function splitBeforeKnown(
  run: string,
  state: DocumentState,
  places: ReturnType<typeof gazetteer>,
): Array<{ text: string; offset: number }> {
  // Most runs hold neither word between white space ("Ukraine", "China" hold "in" inside a word):
  // every match does, so without one the pattern is skipped.
  if (!AND_IN.test(run)) return run.trim().length > 0 ? [{ text: run, offset: 0 }] : [];
  const out: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  const known = (w: string) => places.has(w) || state.acronyms.has(w);
  for (const m of allMatches(/\s+(?:and|in)\s+(?=(?:the\s+)?(\S+(?:\s+\S+)?))/g, run)) {
    const next = m[1]!.split(/\s+/);
    const previous = /(\S+)$/.exec(run.slice(0, m.index))?.[1] ?? '';
    // "Bosnia and Herzegovina", "Trinidad and Tobago" are one name.
    if (known(`${previous}${m[0].replace(/\s+/g, ' ')}`.trim()) || known(`${previous} and ${next[0]}`)) continue;
    const nextKnown = known(next[0]!) || (next.length > 1 && known(next.join(' ')));
    if (!nextKnown && !(known(previous) && m[0].trim().startsWith('and'))) continue;
    out.push({ text: run.slice(offset, m.index), offset });
    offset = m.index + m[0].length;
  }
  out.push({ text: run.slice(offset), offset });
  return out.filter((p) => p.text.trim().length > 0);
}

function splitPossessive(run: string): Array<{ text: string; offset: number }> {
  // Most runs hold no apostrophe: skip the pattern.
  if (!run.includes("'") && !run.includes('’')) return run.trim().length > 0 ? [{ text: run, offset: 0 }] : [];
  const out: Array<{ text: string; offset: number }> = [];
  const re = /['’]s\b/g;
  let offset = 0;
  for (const m of allMatches(re, run)) {
    out.push({ text: run.slice(offset, m.index), offset });
    offset = m.index + m[0].length;
    while (run[offset] === ' ') offset++;
  }
  if (offset < run.length) out.push({ text: run.slice(offset), offset });
  return out.filter((p) => p.text.trim().length > 0);
}

function analyzeRun(
  text: string,
  runStart: number,
  run: string,
  state: DocumentState,
  places: ReturnType<typeof gazetteer>,
  hits: Hit[],
  firstWordAt: number,
  afterPossessive = false,
): void {
  // A trailing connector ends in a lower-case letter: other runs skip the pattern.
  const last = run.charCodeAt(run.length - 1);
  const trimmed = last >= 97 && last <= 122 ? run.replace(/\s+(?:of|for|on|and|the|to|in)$/, '') : run;
  const runEnd = runStart + trimmed.length;

  // Leading sentence words ("According to the …") are not part of a name. Words as `/\S+/g`
  // reads them, scanned by hand: most runs stop at their first word.
  let lead = 0;
  for (let k = 0, n = trimmed.length; k < n; ) {
    while (k < n && isSpace(trimmed.charCodeAt(k))) k++;
    if (k >= n) break;
    const from = k;
    while (k < n && !isSpace(trimmed.charCodeAt(k))) k++;
    const w = trimmed.slice(from, k);
    if (!LEADING_WORDS.has(w) && !LEADING_CONNECTORS.has(w)) break;
    lead = k + 1;
  }
  if (lead >= trimmed.length) return;
  if (lead > 0) {
    analyzeRun(text, runStart + lead, trimmed.slice(lead), state, places, hits, firstWordAt, afterPossessive);
    return;
  }
  // An acronym defined right after: "Syrian Democratic Forces (SDF)".
  ACRONYM_AFTER.lastIndex = runEnd;
  const acronym = ACRONYM_AFTER.exec(text);
  if (acronym && trimmed.includes(' ') && !places.has(trimmed)) {
    const name = trimmed.replace(/^the\s+/i, '');
    state.acronyms.set(acronym[1]!, name);
    hits.push({ start: runStart, end: runEnd, name, kind: 'organization' });
    hits.push({
      start: runEnd + acronym[0].indexOf(acronym[1]!),
      end: runEnd + acronym[0].indexOf(acronym[1]!) + acronym[1]!.length,
      name,
      kind: 'organization',
    });
    state.lastOrganization = name;
    return;
  }
  const tokens = tokenize(trimmed);
  if (tokens.length > 0 && LEADING_WORDS.has(tokens[0]!.word)) tokens.shift();
  if (tokens.length === 0) return;
  // Whole-run organisations: a head word such as "Institute" or "Forces" after the first word.
  const orgHead = tokens.findIndex(
    (t, i) => ORGANIZATION_HEADS.has(t.word) && (i > 0 || /^\S+\s+(?:of|for|on)\s/.test(trimmed)),
  );
  if (orgHead >= 0 && !places.has(trimmed)) {
    let first = 0;
    // "Russian President …" never reaches here; "U.S. Defense Department" keeps its country.
    while (first < orgHead && CAPITAL_TITLES.has(tokens[first]!.word)) first++;
    const startAt = tokens[first]!.start;
    // After its head word a name goes on only through a connector ("Council on Foreign Relations");
    // "Youth Coalition Wins Again" is a headline, cut at the head.
    let endAt = trimmed.length;
    const head = tokens[orgHead]!;
    const next = tokens[orgHead + 1];
    if (next && !/\s(?:of|for|on|to|the|and|de|du|des)\s/.test(trimmed.slice(head.end, next.start + 1))) endAt = head.end;
    const name = trimmed.slice(startAt, endAt).replace(/^the\s+/i, '');
    if (name.split(/\s+/).length >= 2) {
      hits.push({ start: runStart + startAt, end: runStart + endAt, name, kind: 'organization' });
      state.lastOrganization = name;
      return;
    }
  }
  // Segment: gazetteer phrases (longest first), titles, then the rest as a possible name.
  let i = 0;
  const unknown: Array<{ from: number; to: number }> = [];
  let pendingTitle = false;
  const placeFirstWords = gazetteerFirstWords();
  while (i < tokens.length) {
    let matched = false;
    // A phrase of several words can only be a key whose first word is this one (acronyms are
    // single words): other words are looked up alone.
    const word = tokens[i]!.word;
    const longest = placeFirstWords.has(word) || state.personFirstWords.has(word) ? Math.min(tokens.length, i + 6) : i + 1;
    for (let j = longest; j > i; j--) {
      const phrase = trimmed.slice(tokens[i]!.start, tokens[j - 1]!.end);
      const known = state.acronyms.get(phrase);
      const entry = known ? { name: known, kind: 'organization' as const, weak: null } : places.get(phrase);
      const person = state.people.get(phrase);
      if (person && !entry) {
        hits.push({ start: runStart + tokens[i]!.start, end: runStart + tokens[j - 1]!.end, name: person, kind: 'person' });
        i = j;
        matched = true;
        break;
      }
      if (!entry) continue;
      const isolated = tokens.length === j - i;
      const nextIsUnknown = j < tokens.length && !CAPITAL_TITLES.has(tokens[j]!.word) && !places.has(tokens[j]!.word);
      const prevIsUnknown = i > 0 && !CAPITAL_TITLES.has(tokens[i - 1]!.word) && !places.has(tokens[i - 1]!.word);
      // "Tom Kingston", "Michael Jordan": a place name inside a longer unknown name is not a place.
      if (!isolated && entry.weak !== 'demonym' && (prevIsUnknown || (nextIsUnknown && entry.weak === 'city'))) continue;
      if (entry.weak === 'demonym' && prevIsUnknown) continue;
      hits.push({ start: runStart + tokens[i]!.start, end: runStart + tokens[j - 1]!.end, name: entry.name, kind: entry.kind });
      if (entry.kind === 'organization') state.lastOrganization = entry.name;
      i = j;
      matched = true;
      break;
    }
    if (matched) {
      pendingTitle = false;
      continue;
    }
    if (CAPITAL_TITLES.has(tokens[i]!.word)) {
      pendingTitle = true;
      i++;
      continue;
    }
    let j = i;
    // A name runs on over capitals ("Tom Kingston") but stops at titles, countries and known names.
    const stops = (word: string) =>
      CAPITAL_TITLES.has(word) ||
      state.acronyms.has(word) ||
      (places.has(word) && places.get(word)!.weak !== 'city');
    while (j < tokens.length && (j === i || !stops(tokens[j]!.word))) j++;
    if (j === i) j = i + 1; // a gazetteer word refused above: step over it
    unknown.push({ from: i, to: j });
    const from = tokens[i]!.start;
    const to = tokens[j - 1]!.end;
    const name = trimmed.slice(from, to);
    const absoluteStart = runStart + from;
    const absoluteEnd = runStart + to;
    const wordCount = j - i;
    const firstWordOfSentence = absoluteStart <= firstWordAt;
    // Word lookups, not long alternations scanned at every offset: this runs for every name.
    const wordBefore = lowerWordBeforeSpace(text, Math.max(0, absoluteStart - 40), absoluteStart);
    const titled = pendingTitle || (wordBefore !== undefined && LOWER_TITLES.has(wordBefore));
    WORD_AFTER.lastIndex = absoluteEnd;
    const wordAfter = WORD_AFTER.exec(text)?.[1];
    const speechCued = wordAfter !== undefined && SPEECH_WORDS.has(wordAfter);
    // One unknown word is a person only after a title, or before a speech verb mid-sentence.
    const single = wordCount === 1 && !titled && (!speechCued || afterPossessive || firstWordOfSentence);
    // A refused single word needs none of the tests below (most unknown words end here).
    if (!single && isPersonRun(text, tokens, i, j, name, absoluteEnd, titled, speechCued, firstWordOfSentence, places)) {
      const full = state.people.get(name) ?? name;
      rememberPerson(full, state);
      hits.push({ start: absoluteStart, end: absoluteEnd, name: full, kind: 'person' });
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
  tokens: ReadonlyArray<{ word: string }>,
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
  for (let k = i; k < j && !calendar; k++) calendar = CALENDAR_WORDS.test(tokens[k]!.word);
  const refused = calendar || (wordCount === 1 && places.has(name));
  return !refused && looksLikeName && (titled || (cued && (wordCount >= 2 || !firstWordOfSentence)));
}

/**
 * `/([a-z]+)\s+$/.exec(text.slice(from, to))?.[1]`: the a–z word right before the white space that
 * ends `text`'s span [from, to), read in place.
 */
function lowerWordBeforeSpace(text: string, from: number, to: number): string | undefined {
  let e = to;
  while (e > from && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === to) return undefined;
  let b = e;
  while (b > from) {
    const c = text.charCodeAt(b - 1);
    if (c < 97 || c > 122) break;
    b--;
  }
  return b < e ? text.slice(b, e) : undefined;
}

/** The words of a run as `/\S+/g` finds them, connectors left out. */
function tokenize(run: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  const n = run.length;
  let k = 0;
  while (k < n) {
    while (k < n && isSpace(run.charCodeAt(k))) k++;
    if (k >= n) break;
    const start = k;
    while (k < n && !isSpace(run.charCodeAt(k))) k++;
    const word = run.slice(start, k);
    if (CONNECTORS.has(word)) continue;
    out.push({ word, start, end: k });
  }
  return out;
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
