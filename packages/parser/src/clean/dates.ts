/** Dates as pages write them ("Nov 7, 2019", "7 November 2019", "2019-11-07") → ISO 8601. */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const monthOf = (name: string): number | undefined => MONTHS[name.toLowerCase().replace(/\.$/, '').slice(0, 4)] ?? MONTHS[name.toLowerCase().slice(0, 3)];

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?';
// A time needs a colon or am/pm: "| 6 min read" after a date is not a time.
// The zone: an abbreviation, with an offset or alone ("GMT+1", "UTC+05:30", "CEST").
const ZONE = '(?:UTC|GMT|BST|IST|CEST|CET|EEST|EET|MSK|EAT|CAT|WAT|SAST|JST|KST|HKT|SGT|AEST|AEDT|[ECMP][SD]?T|ET)(?:[+-]\\d{1,2}(?::?\\d{2})?)?\\b';
const TIME = `(?:\\s*(?:[,·•|@-]|at)?\\s*\\d{1,2}(?::\\d{2}\\s*(?:[ap]\\.?m\\.?)?|\\s*[ap]\\.?m\\.?)(?:\\s*${ZONE})?)?`;

/** Patterns that match a date at the start of a string; group layout noted per pattern. */
const PATTERNS: Array<{ re: RegExp; pick: (m: RegExpExecArray) => string | null }> = [
  // 2019-11-07, 2019-11-07T10:00:00Z
  { re: /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/, pick: (m) => iso(+m[1]!, +m[2]!, +m[3]!) },
  // Nov 7, 2019 / November 7 2019
  {
    re: new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'i'),
    pick: (m) => iso(+m[3]!, monthOf(m[1]!) ?? 0, +m[2]!),
  },
  // 7 November 2019 / 7 Nov. 2019
  {
    re: new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME}`, 'i'),
    pick: (m) => iso(+m[3]!, monthOf(m[2]!) ?? 0, +m[1]!),
  },
  // 11/07/2019 is ambiguous; only the unambiguous year-first slash form is read: 2019/11/07
  { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})/, pick: (m) => iso(+m[1]!, +m[2]!, +m[3]!) },
];

/** Parses a date at the start of `text`; returns the ISO date and how many characters it used. */
export function parseDateAt(text: string): { iso: string; length: number } | null {
  for (const { re, pick } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = pick(m);
    if (value) return { iso: value, length: m[0].length };
  }
  return null;
}

/** Parses a string that is a date and nothing else (a page's date line). */
export function parseDateLine(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const hit = parseDateAt(t);
  if (!hit) return null;
  const rest = t.slice(hit.length).trim();
  return rest === '' || /^(?:[·•|,-]\s*)?(?:\d+\s+(?:mins?|hours?|days?)\s+ago|updated|\d+\s*min(?:ute)?s?\s+read)?$/i.test(rest) ? hit.iso : null;
}

/** Any value a front matter or JSON blob may hold for a date (Date objects from YAML too). */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return parseDateAt(value.trim())?.iso ?? null;
  return null;
}

/** A full date written in a URL path (`/2026/02/22/`, `-2026-02-23`). */
export function dateInUrl(url: string): string | null {
  const m = /(?:^|[/_-])(20\d{2}|19\d{2})[/-](\d{2})[/-](\d{2})(?=$|[/_-])/.exec(url);
  return m ? iso(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** Finds the first date anywhere in a text ("KYIV, Feb 23 (Reuters)" has none: no year). */
export function findDate(text: string): { iso: string; index: number; length: number } | null {
  const re = new RegExp(`\\b(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}|\\d{4}-\\d{2}-\\d{2})`, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const hit = parseDateAt(text.slice(m.index));
    if (hit) return { ...hit, index: m.index };
  }
  return null;
}

/** Month and day of a dateline without a year ("KYIV, Feb 23 (Reuters) -"), as `MM-DD`. */
export function datelineMonthDay(text: string): string | null {
  const m = new RegExp(`^[\\p{Lu}][\\p{Lu} .'-]+,\\s+${MONTH}\\s+(\\d{1,2})\\s+\\(`, 'u').exec(text.trim());
  if (!m) return null;
  const month = monthOf(m[1]!);
  return month ? `${pad(month)}-${pad(+m[2]!)}` : null;
}
