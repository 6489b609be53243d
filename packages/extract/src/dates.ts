/**
 * Dates: absolute ("Nov 7, 2019", "September 2014", "2015", "2007-2009", "the 1990s"), partial
 * ("October 27": the year is inferred from `published`) and relative ("last month", "this June",
 * "on Thursday", "next week") resolved against `published`. See README.md, "Dates".
 */
import { MEASURE_UNITS, MONTH_SOURCE, MONTHS, WEEKDAYS } from './lexicon.js';
import { SCALES } from './numbers.js';
import { has, isSpace, type Lexed, lex, mayHave, wordClass, wordStarts } from './lex.js';
import { allMatches, alternation, type DateSpan, type DocumentState, matchesAt, sortStable, sticky, withBefore } from './state.js';

type Published = NonNullable<DocumentState['published']>;
type Precision = DateSpan['precision'];

interface Candidate {
  start: number;
  end: number;
  value: string;
  precision: Precision;
}

const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const FULL_MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const NOT_POSSESSIVE = "(?!['’]s\\b)";

const MONTH_DAY_RANGE_YEAR = new RegExp(
  `\\b(${MONTH_SOURCE})\\s+(${DAY})\\s?[-–]\\s?(${DAY}),?\\s+(${YEAR})\\b`,
  'g',
);
const ISO_DAY = new RegExp(`\\b(${YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])\\b`, 'g');
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_SOURCE})\\s+(${DAY})(?:st|nd|rd|th)?,?\\s+(${YEAR})\\b`, 'g');
const DAY_MONTH_YEAR = new RegExp(`\\b(${DAY})\\s+(${MONTH_SOURCE})\\s+(${YEAR})\\b`, 'g');
const MONTH_YEAR = new RegExp(`\\b(${MONTH_SOURCE})\\s+(?:of\\s+)?(${YEAR})\\b`, 'g');
const MONTH_DAY = new RegExp(`\\b(${MONTH_SOURCE})\\s+(${DAY})(?:st|nd|rd|th)?\\b(?![.,]?\\d|\\s*%)`, 'g');
const DAY_MONTH = new RegExp(`\\b(${DAY})\\s+(${FULL_MONTH})\\b`, 'g');
const MONTH_ALONE = new RegExp(`\\b(?:(this|last|next)\\s+)?(${FULL_MONTH})\\b${NOT_POSSESSIVE}`, 'gi');
/** "between October and December", "from March to May 2025": a span of months. */
const MONTH_SPAN = new RegExp(
  `\\b(?:[Bb]etween|[Ff]rom)\\s+(${FULL_MONTH})(?:\\s+(${YEAR}))?\\s+(?:and|to|until|through)\\s+(${FULL_MONTH})(?:\\s+(${YEAR}))?\\b${NOT_POSSESSIVE}`,
  'g',
);
const YEAR_SPAN = new RegExp(`\\b(?:(?:between|from)\\s+)?(${YEAR})\\s*(?:[-–—/]|\\s(?:and|to|until|through)\\s)\\s*(${YEAR}|\\d\\d)\\b(?![-–/.,]?\\d)`, 'gi');
const DECADE = /\b(?:the\s+)?((?:1[89]|20)\d)0s\b/g;
const PART_OF_YEAR = new RegExp(
  `\\b(?:(?:early|mid|late)[-\\s]+(?:(?:spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?)?|(?:spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?)(${YEAR})\\b`,
  'gi',
);
const QUARTER = new RegExp(
  `\\b(?:Q([1-4])|(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter)\\s+(?:of\\s+)?(${YEAR})\\b`,
  'gi',
);
const PLAIN_YEAR = new RegExp(`(?<![\\w$€£¥.,/-])(since\\s+)?(${YEAR})\\b(?![.,]\\d|[-–/]\\d|%)`, 'gi');
const FOOTNOTED_YEAR = new RegExp(`(?<![\\w$€£¥.,/-])(${YEAR})(?=\\.\\d{1,2}\\s+[A-Z])`, 'g');
const RELATIVE = new RegExp(`\\b(last|next|this)\\s+(week|month|year|weekend)\\b${NOT_POSSESSIVE}`, 'gi');
const RELATIVE_WEEKDAY = new RegExp(
  `\\b(?:(last|next|this)\\s+|(?<=\\b(?:on|since|until|by|from|before|after|late|early)\\s+))(${WEEKDAY})\\b${NOT_POSSESSIVE}`,
  'gi',
);
const YESTERDAY = /\b(yesterday|tomorrow)\b/gi;
const AGO = /\b(?:a|one)\s+(week|month|year)\s+ago\b/gi;

/** A bare month only counts after words that introduce a time ("in June", "this June"). */
const MONTH_CUES = /(?:\b(?:in|since|until|till|by|from|through|during|of|and|or|to|before|after|early|late|between)\s+|\bmid-)$/i;

const YEAR_NAME_OK = new Set([
  'A',
  'An',
  'Each',
  'Every',
  'In',
  'Since',
  'By',
  'Until',
  'Till',
  'From',
  'During',
  'Before',
  'After',
  'The',
  'Of',
  'And',
  'Or',
  'Through',
  'Between',
  'Fiscal',
  'FY',
  'As',
  'For',
  'At',
  'On',
  'Throughout',
  'Its',
  'Their',
  'His',
  'Her',
  'Our',
  'Around',
  'Circa',
  'Beyond',
  'Early',
  'Late',
  'Mid',
  'Spring',
  'Summer',
  'Autumn',
  'Fall',
  'Winter',
  'Until',
  'Last',
  'Next',
  'This',
  'That',
  'Since',
  'Year',
]);

const NOT_YEAR_BEFORE =
  /(?:\b(?:some|around|about|nearly|almost|roughly|approximately|than|estimated|over|under|up\s+to|No\.?|number)|#)\s*$/i;
const SCALE_AFTER = new RegExp(
  `^\\s*(?:${alternation([...Object.keys(SCALES), 'percent', 'per cent', 'pct', ...Object.keys(MEASURE_UNITS)])})\\b`,
  'i',
);
const COUNT_NOUN_AFTER =
  /^\s+(?:people|persons|troops|soldiers|civilians|fighters|members|workers|cases|jobs|units|households|homes|families|deaths|casualties|refugees|migrants|vehicles|drones|missiles|companies|firms|times)\b/i;

const MONTH_WORDS = wordClass(Object.keys(MONTHS), true);
/** What each relative word allows: 1 RELATIVE, 2 YESTERDAY, 4 AGO, 8 RELATIVE_WEEKDAY (with 1, a weekday). */
const RELATIVE_KINDS = new Map<string, number>([
  ['last', 1],
  ['next', 1],
  ['this', 1],
  ['yesterday', 2],
  ['tomorrow', 2],
  ['ago', 4],
  ...Object.keys(WEEKDAYS).map((w): [string, number] => [w, 8]),
]);
const RELATIVE_WORDS = wordClass([...RELATIVE_KINDS.keys()], true);

/** The kinds of RELATIVE_KINDS whose words the text holds (every kind for an exotic text). */
function relativeKinds(lexed: Lexed): number {
  if (lexed.exotic) return 15;
  const lower = lexed.lower;
  let kinds = 0;
  for (const start of wordStarts(lexed, RELATIVE_WORDS)) {
    let end = start + 1;
    while (end < lower.length && lower.charCodeAt(end) >= 97 && lower.charCodeAt(end) <= 122) end++;
    kinds |= RELATIVE_KINDS.get(lower.slice(start, end)) ?? 0;
  }
  return kinds;
}

/** The words PART_OF_YEAR opens with. */
const SEASON_WORDS = wordClass(['early', 'mid', 'late', 'spring', 'summer', 'autumn', 'fall', 'winter']);

/*
 * Sticky twins of the patterns tried only where a match can start (`matchesAt`): at a month name
 * (each month of MONTH_SOURCE and FULL_MONTH is a word of MONTHS), at a year (`yearStarts`), at a
 * word of RELATIVE_WORDS, or at the word or number right before one of them.
 */
const MONTH_DAY_RANGE_YEAR_AT = sticky(MONTH_DAY_RANGE_YEAR);
const ISO_DAY_AT = sticky(ISO_DAY);
const MONTH_DAY_YEAR_AT = sticky(MONTH_DAY_YEAR);
const DAY_MONTH_YEAR_AT = sticky(DAY_MONTH_YEAR);
const MONTH_YEAR_AT = sticky(MONTH_YEAR);
const MONTH_DAY_AT = sticky(MONTH_DAY);
const DAY_MONTH_AT = sticky(DAY_MONTH);
const MONTH_ALONE_AT = sticky(MONTH_ALONE);
const YEAR_SPAN_AT = sticky(YEAR_SPAN);
const DECADE_AT = sticky(DECADE);
const FOOTNOTED_YEAR_AT = sticky(FOOTNOTED_YEAR);
const PLAIN_YEAR_AT = sticky(PLAIN_YEAR);
const RELATIVE_AT = sticky(RELATIVE);
const RELATIVE_WEEKDAY_AT = sticky(RELATIVE_WEEKDAY);

/**
 * Four digits a year of YEAR can be, `(?:1[89]|20)\d\d`, after no word character: the year of
 * every pattern below stands so (after `\b`, white space, "-" or a lookbehind without \w).
 */
const YEAR_AT = /(?<!\w)(?:1[89]|20)\d\d/g;

function yearStarts(text: string): number[] {
  const out: number[] = [];
  YEAR_AT.lastIndex = 0;
  for (let m = YEAR_AT.exec(text); m !== null; m = YEAR_AT.exec(text)) out.push(m.index);
  return out;
}

const longestFirst = (a: Candidate, b: Candidate): number => b.end - b.start - (a.end - a.start) || a.start - b.start;
const byStart = (a: Candidate, b: Candidate): number => a.start - b.start;

/**
 * `yearless`, when given, receives the month-day dates ("Sept 18", "18 September") a document
 * without a publication date cannot place in a year: no date, but their day is no figure either.
 */
export function findDates(text: string, state: DocumentState, lexed: Lexed = lex(text), yearless?: Array<{ range: [number, number] }>): DateSpan[] {
  const candidates: Candidate[] = [];
  const published = state.published;
  const push = (start: number, end: number, value: string | null, precision: Precision) => {
    if (value !== null) candidates.push({ start, end, value, precision });
  };
  // Cheap tests first: most sentences hold no digit, month, weekday or relative word.
  const digits = lexed.digits;
  const months = has(lexed, MONTH_WORDS);
  const relative = published !== null && has(lexed, RELATIVE_WORDS);
  if (!digits && !months && !relative) return [];
  // Every pattern below with a year in it needs four digits starting 18, 19 or 20 after no word
  // character (the decade "1990s" too); the day patterns need a digit. Substring tests on the
  // lower-cased text only skip patterns that cannot match.
  const yearsAt = digits ? yearStarts(text) : [];
  const years = yearsAt.length > 0;
  const lower = lexed.lower;
  // Where the month patterns can start, when the word offsets are the text's (else they scan the text).
  const exact = !lexed.exotic;
  const monthsAt = months && exact ? wordStarts(lexed, MONTH_WORDS) : null;
  const atMonth = (re: RegExp, twin: RegExp) => (monthsAt ? matchesAt(twin, text, monthsAt) : allMatches(re, text));

  for (const m of years && months ? atMonth(MONTH_DAY_RANGE_YEAR, MONTH_DAY_RANGE_YEAR_AT) : []) {
    const month = monthOf(m[1]!);
    const year = Number(m[4]);
    const from = Number(m[2]);
    const to = Number(m[3]);
    if (to > from) push(m.index, m.index + m[0].length, `${ymd(year, month, from)}/${ymd(year, month, to)}`, 'day');
  }
  for (const m of years && text.includes('-') ? matchesAt(ISO_DAY_AT, text, yearsAt) : []) {
    push(m.index, m.index + m[0].length, validDay(Number(m[1]), Number(m[2]), Number(m[3])), 'day');
  }
  for (const m of years && months ? atMonth(MONTH_DAY_YEAR, MONTH_DAY_YEAR_AT) : []) {
    push(m.index, m.index + m[0].length, validDay(Number(m[3]), monthOf(m[1]!), Number(m[2])), 'day');
  }
  // The day (one or two digits) stands right before the white space in front of the month.
  const daysAt = digits && monthsAt ? withBefore(text, monthsAt, [2, 1]) : null;
  const dayFirst = (re: RegExp, twin: RegExp) => (daysAt ? matchesAt(twin, text, daysAt) : allMatches(re, text));
  for (const m of years && months ? dayFirst(DAY_MONTH_YEAR, DAY_MONTH_YEAR_AT) : []) {
    push(m.index, m.index + m[0].length, validDay(Number(m[3]), monthOf(m[2]!), Number(m[1])), 'day');
  }
  for (const m of years && months ? atMonth(MONTH_YEAR, MONTH_YEAR_AT) : []) {
    if (m[1] === 'May' && /\bmay\s+of\b/i.test(m[0])) continue;
    push(m.index, m.index + m[0].length, ym(Number(m[2]), monthOf(m[1]!)), 'month');
  }
  if (!published && months && digits && yearless) {
    for (const m of atMonth(MONTH_DAY, MONTH_DAY_AT)) yearless.push({ range: [m.index, m.index + m[0].length] });
    for (const m of dayFirst(DAY_MONTH, DAY_MONTH_AT)) yearless.push({ range: [m.index, m.index + m[0].length] });
  }
  for (const m of months && (lower.includes('between') || lower.includes('from')) ? allMatches(MONTH_SPAN, text) : []) {
    const first = monthOf(m[1]!);
    const last = monthOf(m[3]!);
    const lastYear = m[4] ? Number(m[4]) : m[2] ? Number(m[2]) + (last < first ? 1 : 0) : published ? inferYear(last, published) : null;
    if (lastYear === null) continue;
    const firstYear = m[2] ? Number(m[2]) : first <= last ? lastYear : lastYear - 1;
    // The text starts at the first month, as a span of years starts at its first year.
    const start = m.index + m[0].indexOf(m[1]!, 4);
    if (firstYear * 12 + first < lastYear * 12 + last) push(start, m.index + m[0].length, `${ym(firstYear, first)}/${ym(lastYear, last)}`, 'month');
  }
  if (published && months) {
    for (const m of digits ? atMonth(MONTH_DAY, MONTH_DAY_AT) : []) {
      const month = monthOf(m[1]!);
      const year = inferYear(month, published);
      push(m.index, m.index + m[0].length, validDay(year, month, Number(m[2])), 'day');
    }
    for (const m of digits ? dayFirst(DAY_MONTH, DAY_MONTH_AT) : []) {
      const month = monthOf(m[2]!);
      push(m.index, m.index + m[0].length, validDay(inferYear(month, published), month, Number(m[1])), 'day');
    }
    // "this", "last" or "next" (four letters) before the month.
    for (const m of monthsAt ? matchesAt(MONTH_ALONE_AT, text, withBefore(text, monthsAt, [4])) : allMatches(MONTH_ALONE, text)) {
      // Capitalised month names only: "the march toward victory" is a verb or a noun.
      const initial = m[2]!.charCodeAt(0);
      if (initial < 65 || initial > 90) continue;
      const month = monthOf(m[2]!);
      const relative = m[1]?.toLowerCase();
      const lead = text.slice(Math.max(0, m.index - 30), m.index);
      if (!relative && !MONTH_CUES.test(lead)) continue;
      if (!relative && m[2] === 'May' && !/\b(?:in|since|until|by|early|late|mid-)\s*$/i.test(lead)) {
        continue;
      }
      let year = inferYear(month, published);
      if (relative === 'this') year = published.year;
      else if (relative === 'last') year = month < published.month ? published.year : published.year - 1;
      else if (relative === 'next') year = month > published.month ? published.year : published.year + 1;
      push(m.index, m.index + m[0].length, ym(year, month), 'month');
    }
  }
  // "between" (seven letters) or "from" (four) before the first year.
  for (const m of years ? matchesAt(YEAR_SPAN_AT, text, withBefore(text, yearsAt, [7, 4])) : []) {
    const from = Number(m[1]);
    const second = m[2]!;
    const to = second.length === 2 ? Math.floor(from / 100) * 100 + Number(second) : Number(second);
    if (to <= from || to - from > 100) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    push(start, m.index + m[0].length, `${from}/${to}`, 'year');
  }
  // "the" (three letters) before the decade.
  for (const m of years && text.includes('0s') ? matchesAt(DECADE_AT, text, withBefore(text, yearsAt, [3])) : []) {
    const decade = Number(`${m[1]}0`);
    const start = m.index + m[0].indexOf(m[1]!);
    push(start, m.index + m[0].length, `${decade}/${decade + 9}`, 'year');
  }
  for (const m of years && mayHave(lexed, SEASON_WORDS) ? allMatches(PART_OF_YEAR, text) : []) {
    push(m.index, m.index + m[0].length, m[1]!, 'year');
  }
  for (const m of years && lower.includes('q') ? allMatches(QUARTER, text) : []) {
    const q = m[1] ? Number(m[1]) : quarterNumber(m[2]!);
    const year = Number(m[3]);
    push(m.index, m.index + m[0].length, `${ym(year, q * 3 - 2)}/${ym(year, q * 3)}`, 'month');
  }
  // "since 2000.3 Most chips…": a year with a footnote marker glued on.
  for (const m of years ? matchesAt(FOOTNOTED_YEAR_AT, text, yearsAt) : []) push(m.index, m.index + 4, m[1]!, 'year');
  // "since" (five letters) before the year.
  for (const m of years ? matchesAt(PLAIN_YEAR_AT, text, withBefore(text, yearsAt, [5])) : []) {
    const yearStart = m.index + (m[1]?.length ?? 0);
    if (!isYear(text, yearStart, yearStart + 4)) continue;
    push(m.index, m.index + m[0].length, m[2]!, 'year');
  }
  if (published && relative) {
    // RELATIVE and RELATIVE_WEEKDAY start at "last", "next", "this" or a weekday.
    const relativeAt = exact ? wordStarts(lexed, RELATIVE_WORDS) : null;
    // Each pattern needs a whole word of its kind, and the literal words tested here.
    const kinds = relativeKinds(lexed);
    const relativeUnit = (kinds & 1) !== 0 && (lower.includes('week') || lower.includes('month') || lower.includes('year'));
    for (const m of relativeUnit ? (relativeAt ? matchesAt(RELATIVE_AT, text, relativeAt) : allMatches(RELATIVE, text)) : []) {
      push(m.index, m.index + m[0].length, ...relativePeriod(m[1]!.toLowerCase(), m[2]!.toLowerCase(), published));
    }
    // Every weekday name ends in "day".
    const weekday = (kinds & 8) !== 0 && lower.includes('day');
    for (const m of weekday ? (relativeAt ? matchesAt(RELATIVE_WEEKDAY_AT, text, relativeAt) : allMatches(RELATIVE_WEEKDAY, text)) : []) {
      const day = weekdayDate(m[1]?.toLowerCase() ?? null, WEEKDAYS[m[2]!.toLowerCase()]!, published);
      push(m.index, m.index + m[0].length, day, 'day');
    }
    for (const m of (kinds & 2) !== 0 && (lower.includes('yesterday') || lower.includes('tomorrow')) ? allMatches(YESTERDAY, text) : []) {
      const offset = m[1]!.toLowerCase() === 'yesterday' ? -1 : 1;
      push(m.index, m.index + m[0].length, shiftDays(published, offset), 'day');
    }
    for (const m of (kinds & 4) !== 0 && lower.includes('ago') ? allMatches(AGO, text) : []) {
      const unit = m[1]!.toLowerCase();
      if (unit === 'week') push(m.index, m.index + m[0].length, shiftDays(published, -7), 'day');
      else if (unit === 'month') push(m.index, m.index + m[0].length, shiftMonths(published, -1), 'month');
      else push(m.index, m.index + m[0].length, shiftMonths(published, -12), 'month');
    }
  }

  // Longest first, then earliest: "September 2014" wins over "2014" inside it.
  sortStable(candidates, longestFirst);
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    if (chosen.some((c) => candidate.start < c.end && c.start < candidate.end)) continue;
    chosen.push(candidate);
  }
  sortStable(chosen, byStart);
  // "Since 2017", "since February 2022": an open interval from that time keeps its "since".
  for (const c of chosen) {
    const since = /\bsince\s+$/i.exec(text.slice(Math.max(0, c.start - 7), c.start));
    if (since && !chosen.some((o) => o !== c && o.end > c.start - since[0].length && o.start < c.start)) c.start -= since[0].length;
  }
  return chosen.map((c) => ({
    type: 'date',
    text: text.slice(c.start, c.end),
    value: c.value,
    precision: c.precision,
    range: [c.start, c.end],
  }));
}

/** A four-digit number is a calendar year unless it counts something or is part of a name. */
function isYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  if (NOT_YEAR_BEFORE.test(before)) return false;
  if (/[$€£¥]\s*$/.test(before)) return false;
  if (SCALE_AFTER.test(after) || COUNT_NOUN_AFTER.test(after)) return false;
  // "Made in China 2025", "Resolution 2254", "Index 2025": a year right after a name is part of it.
  // The pattern ends in \s+$: only a year right after white space can follow a name.
  const previous = before.length > 0 && isSpace(before.charCodeAt(before.length - 1)) ? /([A-Z][\w’'&.-]*)\s+$/.exec(before) : null;
  if (previous) {
    const word = previous[1]!;
    const wordStart = start - previous[0].length;
    // Sentence-initial words count too: "Vision 2030 targets…" names a plan.
    void wordStart;
    if (!YEAR_NAME_OK.has(word) && MONTHS[word.toLowerCase().replace(/\.$/, '')] === undefined) return false;
  }
  return true;
}

function monthOf(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS[lower.endsWith('.') ? lower.slice(0, -1) : lower] ?? 1;
}

function quarterNumber(word: string): number {
  return { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 }[word.toLowerCase()] ?? 1;
}

/**
 * A month without a year takes the published year, unless that would put it more than six months
 * after publication ("in November" in a January article is last November).
 */
function inferYear(month: number, published: Published): number {
  return month - published.month > 6 ? published.year - 1 : published.year;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ym(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

function ymd(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function validDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? ymd(year, month, day) : null;
}

function toDate(p: Published): Date {
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

function iso(date: Date): string {
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function shiftDays(p: Published, days: number): string {
  const date = toDate(p);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

function shiftMonths(p: Published, months: number): string {
  const index = p.year * 12 + (p.month - 1) + months;
  return ym(Math.floor(index / 12), (index % 12) + 1);
}

/** Weeks run Monday to Sunday (ISO 8601); a week is reported as an interval of days. */
function relativePeriod(which: string, unit: string, p: Published): [string, Precision] {
  const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  if (unit === 'year') return [String(p.year + step), 'year'];
  if (unit === 'month') return [shiftMonths(p, step), 'month'];
  const weekday = (toDate(p).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = -weekday + step * 7;
  if (unit === 'weekend') {
    const saturday = monday + 5;
    return [`${shiftDays(p, saturday)}/${shiftDays(p, saturday + 1)}`, 'day'];
  }
  return [`${shiftDays(p, monday)}/${shiftDays(p, monday + 6)}`, 'day'];
}

/**
 * "on Thursday" is the latest Thursday on or before publication (news reports what happened);
 * "last Thursday" the one before that day; "next Thursday" the first one after it.
 */
function weekdayDate(which: string | null, weekday: number, p: Published): string {
  const today = toDate(p).getUTCDay();
  if (which === 'next') return shiftDays(p, ((weekday - today + 6) % 7) + 1);
  if (which === 'this') return shiftDays(p, weekday - today);
  if (which === 'last') return shiftDays(p, -(((today - weekday + 6) % 7) + 1));
  return shiftDays(p, -((today - weekday + 7) % 7));
}
