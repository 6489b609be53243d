/** ISO 8601 helpers for the `date` columns (Frictionless `date`, default format `YYYY-MM-DD`). */

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The calendar date of an ISO 8601 date or date-time (`2019-11-07`, `2019-11-07T10:00:00Z` →
 * `2019-11-07`), or null when the value is not a whole valid date (`2019`, `2019-02-30`, `soon`).
 */
export function calendarDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = FULL_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(year, month, day) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * First and last calendar day a date value covers: `2019` → 2019-01-01…2019-12-31,
 * `2019-10` → 2019-10-01…2019-10-31, an interval `2007/2009` → 2007-01-01…2009-12-31.
 * Null where a part is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
export function dateSpan(value: string): { start: string; end: string } | null {
  const parts = value.trim().split('/');
  if (parts.length < 1 || parts.length > 2) return null;
  const first = bounds(parts[0]!);
  const last = parts.length === 2 ? bounds(parts[1]!) : first;
  if (!first || !last || first.start > last.end) return null;
  return { start: first.start, end: last.end };
}

function bounds(part: string): { start: string; end: string } | null {
  const m = PARTIAL.exec(part);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(daysInMonth(year, month))}` };
  const day = Number(m[3]);
  if (!validDay(year, month, day)) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return { start: date, end: date };
}
