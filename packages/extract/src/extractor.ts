/**
 * The per-document extractor: one `analyze` call per sentence, in reading order. Each sentence is
 * read in one pass of precompiled patterns (quotes → attribution cues → dates → figures →
 * entities → claim kind); what later sentences need (people, acronyms, the last source, footnote
 * numbering) is kept in the document state.
 */
import { readClaim } from './claims.js';
import { findDates } from './dates.js';
import { findEntities, rememberPerson } from './entities.js';
import { findFigures } from './figures.js';
import { gazetteer } from './gazetteer.js';
import { hasLetterOrDigit, isSpace, lex } from './lex.js';
import { ORGANIZATION_HEADS } from './lexicon.js';
import { findQuotes, isTitleLike, maskQuotes, type RawQuote } from './quotes.js';
import { type Cue, findCues } from './sources.js';
import { createState, type DocumentState, type QuoteSpan, sortStable, spaceStart } from './state.js';
import type { ExtractOptions, Extractor, InlineSpan, SentenceAnalysis, SentenceContext } from './types.js';

export function createExtractor(options: ExtractOptions): Extractor {
  const state = createState(options.published);
  gazetteer(); // build the lookup tables once, before the first sentence
  return { analyze: (text, context) => analyzeSentence(text, context ?? {}, state) };
}

function analyzeSentence(text: string, context: SentenceContext, state: DocumentState): SentenceAnalysis {
  const quotes = findQuotes(text);
  const masked = quotes.length > 0 ? maskQuotes(text, quotes) : text;
  const lexed = lex(text);
  const maskedLexed = quotes.length > 0 ? lex(masked) : lexed;
  // Entities first: pronouns in the cues look back to the people named earlier in the sentence.
  const lastPersonBefore = state.lastPerson;
  const entities = findEntities(text, state, lexed);
  const people: DocumentState['sentencePeople'] = [];
  for (const e of entities) if (e.kind === 'person') people.push({ start: e.range[0], name: e.name });
  state.sentencePeople = people;
  state.lastPerson = lastPersonBefore;
  const cues = findCues(masked, state, maskedLexed);
  const sentenceCue = pickSentenceCue(cues, masked);
  const speaker = context.speaker?.trim() || null;
  if (speaker) rememberPerson(speaker, state);

  // Quotes, dates, figures, entities: ordered by position, equal ranges in this order (a stable sort).
  const inlines: InlineSpan[] = [];
  const quoteSpans = readQuotes(text, quotes, cues, sentenceCue, state);
  // `text.trimEnd().length`: trimEnd drops the white space and line terminators of isSpace.
  const trimmed = spaceStart(text, text.length);
  if (speaker && quoteSpans.length === 0) {
    // A Q&A turn ("Name: answer"): the sentence is the speaker's own words.
    // The bounds of `text.trim()`: trim drops the white space of isSpace.
    let start = 0;
    while (start < text.length && isSpace(text.charCodeAt(start))) start++;
    // Fragments ("SWIFT", "85 percent": link texts cut out of a sentence) are not quotations.
    if (trimmed > start && wordsAtLeast(text, start, trimmed, 3)) inlines.push({ type: 'quote', text: text.slice(start, trimmed), speaker, range: [start, trimmed] });
  }
  for (const q of quoteSpans) inlines.push(q);

  const yearless: Array<{ range: [number, number] }> = [];
  const dates = findDates(text, state, lexed, yearless);
  const figures = findFigures(text, yearless.length > 0 ? [...dates, ...yearless] : dates, state, lexed);

  let source = sentenceCue?.source ?? null;
  // Nothing but quotations: no letter or digit outside them (the mask's "·" is neither), so
  // `lex(masked)` found no first word.
  const wholeQuote = quoteSpans.length > 0 && maskedLexed.firstWordAt === masked.length;
  if (!source && wholeQuote) source = quoteSpans[0]!.speaker;
  if (!source && speaker) source = speaker;
  const claim = wholeQuote || speaker ? readClaim(text, source, lexed) : readClaim(masked, source, maskedLexed);

  remember(source, state);
  // "he" in the next sentence is the last person named in this one.
  if (people.length > 0) state.lastPerson = people[people.length - 1]!.name;
  const lastQuote = quotes.length > 0 ? quotes[quotes.length - 1]! : undefined;
  const endsInQuote =
    lastQuote !== undefined && (lastQuote.close < 0 || !hasLetterOrDigit(masked, lastQuote.close + 1, masked.length));
  // A quotation paragraph that follows a quoted speaker, or a sentence ending in a colon, goes on
  // with the same speaker ("“…,” wrote X. “…”").
  // `/:\s*$/`: trimEnd drops the same white space as \s.
  const endsWithColon = trimmed > 0 && text.charCodeAt(trimmed - 1) === 58;
  state.previousEndedWithQuote = endsInQuote || quoteSpans.some((q) => q.speaker !== null) || (endsWithColon && source !== null);
  if (endsWithColon && source) state.lastQuoteSpeaker = source;
  else if (quoteSpans.length > 0) state.lastQuoteSpeaker = quoteSpans[quoteSpans.length - 1]!.speaker;

  for (const d of dates) inlines.push(d);
  for (const f of figures) inlines.push(f);
  for (const e of entities) inlines.push(e);
  return { kind: claim.kind, source: claim.kind === 'attributed' ? source : null, hedge: claim.hedge, inlines: sortStable(inlines, byPosition) };
}

