import type { Brief } from '@briefs/ast';
import { BriefsError } from '@briefs/ast';

/** A date option: a Date, an ISO 8601 string, or seconds since the epoch. */
export type DateInput = Date | string | number;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Parses a date option; throws a BriefsError naming `what` when it is not a date. */
export function toDate(input: DateInput, what = 'date'): Date {
  const date = typeof input === 'number' ? new Date(input * 1000) : typeof input === 'string' ? new Date(input) : new Date(input.getTime());
  if (Number.isNaN(date.getTime())) throw new BriefsError('E_CONFIG_INVALID', `${what} is not a date: ${String(input)}`);
  return date;
}

/** `SOURCE_DATE_EPOCH` (reproducible-builds.org/specs/source-date-epoch), when set and valid. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | null {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return null;
  if (!/^\d+$/.test(raw.trim())) throw new BriefsError('E_CONFIG_INVALID', `SOURCE_DATE_EPOCH is not a whole number of seconds: ${raw}`);
  return new Date(Number(raw.trim()) * 1000);
}

/** The latest `published`/`updated` date of the inputs, or null. */
export function latestInputDate(briefs: readonly Brief[]): Date | null {
  let best: Date | null = null;
  for (const brief of briefs) {
    for (const raw of [brief.meta.published, brief.meta.updated]) {
      if (!raw) continue;
      const date = new Date(raw);
      if (!Number.isNaN(date.getTime()) && (!best || date > best)) best = date;
    }
  }
  return best;
}

/**
 * The date written into the PDF (`CreationDate`, `ModDate`) and shown on a pack cover. Never the
 * clock: an explicit option, else SOURCE_DATE_EPOCH, else the newest input date, else the epoch.
 * `shown` is false when nothing named a date (the cover then prints none).
 */
export function resolveDocumentDate(explicit: DateInput | undefined, briefs: readonly Brief[]): { date: Date; shown: boolean } {
  if (explicit !== undefined) return { date: toDate(explicit, 'options.date'), shown: true };
  const epoch = sourceDateEpoch();
  if (epoch) return { date: epoch, shown: true };
  const latest = latestInputDate(briefs);
  if (latest) return { date: latest, shown: true };
  return { date: new Date(0), shown: false };
}

/** `7 November 2019`, `November 2019` or `2019` from an ISO 8601 date of any precision (UTC). */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y ?? iso;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export const formatDate = (date: Date): string => formatIsoDate(date.toISOString().slice(0, 10));
