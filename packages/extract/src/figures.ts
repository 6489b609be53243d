/**
 * Figures: every quantity in a sentence with its value, kind, unit, subject, approximation and
 * range. Rules and representations are listed in README.md, "Figures".
 */
import {
  APPROXIMATORS,
  BOUNDS,
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DURATION_UNITS,
  MEASURE_UNITS,
  MONTHS,
  RATE_PERIODS,
  SPEECH_VERBS,
} from './lexicon.js';
import {
  DIGITS_SOURCE,
  FRACTION_DENOMINATORS,
  INHERITED,
  ORDINAL_WORD_SOURCE,
  parseDigits,
  parseOrdinalWord,
  parseSpelledNumber,
  roundPercent,
  SCALE_ABBREVIATIONS,
  SCALES,
  SPELLED_NUMBER_SOURCE,
} from './numbers.js';
import { has, isSpace, type Lexed, lex, mayHave, wordClass, wordStarts } from './lex.js';
import { allMatches, alternation, type DocumentState, type FigureSpan, matchesAt, sortStable, sticky, withBefore } from './state.js';

type Kind = FigureSpan['kind'];

interface Core {
  start: number;
  end: number;
  value: number | null;
  /** True for "thousands of", "dozens of": the text gives no number. */
  vague: boolean;
  spelled: boolean;
}

const DIGITS_RE = new RegExp(DIGITS_SOURCE, 'g');
const SECOND_NUMBER = new RegExp(`^(?:${DIGITS_SOURCE}|${SPELLED_NUMBER_SOURCE})`, 'i');
const SPELLED_RE = new RegExp(`\\b${SPELLED_NUMBER_SOURCE}\\b`, 'gi');
const ORDINAL_WORD_RE = new RegExp(`\\b(${ORDINAL_WORD_SOURCE})\\b(-(?:largest|biggest|smallest|highest|lowest|most|least|best|worst|longest|fastest|richest|poorest|strongest|weakest|deadliest|busiest|oldest|closest))?`, 'gi');
const ORDINAL_DIGIT_RE = /\b(\d{1,3})\s?(st|nd|rd|th)\b/g;
const VAGUE_RE =
  /\b(?:(?:tens|hundreds|thousands|millions|billions|dozens|scores)\s+of\s+)(?:(?:thousands|millions|billions)\s+of\s+)?/gi;
const FRACTION_RE = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|\d)[-\s](halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b/gi;
const IN_RATIO_RE =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?:in|out\s+of)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,4})\b/gi;
const HALF_RE = /\b(half)\b/gi;
/** Sticky twins, tried only where a match can start (`matchesAt`). */
const SPELLED_AT = sticky(SPELLED_RE);
const ORDINAL_WORD_AT = sticky(ORDINAL_WORD_RE);
const IN_RATIO_AT = sticky(IN_RATIO_RE);

const CURRENCY_SYMBOL_BEFORE = new RegExp(`(?:${alternation(Object.keys(CURRENCY_SYMBOLS))})\\s?$`);
const CURRENCY_CODE_BEFORE = new RegExp(`\\b(${CURRENCY_CODES.join('|')})\\s?$`);
/** CURRENCY_CODES as a set: each is three capitals, so `codeStartBefore` reads the one place a code can stand. */
const CODE_SET = new Set(CURRENCY_CODES);
const CODES_OF_THREE = CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code));
const CURRENCY_CODE_AFTER = new RegExp(`^\\s?(${CURRENCY_CODES.join('|')})\\b`);
const CURRENCY_WORD_AFTER = new RegExp(`^\\s+(${alternation(Object.keys(CURRENCY_WORDS))})\\b`, 'i');
const SCALE_AFTER_SPACED = /^(?:\s+|-)(million|billion|trillion|thousand|bn|bln|mln|mn|tn|trn)\b/i;
const SCALE_AFTER_GLUED = /^(bn|bln|mln|mn|tn|trn|k|m|b|K|M|B)\b/;
/** What a length in metres is said to be ("400m tall", "12m deep"). */
const DIMENSION_AFTER = /^\s+(?:tall|high|deep|long|wide|thick|in (?:length|height|depth|diameter))\b/;
/** People and things counted in millions or billions, with one word before them at most ("3.5m displaced people"). */
const COUNTED_AFTER_SCALE =
  /^\s+(?:[a-z-]+\s+)?(?:people|persons|residents|citizens|refugees|migrants|users|voters|households|families|children|jobs|workers|barrels|tonnes|tons|passengers|visitors|tourists|subscribers|customers|doses|vaccines|cases|deaths|homes|houses|vehicles|cars|trees|hectares|acres|shares|copies|downloads|views)\b/;
const PERCENT_AFTER =
  /^(?:\s?%|\s+(?:percentage\s+points?|basis\s+points?|per\s?cent|percent|pct)\b|\s?pp\b)/i;
const MEASURE_AFTER = new RegExp(`^\\s?(${alternation(Object.keys(MEASURE_UNITS))})(?![\\w²³])`, 'i');
const MEASURE_CASED = new Set(['MB', 'GB', 'TB', 'MW', 'GW', 'kW', 'TW', 'TWh', 'GWh', 'MWh', 'kWh', 'km', 'kg', 'bcm']);
/** The keys of MEASURE_UNITS by their lower-cased form, in key order. */
const MEASURE_KEYS = new Map<string, string[]>();
for (const k of Object.keys(MEASURE_UNITS)) {
  const lower = k.toLowerCase();
  const keys = MEASURE_KEYS.get(lower);
  if (keys) keys.push(k);
  else MEASURE_KEYS.set(lower, [k]);
}
const SINGULAR_UNITS: Record<string, string> = {
  kilometer: 'km',
  kilometre: 'km',
  km: 'km',
  mile: 'mi',
  meter: 'm',
  metre: 'm',
  foot: 'ft',
  ton: 't',
  tonne: 't',
  acre: 'acre',
  hectare: 'ha',
  megawatt: 'MW',
  gigawatt: 'GW',
  barrel: 'bbl',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
  decade: 'decade',
  hour: 'hour',
  minute: 'minute',
  century: 'century',
};
const COMPOUND_UNIT_AFTER = new RegExp(
  `^-(${Object.keys(SINGULAR_UNITS).join('|')})(?:-(deep|wide|long|high|old|thick|tall|strong))?(?=[\\s,.;:)]|$)`,
  'i',
);
const COMPOUND_CURRENCY_AFTER = /^-(dollar|euro|pound|ruble|rouble|yuan|yen)\b/i;
/** A spelled number's final scale word ("three million"). */
const SPELLED_SCALE_END = /\s+(thousand|million|billion|trillion)$/i;
/**
 * Before "X to Y", a word of change makes it a change, not a range ("rose from 410 to 1,150",
 * "fell 5 to 3"); elsewhere "eight to ten bcm", "5 to 10 billion dollars" are ranges.
 */