const byPosition = (a: InlineSpan, b: InlineSpan): number => a.range[0] - b.range[0] || b.range[1] - a.range[1];

/**
 * Whether `text.slice(start, end).split(/\s+/)` has at least `n` pieces, for a span without
 * white space at its ends: one piece more than its runs of white space.
 */
function wordsAtLeast(text: string, start: number, end: number, n: number): boolean {
  let pieces = 1;
  for (let i = start; i < end && pieces < n; i++) {
    if (isSpace(text.charCodeAt(i)) && !isSpace(text.charCodeAt(i - 1))) pieces++;
  }
  return pieces >= n;
}

/** The sentence's source: a cue closing the sentence (", Haddad said.") wins over earlier ones. */
function pickSentenceCue(cues: readonly Cue[], masked: string): Cue | null {
  if (cues.length === 0) return null;
  // The form first: the pattern reads the rest of the sentence.
  const closing = cues.find((c) => c.form === 'verb' && /^[^.!?]{0,40}[.!?”"’]*\s*$/.test(masked.slice(c.end)));
  return closing ?? cues[0]!;
}

function readQuotes(
  text: string,
  quotes: readonly RawQuote[],
  cues: readonly Cue[],
  sentenceCue: Cue | null,
  state: DocumentState,
): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const q of quotes) {
    // The pieces of `text.slice(q.start, q.end).split(/\s+/).filter(Boolean)`: a title has at
    // most six, so the words are only split out for a quotation that short.
    const count = wordCount(text, q.start, q.end, 7);
    if (count <= 6 && isTitleLike(text.slice(q.start, q.end).split(/\s+/).filter(Boolean))) continue;
    const closeAt = q.close < 0 ? text.length : q.close;
    const openAt = Math.max(q.open , 0);
    // The nearest cue right after the quotation, else right before it (the last such one).
    const after = cues.find((c) => c.start >= closeAt && c.start - closeAt <= 4);
    let before: Cue | undefined;
    for (let k = cues.length - 1; k >= 0 && before === undefined; k--) {
      const c = cues[k]!;
      if (c.end <= openAt && openAt - c.end < 120) before = c;
    }
    let speaker = after?.source ?? before?.source ?? null;
    const local = speaker !== null;
    if (!speaker) speaker = sentenceCue?.source ?? null;
    if (!speaker && (q.open <= 1 || q.open < 0) && state.previousEndedWithQuote) speaker = state.lastQuoteSpeaker;
    // Short scare quotes (a "peace dividend") without anyone cited are not quotations.
    if (count <= 3 && !local && !sentenceCue) continue;
    out.push({ type: 'quote', text: text.slice(q.start, q.end), speaker, range: [q.start, q.end] });
  }
  return out;
}

/** How many runs of non-white space `text` holds between `start` and `end`, counted up to `cap`. */
function wordCount(text: string, start: number, end: number, cap: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end && count < cap; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

function remember(source: string | null, state: DocumentState): void {
  if (!source) return;
  state.lastSource = source;
  if (/(?:^|\s)[a-z]+s$/.test(source)) state.lastPluralSource = source;
  const words = source.split(/\s+/);
  const places = gazetteer();
  const capitalised = words.every((w) => /^[\p{Lu}]/u.test(w));
  if (capitalised && !places.has(source) && !words.some((w) => ORGANIZATION_HEADS.has(w)) && !state.acronyms.has(source)) {
    if (words.length >= 2 && words.length <= 4) rememberPerson(source, state);
    else if (state.people.has(source)) state.lastPerson = state.people.get(source)!;
  } else if (capitalised) {
    state.lastOrganization = state.acronyms.get(source) ?? source;
  }
}
