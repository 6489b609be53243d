/**
 * A chart.js date adapter that works in UTC. chart.js needs an adapter for its time scale; the
 * published ones (date-fns, luxon, moment) use the machine's local time zone, which moves ticks
 * and bars by hours — and across a day or month boundary — from one machine to the next.
 * Timeline periods are UTC (see ../iso-period.ts), so the axis is too.
 */

type Unit = 'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

const MS: Record<'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week', number> = {
  millisecond: 1,
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Tick label formats per unit, in this adapter's own token syntax (see `format`). */
const FORMATS: Record<string, string> = {
  datetime: 'd MMM yyyy HH:mm',
  millisecond: 'HH:mm:ss.SSS',
  second: 'HH:mm:ss',
  minute: 'HH:mm',
  hour: 'HH:mm',
  day: 'd MMM',
  week: 'd MMM',
  month: 'MMM yyyy',
  quarter: 'MMM yyyy',
  year: 'yyyy',
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function parts(t: number): { y: number; m: number; d: number; dow: number } {
  const date = new Date(t);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate(), dow: date.getUTCDay() };
}

function startOf(t: number, unit: string, weekday = 0): number {
  const { y, m, d, dow } = parts(t);
  switch (unit) {
    case 'year':
      return Date.UTC(y, 0, 1);
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1);
    case 'month':
      return Date.UTC(y, m, 1);
    case 'week':
    case 'isoWeek': {
      const first = unit === 'isoWeek' ? (typeof weekday === 'number' ? weekday : 1) : 0;
      return Date.UTC(y, m, d - ((dow - first + 7) % 7));
    }
    case 'day':
      return Date.UTC(y, m, d);
    case 'hour':
    case 'minute':
    case 'second': {
      const size = MS[unit];
      return Math.floor(t / size) * size;
    }
    default:
      return t;
  }
}

function add(t: number, amount: number, unit: string): number {
  const n = Math.trunc(amount);
  switch (unit) {
    case 'year':
    case 'quarter':
    case 'month': {
      const months = unit === 'year' ? n * 12 : unit === 'quarter' ? n * 3 : n;
      const date = new Date(t);
      date.setUTCMonth(date.getUTCMonth() + months);
      return date.getTime();
    }
    default:
      return t + n * (MS[unit as keyof typeof MS] ?? 1);
  }
}

/** Whole units from `b` to `a`, truncated toward zero (as date-fns' differenceIn* do). */
function diff(a: number, b: number, unit: string): number {
  if (unit === 'year' || unit === 'quarter' || unit === 'month') {
    const pa = parts(a);
    const pb = parts(b);
    let months = (pa.y - pb.y) * 12 + (pa.m - pb.m);
    // Not a whole month yet if the remainder of `a` is before that of `b`.
    const rest = (t: number, p: { y: number; m: number }): number => t - Date.UTC(p.y, p.m, 1);
    if (months > 0 && rest(a, pa) < rest(b, pb)) months--;
    if (months < 0 && rest(a, pa) > rest(b, pb)) months++;
    const per = unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1;
    return Math.trunc(months / per);
  }
  return Math.trunc((a - b) / (MS[unit as keyof typeof MS] ?? 1));
}

function format(t: number, fmt: string): string {
  const date = new Date(t);
  return fmt.replace(/yyyy|MMM|SSS|HH|mm|ss|d/g, (token) => {
    switch (token) {
      case 'yyyy':
        return String(date.getUTCFullYear());
      case 'MMM':
        return MONTHS[date.getUTCMonth()] ?? '';
      case 'SSS':
        return pad(date.getUTCMilliseconds(), 3);
      case 'HH':
        return pad(date.getUTCHours());
      case 'mm':
        return pad(date.getUTCMinutes());
      case 'ss':
        return pad(date.getUTCSeconds());
      default:
        return String(date.getUTCDate());
    }
  });
}

function parse(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : null;
  if (typeof value === 'string') {
    // Only ISO dates; `Date.parse` of other strings depends on the engine and time zone.
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
    if (!m) return null;
    return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  }
  return null;
}

export const utcDateAdapter = {
  _id: 'briefs-utc',
  formats: (): Record<string, string> => ({ ...FORMATS }),
  parse,
  format,
  add,
  diff,
  startOf: (t: number, unit: Unit | 'isoWeek', weekday?: number | boolean): number =>
    startOf(t, unit, typeof weekday === 'number' ? weekday : 1),
  endOf: (t: number, unit: Unit | 'isoWeek'): number => add(startOf(t, unit), 1, unit === 'isoWeek' ? 'week' : unit) - 1,
};