const CHANGE_BEFORE =
  /\b(?:from|rose|risen|rising|rises|fell|fallen|falling|falls|grew|grown|growing|grows|increased|increasing|increases|decreased|decreasing|decreases|dropped|dropping|declined|declining|climbed|jumped|slipped|slid|surged|soared|plunged|raised|raising|cut|cutting|lowered|lowering|went|go|goes|moved|changed|up|down)\s+(?:[$€£]\s?)?$/i;
/**
 * A rate after a quantity: "400 a day", "5% per year", "/month". "A year" followed by a word of
 * time ("700,000 bpd a year earlier", "5% a year ago") tells when, not how often.
 */
const RATE_AFTER =
  /^\s+(?:(?:a|an)\s+(?=(?:day|week|month|year|annum|hour)\b(?!\s+(?:ago|earlier|later|before|after|prior)\b))|(?:per|each|every)\s+)(day|week|month|year|annum|hour)\b|^\s+(annually)\b|^\s?\/\s?(day|year|month)\b/i;
/** "€0.3 per megawatt-hour", "$85 a barrel": a price per unit of something. */
const PER_UNIT_AFTER =
  /^\s+(?:per|a)\s+(megawatt-hours?|MWh|kilowatt-hours?|kWh|barrel|tonne|ton|kilogram|kg|litre|liter|gallon|capita|person|head|share)\b/i;
const PER_UNIT_SYMBOLS: Record<string, string> = {
  'megawatt-hour': 'MWh',
  'megawatt-hours': 'MWh',
  mwh: 'MWh',
  'kilowatt-hour': 'kWh',
  'kilowatt-hours': 'kWh',
  kwh: 'kWh',
  barrel: 'bbl',
  tonne: 't',
  ton: 't',
  kilogram: 'kg',
  kg: 'kg',
  litre: 'L',
  liter: 'L',
  gallon: 'gal',
  capita: 'capita',
  person: 'person',
  head: 'person',
  share: 'share',
};
const APPROX_BEFORE = new RegExp(`(?:^|[\\s(])(${alternation(APPROXIMATORS)})\\s+$`, 'i');
const BOUND_BEFORE = new RegExp(`(?:^|[\\s(])(${alternation(BOUNDS)})\\s+$`, 'i');
/** The last code units of the currency symbols (CURRENCY_SYMBOL_BEFORE). */
const SYMBOL_ENDS = new Set(Object.keys(CURRENCY_SYMBOLS).map((k) => k.charCodeAt(k.length - 1)));

/** The code unit ending `window` once one white space (`\s?`) is left off its end; -1 for none. */
function lastBeforeSpace(window: string): number {
  let k = window.length - 1;
  if (k >= 0 && isSpace(window.charCodeAt(k))) k--;
  return k >= 0 ? window.charCodeAt(k) : -1;
}

/** `\w` of a code unit. */
const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * `CURRENCY_CODE_BEFORE.exec(window)?.index ?? -1` without scanning the window: the pattern ends in
 * `\s?$`, so its three capitals end where `lastBeforeSpace` looked, after no word character (`\b`).
 */
function codeStartBefore(window: string): number {
  if (!CODES_OF_THREE) return CURRENCY_CODE_BEFORE.exec(window)?.index ?? -1;
  let k = window.length - 1;
  if (k >= 0 && isSpace(window.charCodeAt(k))) k--;
  const at = k - 2;
  if (at < 0 || !CODE_SET.has(window.slice(at, k + 1))) return -1;
  return at === 0 || !isWordCode(window.charCodeAt(at - 1)) ? at : -1;
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const NOUN_LIKE_VERBS = new Set(
  'states reports claims claim notes estimates estimate shows finds demands forecasts forecast worry worries found'.split(' '),
);
/** Plurals without an -s: the head of a counted phrase ("2.2 million people face famine"). */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'cattle']);

const SUBJECT_STOP = new Set(
  (
    'the a an of in on at to for from by with and or but as than that which who whom whose this these those is are ' +
    'was were be been being has have had will would can could may might should must do does did not no its their his her ' +
    'our my your it they he she we per each every over under more less since until into onto about around between among ' +
    'after before during while when where also only just still already alone so such both all some up out down percent ' +
    'if because though although than via across against along within without through toward towards like unlike amid ' +
    'there here then now today yesterday this last next'
  )
    .split(' ')
    // Speech verbs end a counted phrase ("eight companies said"); those that are also plural
    // nouns ("member states", "reports") do not.
    .concat(SPEECH_VERBS.filter((v) => !NOUN_LIKE_VERBS.has(v))),
);

const MONTH_AFTER = /^\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const NAME_OK_BEFORE = new Set([
  'The',
  'Some',
  'About',
  'Around',
  'Nearly',
  'Almost',
  'Over',
  'Only',
  'Just',
  'More',
  'Roughly',
  'Approximately',
  'Up',
  'At',
  'In',
  'Of',
  'By',
  'And',
  'With',
  'From',
  'To',
  'For',
  'All',
  'Another',
  'Those',
  'These',
  'Its',
  'Their',
  'Since',
  'Until',
  'Between',
  'Another',
  'Nearly',
  'Less',
  'Fewer',
  'Than',
  'Some',
  'Estimated',
  'Just',
  'Under',
  'Below',
  'Above',
  'Exactly',
  'Only',
  'Still',
]);

