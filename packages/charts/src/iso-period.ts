import type { DatePrecision } from '@briefs/ast';

/**
 * ISO 8601 dates of `date` nodes (`2019`, `2019-10`, `2019-10-27`, intervals `2007/2009`) as UTC
 * time spans. Always UTC: a local time zone would shift dates by a day on some machines.
 */
export interface Period {
  /** Inclusive start, ms since the epoch (UTC). */
  start: number;
  /** Exclusive end: the start of the next year / month / day after the period. */
  end: number;
  precision: DatePrecision;
}

const POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function parsePoint(text: string): Period | null {
  const m = POINT.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month === null) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1), precision: 'year' };
  if (day === null) return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1), precision: 'month' };
  const start = Date.UTC(year, month - 1, day);
  // Reject 2019-02-31 and the like, which Date.UTC would silently roll over.
  if (new Date(start).getUTCDate() !== day) return null;
  return { start, end: Date.UTC(year, month - 1, day + 1), precision: 'day' };
}

/** Parse a date node's value; null when it is not an ISO date this package understands. */
export function parsePeriod(value: string): Period | null {
  const parts = value.split('/');
  if (parts.length === 1) return parsePoint(value);
  if (parts.length !== 2) return null;
  const a = parsePoint(parts[0]!);
  const b = parsePoint(parts[1]!);
  if (!a || !b || b.end <= a.start) return null;
  const precision = a.precision === 'day' || b.precision === 'day' ? 'day' : a.precision === 'month' || b.precision === 'month' ? 'month' : 'year';
  return { start: a.start, end: b.end, precision };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A UTC instant at a precision: "2019", "Oct 2019", "27 Oct 2019". */
export function formatInstant(ms: number, precision: DatePrecision): string {
  const d = new Date(ms);
  const year = String(d.getUTCFullYear());
  if (precision === 'year') return year;
  const month = MONTHS[d.getUTCMonth()] ?? '';
  if (precision === 'month') return `${month} ${year}`;
  return `${d.getUTCDate()} ${month} ${year}`;
}

/** A date node's value for a reader: "27 Oct 2019", "2007–2009"; the value itself if unparseable. */
export function formatIsoDate(value: string): string {
  const parts = value.split('/');
  const points = parts.map((p) => parsePoint(p));
  if (points.some((p) => p === null)) return value;
  const texts = points.map((p) => formatInstant(p!.start, p!.precision));
  if (texts.length === 2 && points[0]!.precision === points[1]!.precision && points[0]!.precision !== 'year') {
    // "19–20 May 2026", "Jun–Aug 2019": the shared tail is written once.
    const a = texts[0]!.split(' ');
    const b = texts[1]!.split(' ');
    let shared = 0;
    while (shared < a.length - 1 && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
    if (shared > 0) return `${a.slice(0, a.length - shared).join(' ')}–${texts[1]}`;
  }
  return texts.join('–');
}
