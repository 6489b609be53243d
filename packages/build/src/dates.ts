import { BriefsError } from '@briefs/ast';

/**
 * Reproducible builds never read the clock (reproducible-builds.org, SOURCE_DATE_EPOCH): dates
 * written into outputs come from `SOURCE_DATE_EPOCH` when set, else from the documents
 * themselves, else the Unix epoch.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return null;
  if (!/^\d+$/.test(raw)) throw new BriefsError('E_USAGE', `SOURCE_DATE_EPOCH must be whole seconds, not '${raw}'`);
  return Number(raw);
}

/** Latest of ISO dates (`2019`, `2019-10`, `2019-10-27`, with or without time), as a Date. */
export function latestDate(values: Iterable<string | null | undefined>): Date | null {
  let best: number | null = null;
  for (const value of values) {
    if (!value) continue;
    const time = Date.parse(/^\d{4}$/.test(value) ? `${value}-01-01` : /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value);
    if (Number.isFinite(time) && (best === null || time > best)) best = time;
  }
  return best === null ? null : new Date(best);
}

/** The creation date of a brief's PDF. */
export function briefDate(epoch: number | null, meta: { published: string | null; updated: string | null } | undefined): Date {
  if (epoch !== null) return new Date(epoch * 1000);
  return latestDate([meta?.updated, meta?.published]) ?? new Date(0);
}