/** Nouns that number things ("Figure 1", "Article 5", "Phase 2"), wherever they stand. */
const NUMBERED_NOUN_BEFORE =
  /\b(?:Figure|Fig\.|Table|Chart|Graph|Map|Box|Exhibit|Appendix|Annex|Article|Art\.|Resolution|Section|Chapter|Clause|Paragraph|Item|Phase|Stage|Step|Version|Level|Page|Vol\.|Volume|Part|Episode|Season|Flight|Route|Highway|Room|Gate|Terminal|Channel|Grade|Type|Model|Mark|Block|Unit|Round|Group|Category|Protocol|Amendment|Rule|Title)\s+$/;

const SPELLED_WORDS = wordClass(
  [
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' '),
  ...'twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen'.split(' '),
  ],
  true,
);
const FRACTION_WORDS = wordClass(Object.keys(FRACTION_DENOMINATORS));
const VAGUE_WORDS = wordClass(['tens', 'hundreds', 'thousands', 'millions', 'billions', 'dozens', 'scores']);
const HALF = wordClass(['half']);
/** "one in five", "two out of three". */
const IN_OUT = wordClass(['in', 'out']);
const ORDINAL_WORDS = wordClass(ORDINAL_WORD_SOURCE.replace(/[()?:]/g, ' ').split(/[\s|-]+/).filter((w) => /^[a-z]+$/.test(w)), true);
/** The number words IN_RATIO_RE can start with. */
const RATIO_WORDS = wordClass(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'], true);
const BETWEEN = wordClass(['between']);
/** The suffixes of ORDINAL_DIGIT_RE: a word of their own in `lex` ("5th": digits end a word). */
const ORDINAL_SUFFIXES = wordClass(['st', 'nd', 'rd', 'th']);

/** How many ASCII digits `s` holds from `at` on, counted up to `max`. */
function digitRun(s: string, at: number, max: number): number {
  let n = 0;
  while (n < max && isDigitCode(s.charCodeAt(at + n))) n++;
  return n;
}

/** `/^\d{1,3},\s/.test(text.slice(start, end + 2))`: one to three digits, a comma and white space. */
function ageLike(text: string, start: number, end: number): boolean {
  const limit = Math.min(end + 2, text.length);
  const n = digitRun(text, start, 4);
  return n >= 1 && n <= 3 && start + n + 1 < limit && text.charCodeAt(start + n) === 44 && isSpace(text.charCodeAt(start + n + 1));
}

const coreOrder = (a: Core, b: Core): number => a.start - b.start;
const figureOrder = (a: FigureSpan, b: FigureSpan): number => a.range[0] - b.range[0];

/** Find the figures of a sentence, leaving out spans already taken by dates. */
export function findFigures(
  text: string,
  dates: ReadonlyArray<{ readonly range: readonly [number, number] }>,
  state: DocumentState,
  lexed: Lexed = lex(text),
): FigureSpan[] {
  const spelled = has(lexed, SPELLED_WORDS);
  const ordinalWords = has(lexed, ORDINAL_WORDS);
  const vague = has(lexed, VAGUE_WORDS);
  if (!lexed.digits && !spelled && !ordinalWords && !has(lexed, HALF) && !vague) return [];
  const figures: FigureSpan[] = [];
  // [start, end, start, end, …] of the dates and the figures taken so far.
  const taken: number[] = [];
  for (const d of dates) taken.push(d.range[0], d.range[1]);
  const free = (start: number, end: number) => {
    for (let i = 0; i < taken.length; i += 2) if (taken[i]! < end && start < taken[i + 1]!) return false;
    return true;
  };
  const add = (figure: FigureSpan | null) => {
    if (!figure || !free(figure.range[0], figure.range[1])) return;
    figures.push(figure);
    taken.push(figure.range[0], figure.range[1]);
  };
  // Where the patterns below can start, when the word offsets are the text's (else they scan the text).
  const exact = !lexed.exotic;
  const betweenWord = mayHave(lexed, BETWEEN);

  // Fractions and vague quantities first: "two-thirds" must not become "two", "thousands of" not "thousand".
  for (const m of has(lexed, FRACTION_WORDS) ? allMatches(FRACTION_RE, text) : []) add(fraction(text, m));
  // "one in five" starts with digits or a number word before "in"; without digits, at the number word.
  const ratio = has(lexed, IN_OUT) && (lexed.digits || mayHave(lexed, RATIO_WORDS));
  const ratioAt = ratio && exact && !lexed.digits ? wordStarts(lexed, RATIO_WORDS) : null;
  for (const m of ratio ? (ratioAt ? matchesAt(IN_RATIO_AT, text, ratioAt) : allMatches(IN_RATIO_RE, text)) : []) add(inRatio(text, m));
  for (const m of has(lexed, HALF) ? allMatches(HALF_RE, text) : []) add(half(text, m, lexed.firstWordAt));
  for (const m of vague ? allMatches(VAGUE_RE, text) : []) {
    add(build(text, { start: m.index, end: m.index + m[0].trimEnd().length, value: null, vague: true, spelled: true }, betweenWord));
  }

  const cores: Core[] = [];
  const listNumber = /^\s*\d{1,2}[.)]\s/.exec(text);
  for (const m of lexed.digits ? allMatches(DIGITS_RE, text) : []) {
    let start = m.index;
    let raw = m[0];
    if (listNumber && start < listNumber[0].length) continue;
    // "19 205" where 19 is the next footnote marker: the marker, then a number (`/^\d{1,3} \d{3}/`).
    const lead = digitRun(raw, 0, 4);
    if (lead >= 1 && lead <= 3 && raw.charCodeAt(lead) === 32 && digitRun(raw, lead + 1, 3) === 3) {
      const head = raw.slice(0, raw.indexOf(' '));
      if (isFootnote(text, start, start + head.length, Number(head), state, lexed.firstWordAt)) {
        state.footnote = Number(head);
        start += head.length + 1;
        raw = raw.slice(head.length + 1);
      }
    }
    const end = start + raw.length;
    const sign = raw.charCodeAt(0);
    if ((sign === 45 || sign === 43 || sign === 0x2212) && start > 0 && /[\p{L}\d%]/u.test(text[start - 1]!)) continue;
    // "John Smith, 54, said": an age in apposition, not a figure of the story.
    // (The anchored test first: it rarely holds, the other scans the window.)
    if (ageLike(text, start, end) && /\p{Lu}[\p{Ll}]+,\s$/u.test(text.slice(Math.max(0, start - 30), start))) continue;
    if (!digitsStandAlone(text, start, end, lexed.firstWordAt)) continue;
    // Style guides spell out numbers that open a sentence: "3 Industry association data." is a note.
    const allDigits = digitRun(raw, 0, raw.length) === raw.length;
    if (allDigits && raw.length <= 3 && start <= lexed.firstWordAt && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(end)) && !MONTH_AFTER.test(text.slice(end))) {
      const n = Number(raw);
      if (n === state.footnote + 1 || n === state.footnote + 2) state.footnote = n;
      continue;
    }
    if (allDigits && Number(raw) <= 400 && isFootnote(text, start, end, Number(raw), state, lexed.firstWordAt)) {
      state.footnote = Number(raw);
      continue;
    }
    cores.push({ start, end, value: parseDigits(raw), vague: false, spelled: false });
  }
  // A spelled number starts at a number word, or at "a" or "an" before one.
  const spelledAt = spelled && exact ? withBefore(text, wordStarts(lexed, SPELLED_WORDS), [2, 1]) : null;
  for (const m of spelled ? (spelledAt ? matchesAt(SPELLED_AT, text, spelledAt) : allMatches(SPELLED_RE, text)) : []) {
    let words = m[0];
    let value = parseSpelledNumber(words);
    // "one million and two million": the first number alone (the range reading takes the second).
    const and = value === null ? words.search(/\s+and\s/i) : -1;
    if (and > 0) {
      words = words.slice(0, and);
      value = parseSpelledNumber(words);
    }
    if (value === null) continue;
    const start = m.index;
    const end = start + words.length;
    if (!spelledCounts(text, start, end, words, value)) continue;
    cores.push({ start, end, value, vague: false, spelled: true });
  }
  sortStable(cores, coreOrder);
  for (const core of cores) {
    if (!free(core.start, core.end)) continue;
    add(build(text, core, betweenWord));
  }
  const ordinalDigits = lexed.digits && mayHave(lexed, ORDINAL_SUFFIXES);
  for (const m of ordinalDigits ? allMatches(ORDINAL_DIGIT_RE, text) : []) add(ordinal(text, m.index, m.index + m[0].length, Number(m[1])));
  const ordinalAt = ordinalWords && exact ? wordStarts(lexed, ORDINAL_WORDS) : null;
  for (const m of ordinalWords ? (ordinalAt ? matchesAt(ORDINAL_WORD_AT, text, ordinalAt) : allMatches(ORDINAL_WORD_RE, text)) : []) {
    const value = parseOrdinalWord(m[1]!);
    if (value === null || value === 1) continue;
    add(ordinal(text, m.index, m.index + m[0].length, value, Boolean(m[2])));
  }
  sortStable(figures, figureOrder);
  return figures;
}

