/**
 * Numbers as written: digits with separators ("11,000", "19 205" with a no-break space, "1.5")
 * and spelled-out English numbers ("eighty-one", "sixty-six thousand", "two and a half").
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Scale abbreviations after digits ("$1.2bn", "400k", "90 bln"). `m`/`b` only glued or after money. */
export const SCALE_ABBREVIATIONS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  bln: 1e9,
  billion: 1e9,
  tn: 1e12,
  trn: 1e12,
  trillion: 1e12,
};

const ORDINAL_UNITS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  hundredth: 100,
};

/** Denominators of spelled fractions ("two-thirds", "a quarter of", "one in five" is separate). */
export const FRACTION_DENOMINATORS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  eighth: 8,
  eighths: 8,
  tenth: 10,
  tenths: 10,
};

const NUMBER_WORD_SOURCE = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'dozen'].join('|');

/**
 * A run of spelled number words: "eighty-one", "sixty-six thousand", "two hundred and fifty",
 * "two and a half", "a dozen". "And" joins words only after a scale word ("between two and three
 * million" is two numbers). Matched case-insensitively; callers decide whether it counts.
 */
export const SPELLED_NUMBER_SOURCE = `(?:(?:a|an)\\s+(?=(?:dozen|hundred|thousand|million|billion|trillion)\\b))?(?:${NUMBER_WORD_SOURCE})(?:(?:-|\\s+|(?<=hundred|thousand|million|billion|trillion|dozen)\\s+and\\s+)(?:${NUMBER_WORD_SOURCE}))*(?:\\s+and\\s+a\\s+half)?`;

export const ORDINAL_WORD_SOURCE = `(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:${Object.keys(ORDINAL_UNITS).join('|')})`;

/** The names an object literal inherits ("constructor", "__proto__"): a lookup of one in a table finds no own key. */
export const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));
const UNIT_VALUES = new Map(Object.entries(UNITS));
const TENS_VALUES = new Map(Object.entries(TENS));
const SCALE_VALUES = new Map(Object.entries(SCALES));

/**
 * `table[word]` by its Map twin `values`: a keyed load with a string made at run time costs a
 * look-up of the string in V8's table of names first. An inherited name reads the table itself.
 */
function tableValue(values: Map<string, number>, table: Record<string, number>, word: string): number | undefined {
  const value = values.get(word);
  return value !== undefined || !INHERITED.has(word) ? value : table[word];
}

/** Value of a spelled number run, or null when the words do not form a number ("one two"). */
export function parseSpelledNumber(text: string): number | null {
  let words = text.toLowerCase().split(/[\s-]+/).filter(Boolean);
  let half = 0;
  if (words.length >= 3 && words.at(-1) === 'half' && words.at(-2) === 'a' && words.at(-3) === 'and') {
    half = 0.5;
    words = words.slice(0, -3);
  }
  if (words[0] === 'a' || words[0] === 'an') words[0] = 'one';
  let total = 0;
  let current = 0;
  let seen = false;
  let last: 'unit' | 'tens' | 'scale' | 'and' | null = null;
  let lastBig = 0;
  for (const word of words) {
    if (word === 'and') {
      if (last !== 'scale') return null;
      last = 'and';
      continue;
    }
    const unit = tableValue(UNIT_VALUES, UNITS, word);
    const tens = tableValue(TENS_VALUES, TENS, word);
    if (unit !== undefined) {
      if (last === 'unit' || (last === 'tens' && unit >= 10)) return null;
      current += unit;
      last = 'unit';
    } else if (tens !== undefined) {
      if (last === 'unit' || last === 'tens') return null;
      current += tens;
      last = 'tens';
    } else if (word === 'dozen') {
      current = (current || 1) * 12;
      last = 'scale';
    } else {
      const scale = tableValue(SCALE_VALUES, SCALES, word);
      if (scale === undefined) return null;
      if (scale === 100) {
        current = (current || 1) * 100;
      } else {
        // Scales of a thousand and more fall from left to right: "one million and two million" is two numbers.
        if (lastBig !== 0 && scale >= lastBig) return null;
        lastBig = scale;
        total += (current || 1) * scale;
        current = 0;
      }
      last = 'scale';
    }
    seen = true;
  }
  if (!seen) return null;
  return total + current + half;
}

export function parseOrdinalWord(text: string): number | null {
  const lower = text.toLowerCase();
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const tens = TENS[lower.slice(0, dash)];
    const unit = ORDINAL_UNITS[lower.slice(dash + 1)];
    return tens !== undefined && unit !== undefined && unit < 10 ? tens + unit : null;
  }
  return ORDINAL_UNITS[lower] ?? null;
}

/**
 * Digits with thousands separators: comma, no-break or thin space, or a plain space when every
 * group has three digits ("19 205"). Decimal point optional. A leading sign is kept.
 */
export const DIGITS_SOURCE = String.raw`[-+−]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00A0\u202F\u2009]\d{3})+|\d{1,3}(?: \d{3}(?!\d))+(?![\d,.]\d| \d)|\d+)(?:\.\d+)?`;

export function parseDigits(text: string): number {
  const normalized = text.replace(/[,\u00A0\u202F\u2009 ]/g, '').replace(/^−/, '-');
  return Number(normalized);
}

/** Round to one decimal, as fractions are reported ("two-thirds" → 66.7). */
export function roundPercent(value: number): number {
  return Math.round(value * 10) / 10;
}