/** `^\s?(?:a\.m\.|p\.m\.|am|pm|AM|PM)\b`, `^\p{L}`, the glued units and `^\s?(?:st|nd|rd|th)\b` of the text after a number, sticky. */
const CLOCK_AFTER = /\s?(?:a\.m\.|p\.m\.|am|pm|AM|PM)\b/y;
const LETTER_AFTER = /\p{L}/uy;
const UNIT_GLUED_AFTER = /(?:bn|bln|mln|mn|tn|trn|k|m|b|K|M|B|km|kg|GW|MW|kW|TWh|GWh|MWh|kWh|st|nd|rd|th|pp|bpd|bcm|t)\b/y;
const ORDINAL_SUFFIX_AFTER = /\s?(?:st|nd|rd|th)\b/y;
const LETTER = /\p{L}/u;

/** Whether a sticky pattern matches `text` at `at`. */
function stickyTest(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** `/\d/` of a code unit (NaN, past the text's end, is none). */
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** `/\p{L}/u` of the code unit at `i` alone (`text[i]`; none outside the text): ASCII by code, the rest by the pattern. */
function isLetterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]!);
}

/** `[\w’'&.-]` of a code unit: the characters of a name before a number. */
const isNameCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 0x2019 || c === 39 || c === 38 || c === 46 || c === 45;

/** A digit run is a figure only when it is not glued into a word, a name, a time or a code. */
function digitsStandAlone(text: string, start: number, end: number, firstWordAt: number): boolean {
  // The characters around the digits by code, the patterns after them sticky at `end`: no slices.
  const prev = start > 0 ? text.charCodeAt(start - 1) : -1;
  if (isLetterAt(text, start - 1) || isDigitCode(prev) || prev === 95) return false; // G7, MH17
  // T-72, COVID-19, 20036-2103
  if ((prev === 45 || prev === 0x2011 || prev === 47) && (isLetterAt(text, start - 2) || isDigitCode(text.charCodeAt(start - 2)))) return false;
  // "growth.12": a footnote marker
  if ((prev === 46 || prev === 44 || prev === 59 || prev === 58 || prev === 41) && isLetterAt(text, start - 2)) return false;
  if (prev === 58 && isDigitCode(text.charCodeAt(start - 2))) return false; // 11:40
  const next = text.charCodeAt(end);
  if (next === 47 && isDigitCode(text.charCodeAt(end + 1))) return false; // 9/11, 24/7, [1/2]
  if (((next === 58 || next === 46) && isDigitCode(text.charCodeAt(end + 1))) || stickyTest(CLOCK_AFTER, text, end)) {
    return false; // 9:00 am
  }
  if (stickyTest(LETTER_AFTER, text, end) && !stickyTest(UNIT_GLUED_AFTER, text, end)) {
    return false; // 4G, 5th handled as ordinal
  }
  if (stickyTest(ORDINAL_SUFFIX_AFTER, text, end)) return false;
  // The patterns below read the 40 code units before the number (`before`), all ending at its
  // end: the last character before the white space there ([w, j)) decides whether they can match.
  const windowStart = Math.max(0, start - 40);
  let j = start;
  while (j > windowStart && isSpace(text.charCodeAt(j - 1))) j--;
  const last = j > windowStart ? text.charCodeAt(j - 1) : -1;
  // `/(?:\bNo\.?|#|§|\bp\.|\bpp\.)\s*$/`: "No", "No.", "p.", "pp.", "#" or "§" before the white space.
  if ((last === 46 || last === 111 || last === 35 || last === 0xa7) && /(?:\bNo\.?|#|§|\bp\.|\bpp\.)\s*$/.test(text.slice(windowStart, start))) {
    return false;
  }
  // Both patterns below end in \s+$: without white space right before the number neither matches.
  if (j === start || last < 0) return true;
  // "on page 12", "paragraph 3", "footnote 4": a place in a document (the capitalised nouns are below).
  if ((last === 101 || last === 104 || last === 115) && /\b(?:pages?|paragraphs?|footnotes?|endnotes?|note)\s+$/.test(text.slice(windowStart, start))) return false;
  // `([A-Z][\w’'&.-]*)\s+$`: the first capital of the run of those characters before the white space.
  let k = j;
  while (k > windowStart && isNameCode(text.charCodeAt(k - 1))) k--;
  let wordStart = k;
  while (wordStart < j && !(text.charCodeAt(wordStart) >= 65 && text.charCodeAt(wordStart) <= 90)) wordStart++;
  // Every noun of NUMBERED_NOUN_BEFORE is capitalised: none there without a capital in the run.
  if (wordStart === j) return true;
  if (NUMBERED_NOUN_BEFORE.test(text.slice(windowStart, start))) return false;
  // "Resolution 2254", "Framework 2.0", "Figure 1": a number right after a name belongs to it.
  const word = text.slice(wordStart, j);
  // No letter or digit before the word: `!/[\p{L}\d]/u.test(text.slice(0, wordStart))`.
  const firstWord = wordStart <= firstWordAt;
  if (
    !firstWord &&
    !NAME_OK_BEFORE.has(word) &&
    !CODE_SET.has(word) &&
    MONTHS[word.toLowerCase().replace(/\.$/, '')] === undefined &&
    !/^[A-Z]{2,}\$?$/.test(word.replace(/\.$/, '')) // "US 2,000"? keep acronyms like USD handled above
  ) {
    return false;
  }
  return true;
}

/**
 * Footnote markers in flattened text count up through the document ("…in Spain, 1 and …",
 * "… cars. 2 In 2025 …"). A small bare integer is a marker when it is the next one expected and
 * stands where a marker stands: after punctuation, before punctuation, or between words.
 */
function isFootnote(text: string, start: number, end: number, n: number, state: DocumentState, firstWordAt: number): boolean {
  const expected = state.footnote + 1;
  if (n !== expected && n !== expected + 1) return false;
  // Windows, not the whole prefix: patterns anchored at the end would scan it all (long texts).
  const before = start > 40 ? text.slice(start - 40, start) : text.slice(0, start);
  // No letter or digit in `before`, the whole text before the number.
  const atStart = start <= 40 && start <= firstWordAt;
  const after = text.slice(end, end + 40);
  if (/^\s?(?:%|percent|per\s?cent|million|billion|thousand|trillion|bn|km|years?|months?|days?|weeks?)\b/i.test(after)) return false;
  if (/(?:[$€£¥]|\b(?:of|by|to|than|the|at|ranked|No\.?|top|some|about|around|nearly|almost|over|under|only|just|and|or|with|from|between)\s)\s*$/i.test(before)) {
    return false;
  }
  const strongBefore = /[.,;:)\]”"’!?]\s+$/.test(before) || atStart;
  const strongAfter = /^\s+[,.;:]/.test(after) || (end + 40 >= text.length && /^\s*$/.test(after));
  if (n === 1 || state.footnote === 0) {
    return (strongBefore && /^\s+(?:[a-z]+\b(?<!\bin|\bof|\bout)|[,.;:])/.test(after) && !/^\s+(?:in|of|out)\b/.test(after)) || strongAfter;
  }
  return strongBefore || strongAfter || /^\s+\p{L}/u.test(after);
}

/** Spelled numbers: "one" alone is a pronoun or article far more often than a count. */
function spelledCounts(text: string, start: number, end: number, words: string, value: number): boolean {
  const lower = words.toLowerCase();
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 30);
  if (/^-/.test(after) && !COMPOUND_UNIT_AFTER.test(after) && !COMPOUND_CURRENCY_AFTER.test(after)) return false;
  if (/-$/.test(before)) return false;
  if (lower === 'one' || lower === 'a' || lower === 'an') {
    return PERCENT_AFTER.test(after) || MEASURE_AFTER.test(after) || CURRENCY_WORD_AFTER.test(after);
  }
  if (/\bno\s+$/i.test(before) && lower === 'one') return false;
  if (value < 10 && /\b(?:the|these|those|both|its|their|his|her|our)\s+$/i.test(before)) return false;
  return true;
}

interface Tail {
  end: number;
  unit: string | null;
  kind: Kind;
  scale: number;
  subjectAllowed: boolean;
  compoundSubject: string | null;
}

/** The first letters of SCALE_AFTER_GLUED's abbreviations: b, m, t, k, K, M, B. */
const isGluedScaleStart = (c: number): boolean => c === 98 || c === 109 || c === 116 || c === 107 || c === 75 || c === 77 || c === 66;

/** Read what follows a number: scale, currency, percent sign, unit, hyphenated compound. */
function readTail(text: string, end: number, currency: string | null, spelled: boolean): Tail {
  let pos = end;
  let scale = 1;
  let after = text.slice(pos);
  // Each pattern below is anchored: the code unit it starts at rules most of them out (NaN at the end: none).
  let c = text.charCodeAt(pos);
  const spaced = isSpace(c) || c === 45 ? SCALE_AFTER_SPACED.exec(after) : null;
  const glued = spelled || !isGluedScaleStart(c) ? null : SCALE_AFTER_GLUED.exec(after);
  if (spaced) {
    scale = SCALE_ABBREVIATIONS[spaced[1]!.toLowerCase()] ?? 1;
    pos += spaced[0].length;
  } else if (glued) {
    const abbreviation = glued[1]!.toLowerCase();
    // "5m" is five million with money or before people or things counted ("3.5m people"); "400m"
    // before a dimension ("400m tall") is metres; else the "m" is left unread.
    if (!(abbreviation === 'm' || abbreviation === 'b') || currency || COUNTED_AFTER_SCALE.test(after.slice(glued[0].length))) {
      scale = SCALE_ABBREVIATIONS[abbreviation] ?? 1;
      pos += glued[0].length;
    } else if (glued[1] === 'm' && DIMENSION_AFTER.test(after.slice(1))) {
      return { end: pos + 1, unit: 'm', kind: 'measure', scale: 1, subjectAllowed: false, compoundSubject: null };
    }
  }
  after = text.slice(pos);
  c = text.charCodeAt(pos);
  const space = isSpace(c);
  const compoundCurrency = c === 45 ? COMPOUND_CURRENCY_AFTER.exec(after) : null;
  if (compoundCurrency) {
    const code = CURRENCY_WORDS[`${compoundCurrency[1]!.toLowerCase()}s`] ?? 'USD';
    pos += compoundCurrency[0].length;
    return { end: pos, unit: code, kind: 'money', scale, subjectAllowed: false, compoundSubject: nounAfter(text, pos) };
  }
  if (currency) return { end: pos, unit: currency, kind: 'money', scale, subjectAllowed: false, compoundSubject: null };
  const code = space || (c >= 65 && c <= 90) ? CURRENCY_CODE_AFTER.exec(after) : null;
  if (code) {
    pos += code[0].length;
    return { end: pos, unit: code[1] === 'RMB' ? 'CNY' : code[1]!, kind: 'money', scale, subjectAllowed: false, compoundSubject: null };
  }
  const word = space ? CURRENCY_WORD_AFTER.exec(after) : null;
  if (word) {
    const name = word[1]!.toLowerCase();
    const pounds = name.includes('pound') || name === 'sterling';
    if (!pounds || scale > 1 || name !== 'pounds') {
      pos += word[0].length;
      return { end: pos, unit: CURRENCY_WORDS[name]!, kind: 'money', scale, subjectAllowed: false, compoundSubject: null };
    }
  }
  const percent = space || c === 37 || c === 112 || c === 80 ? PERCENT_AFTER.exec(after) : null;
  if (percent) {
    pos += percent[0].length;
    const words = percent[0].toLowerCase();
    const unit = words.includes('percentage') || words.trim() === 'pp' ? 'pp' : words.includes('basis') ? 'bp' : '%';
    return { end: pos, unit, kind: 'percent', scale, subjectAllowed: false, compoundSubject: null };
  }
  const compound = c === 45 ? COMPOUND_UNIT_AFTER.exec(after) : null;
  if (compound) {
    pos += compound[0].length;
    const unit = SINGULAR_UNITS[compound[1]!.toLowerCase()]!;
    return { end: pos, unit, kind: 'measure', scale, subjectAllowed: false, compoundSubject: nounAfter(text, pos) };
  }
  // Every unit of MEASURE_UNITS starts with an ASCII letter or "°".
  const measure = space || isAsciiLetter(c) || c === 0xb0 ? MEASURE_AFTER.exec(after) : null;
  if (measure) {
    const written = measure[1]!;
    const key = MEASURE_KEYS.get(written.toLowerCase())?.find((k) => !MEASURE_CASED.has(k) || k === written);
    if (key && !(key === 'm' && spelled)) {
      pos += measure[0].length;
      return { end: pos, unit: MEASURE_UNITS[key]!, kind: 'measure', scale, subjectAllowed: false, compoundSubject: null };
    }
  }
  return { end: pos, unit: null, kind: 'count', scale, subjectAllowed: true, compoundSubject: null };
}

function nounAfter(text: string, pos: number): string | null {
  if (!isSpace(text.charCodeAt(pos))) return null;
  const m = /^\s+([a-z][\w-]*)/.exec(text.slice(pos));
  return m && !SUBJECT_STOP.has(m[1]!) ? m[1]! : null;
}

function isPluralHead(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word.toLowerCase())) return true;
  if (/^[\p{Lu}\d&.-]+$/u.test(word)) return false; // ISIS, NATO: acronyms, not plurals
  // `/[^su]s$/` or `/ies$/`
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 115) return false;
  const before = word.charCodeAt(n - 2);
  return (before !== 115 && before !== 117) || word.endsWith('ies');
}

/** `MONTHS[word] !== undefined` is `MONTH_KEYS.has(word) || INHERITED.has(word)`, without a keyed load of a run-time string. */
const MONTH_KEYS = new Set(Object.keys(MONTHS));

const LY_NOUNS = new Set(['family', 'ally', 'supply', 'assembly', 'rally', 'reply', 'monopoly', 'anomaly', 'belly']);

/** A word of a counted thing, sticky (one `subjectAfter` at a time uses it). */
const SUBJECT_WORD = /\s+(\([A-Z][\w&]*\)|(?:\p{Lu}\.){2,}|[\p{L}][\p{L}\p{M}'’-]*)/uy;

/** The counted thing right after a count: up to four words, stopping at function words. */
function subjectAfter(text: string, pos: number): { subject: string; end: number } | null {
  const re = SUBJECT_WORD;
  re.lastIndex = pos;
  const words: string[] = [];
  let end = pos;
  for (let i = 0; i < 5; i++) {
    const m = re.exec(text);
    if (!m) break;
    const word = m[1]!;
    const lower = word.toLowerCase();
    if (word.startsWith('(')) {
      if (words.length === 0) break;
      end = re.lastIndex;
      continue;
    }
    if (SUBJECT_STOP.has(lower) || MONTH_KEYS.has(lower) || INHERITED.has(lower) || (lower.endsWith('ly') && !LY_NOUNS.has(lower))) break;
    // "detained fighters": an -ed word before a noun describes it; "people killed and" ends the phrase.
    const ed = lower.endsWith('ed');
    if (ed && words.length > 0 && !/^\s+[\p{L}]/u.test(text.slice(re.lastIndex))) break;
    if (ed && (words.at(-1) ?? '').endsWith('s')) break; // "voters stayed home"
    if (ed && words.length > 0 && SUBJECT_STOP.has((/^\s+([\p{L}]+)/u.exec(text.slice(re.lastIndex))?.[1] ?? '').toLowerCase())) break;
    if (words.length > 0 && /^\p{Lu}/u.test(word) && /^\p{Ll}/u.test(words.at(-1)!)) break;
    end = re.lastIndex;
    // "Germany’s economic output": the possessor is not the thing measured.
    if (word.endsWith("'s") || word.endsWith('’s')) {
      words.length = 0;
      continue;
    }
    words.push(word);
    // A plural noun is the head: "6.5 million Syrians remain …", "people face …" stop there.
    if (isPluralHead(word) && i < 4) {
      end = re.lastIndex;
      break;
    }
  }
  if (words.length === 0) return null;
  return { subject: words.join(' '), end };
}

/** "of these fighters" / "of Ukrainian refugees": the subject of a part-of figure. */
function ofSubject(text: string, pos: number): string | null {
  if (!isSpace(text.charCodeAt(pos))) return null;
  const m = /^\s+of\s+(?:(?:the|these|those|its|their|all|his|her|our|this)\s+)?/i.exec(text.slice(pos));
  if (!m) return null;
  return subjectAfter(text, pos + m[0].length - 1)?.subject ?? null;
}

/** `[-–—]` of a code unit. */
const isDash = (c: number): boolean => c === 45 || c === 0x2013 || c === 0x2014;

/** `betweenWord`: whether the sentence holds the word "between" (else no range "between 200 and 300"). */
function build(text: string, core: Core, betweenWord: boolean): FigureSpan | null {
  let start = core.start;
  const before = text.slice(Math.max(0, start - 30), start);
  let currency: string | null = null;
  // Both patterns end in `\s?$`: the code unit before that decides (a symbol; a capital of a code).
  const last = lastBeforeSpace(before);
  const symbol = SYMBOL_ENDS.has(last) ? CURRENCY_SYMBOL_BEFORE.exec(before) : null;
  if (symbol) {
    currency = CURRENCY_SYMBOLS[symbol[0].trim()] ?? null;
    start -= symbol[0].length;
  } else {
    const codeAt = last >= 65 && last <= 90 ? codeStartBefore(before) : -1;
    if (codeAt >= 0) {
      const code = before.slice(codeAt, codeAt + 3);
      currency = code === 'RMB' ? 'CNY' : code;
      start -= before.length - codeAt;
    }
  }
  const tail = readTail(text, core.end, currency, core.spelled);
  let end = tail.end;
  let value = core.value === null ? null : core.value * tail.scale;
  let valueMax: number | null = null;
  let approximate = core.vague;

  // Ranges: "10–15%", "200-300 troops", "three or four months", "between 200 and 300".
  const rangeAfterUnit = tail.unit !== null && isDash(text.charCodeAt(tail.end)) && /^[-–—]\s?[$€£]?\d/.test(text.slice(tail.end));
  const rangeStart = rangeAfterUnit ? tail.end : core.end;
  const afterRange = text.charCodeAt(rangeStart);
  const range = isSpace(afterRange) || isDash(afterRange) ? /^\s?(?:[-–—]|\s(?:or|to)\s)\s?/.exec(text.slice(rangeStart)) : null;
  const between = betweenWord && /\bbetween\s+(?:[$€£]\s?)?$/i.test(before);
  if (core.value !== null && (range || between)) {
    const joiner = between ? /^(?:\s*[^\s]*?)??\s+and\s+(?:[$€£]\s?)?/.exec(text.slice(tail.end)) : range;
    const joinerEnd = between ? tail.end + (joiner?.[0].length ?? 0) : rangeStart + (range?.[0].length ?? 0);
    if (joiner) {
      const skip = /^[$€£]\s?/.exec(text.slice(joinerEnd))?.[0].length ?? 0;
      const second = SECOND_NUMBER.exec(text.slice(joinerEnd + skip));
      if (second && !/^(?:hundred|thousand|million|billion|trillion|dozen)\b/i.test(second[0])) {
        const secondDigits = /\d/.test(second[0]);
        let secondValue = secondDigits ? parseDigits(second[0]) : parseSpelledNumber(second[0]);
        const secondTail = readTail(text, joinerEnd + skip + second[0].length, currency, !secondDigits);
        // "between two and three million": the scale word read with the second number words is
        // both numbers' scale when the first has none of its own.
        const spelledScale = secondDigits ? null : SPELLED_SCALE_END.exec(second[0]);
        if (spelledScale && !SPELLED_SCALE_END.test(text.slice(core.start, core.end))) {
          const number = parseSpelledNumber(second[0].slice(0, spelledScale.index));
          if (number !== null && number > core.value) {
            secondValue = number;
            secondTail.scale *= SCALES[spelledScale[1]!.toLowerCase()]!;
          }
        }
        const isOr = range ? /\bor\b/.test(range[0]) : false;
        const isTo = range ? /\bto\b/.test(range[0]) : false;
        const sameScale = secondTail.scale !== 1 || tail.scale === 1;
        if (
          secondValue !== null &&
          secondValue > core.value &&
          sameScale &&
          !(isTo && CHANGE_BEFORE.test(before) && !/\b(?:some|about|around|roughly|approximately|estimated)\s+$/i.test(before)) &&
          !(isOr && secondValue - core.value > 10) &&
          (tail.unit === null || secondTail.unit === null || secondTail.unit === tail.unit)
        ) {
          const scale = secondTail.scale !== 1 ? secondTail.scale : tail.scale;
          value = core.value * scale;
          valueMax = secondValue * scale;
          end = secondTail.end;
          if (tail.unit === null && secondTail.unit !== null) {
            Object.assign(tail, { unit: secondTail.unit, kind: secondTail.kind, subjectAllowed: secondTail.subjectAllowed, compoundSubject: secondTail.compoundSubject });
          }
          if (between) start = Math.max(0, before.search(/\bbetween\s+(?:[$€£]\s?)?$/i) + core.start - before.length);
          if (isOr) approximate = true;
        }
      }
    }
  }

  const lead = text.slice(Math.max(0, start - 30), start);
  const approx = APPROX_BEFORE.exec(lead);
  if (approx && !BOUND_BEFORE.test(lead)) {
    approximate = true;
    // "the estimated 11,000 detainees": an adjective, not part of the figure's words.
    if (!/estimated$/i.test(approx[1]!)) start -= approx[0].length - (approx[0].startsWith(' ') || approx[0].startsWith('(') ? 1 : 0);
  }
  if (core.vague) approximate = true;

  let unit = tail.unit;
  let kind = tail.kind;
  let subject: string | null = tail.compoundSubject;
  if (tail.subjectAllowed) {
    const direct = subjectAfter(text, end);
    if (direct) {
      // Durations written as counts ("four years") come out of readTail as measures already.
      subject = direct.subject;
      end = direct.end;
    } else {
      subject = ofSubject(text, end) ?? copulaSubject(text, end);
    }
  } else if (kind === 'percent' || (kind === 'measure' && !DURATION_UNITS.has(unit ?? ''))) {
    subject = subject ?? ofSubject(text, end);
  }
  const perUnit = (kind === 'money' || kind === 'count') && isSpace(text.charCodeAt(end)) ? PER_UNIT_AFTER.exec(text.slice(end)) : null;
  if (perUnit) {
    unit = `${unit ?? ''}/${PER_UNIT_SYMBOLS[perUnit[1]!.toLowerCase()] ?? perUnit[1]!}`;
    end += perUnit[0].length;
  }
  const rate = perUnit || !(isSpace(text.charCodeAt(end)) || text.charCodeAt(end) === 47) ? null : RATE_AFTER.exec(text.slice(end));
  if (rate) {
    const period = RATE_PERIODS[(rate[1] ?? rate[3] ?? 'year').toLowerCase()] ?? 'year';
    unit = `${unit ?? ''}/${period}`;
    end += rate[0].length;
  }
  if (core.vague && !subject && kind === 'count') return null;
  if (core.value === null && !core.vague) return null;
  if (value !== null && !Number.isFinite(value)) return null;
  if (kind === 'count' && core.spelled && value !== null && value < 2 && !subject) return null;
  const sign = text[core.start];
  if (value !== null && (sign === '+' || sign === '-' || sign === '−') && kind !== 'count') {
    // keep the sign as written: "-3.5%" is a fall of 3.5 points
  }
  kind = kind as Kind;
  return {
    type: 'figure',
    text: text.slice(start, end),
    value,
    unit,
    kind,
    approximate,
    valueMax,
    subject,
    range: [start, end],
  };
}

/** "some 2,000 are foreign fighters": a copula, then a plural noun phrase, names the subject. */
function copulaSubject(text: string, pos: number): string | null {
  if (!isSpace(text.charCodeAt(pos))) return null;
  const m = /^\s+(?:are|were)\s+/.exec(text.slice(pos));
  if (!m) return null;
  const np = subjectAfter(text, pos + m[0].length - 1);
  return np && /s$/.test(np.subject) ? np.subject : null;
}

function fraction(text: string, m: RegExpMatchArray): FigureSpan | null {
  const numeratorWord = m[1]!.toLowerCase();
  const denominatorWord = m[2]!.toLowerCase();
  const numerator = /^\d$/.test(numeratorWord) ? Number(numeratorWord) : numeratorWord === 'a' || numeratorWord === 'an' ? 1 : parseSpelledNumber(numeratorWord);
  const denominator = FRACTION_DENOMINATORS[denominatorWord];
  if (numerator === null || !denominator || numerator >= denominator) return null;
  const end = m.index! + m[0].length;
  const after = text.slice(end);
  const plural = /s$/.test(denominatorWord) && denominatorWord !== 'halves';
  // "a fifth year" is an ordinal; "a third of", "nearly a third in the first year" are fractions.
  if (!plural && !/^\s*(?:of\b|in\b|from\b|to\b|on\b|by\b|since\b|for\b|[,.;:)]|$)/.test(after)) return null;
  if (denominatorWord === 'quarter' && /^\s+of\s+(?:\d{4}|the\s+year)/.test(after)) return null;
  return partOf(text, m.index!, end, roundPercent((numerator / denominator) * 100));
}

function inRatio(text: string, m: RegExpMatchArray): FigureSpan | null {
  const parse = (w: string) => (/^\d+$/.test(w) ? Number(w) : parseSpelledNumber(w));
  const a = parse(m[1]!);
  const b = parse(m[2]!);
  if (a === null || b === null || a >= b || b > 1000) return null;
  return partOf(text, m.index!, m.index! + m[0].length, roundPercent((a / b) * 100));
}

function half(text: string, m: RegExpMatchArray, firstWordAt: number): FigureSpan | null {
  const start = m.index!;
  const end = start + m[0].length;
  const before = text.slice(Math.max(0, start - 25), start);
  const after = text.slice(end);
  if (/(?:\b(?:the|a|an|this|that|first|second|latter|other|\w+er)\s+|-)$/i.test(before)) return null;
  if (/^-/.test(after)) return null;
  const sentenceStart = start < 40 && start <= firstWordAt;
  if (!/^\s+of\b/.test(after) && !sentenceStart && !/\bby\s+$/i.test(before)) return null;
  return partOf(text, start, end, 50);
}

function partOf(text: string, start: number, end: number, value: number): FigureSpan {
  const lead = text.slice(Math.max(0, start - 30), start);
  const approx = APPROX_BEFORE.exec(lead);
  let approximate = false;
  if (approx && !BOUND_BEFORE.test(lead)) {
    approximate = true;
    if (!/estimated$/i.test(approx[1]!)) start -= approx[1]!.length + 1;
  }
  return {
    type: 'figure',
    text: text.slice(start, end),
    value,
    unit: '%',
    kind: 'percent',
    approximate,
    valueMax: null,
    subject: ofSubject(text, end),
    range: [start, end],
  };
}

const RANK_BEFORE = /\b(?:ranked|ranks|rank|placed|finished|came|comes)\s+$/i;

function ordinal(text: string, start: number, end: number, value: number, superlative = false): FigureSpan | null {
  const after = text.slice(end);
  const before = text.slice(Math.max(0, start - 20), start);
  if (/^\s+(?:century|centuries|quarter|half)\b/i.test(after)) return null;
  if (/^\s*\p{Lu}/u.test(after) && !RANK_BEFORE.test(before) && !superlative) {
    if (!/^\s*[–—-]/.test(after)) return null; // "3rd Assault Brigade": part of a name
  }
  const noun = /^\s+([a-z][\w-]*)/.exec(after);
  const subject = noun && !SUBJECT_STOP.has(noun[1]!) ? noun[1]! : null;
  if (!subject && !RANK_BEFORE.test(before)) return null;
  return {
    type: 'figure',
    text: text.slice(start, end),
    value,
    unit: null,
    kind: 'ordinal',
    approximate: false,
    valueMax: null,
    subject,
    range: [start, end],
  };
}
