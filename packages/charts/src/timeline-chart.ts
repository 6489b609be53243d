import type { Claim, DateNode } from '@briefs/ast';
import { type BarRow, horizontalBarChart } from './bar-config.js';
import { formatIsoDate, type Period, parsePeriod } from './iso-period.js';
import { excerptsFor, plural, truncate, wrapLabel } from './text.js';
import type { ChartKind, ChartSpec, ChartTheme } from './types.js';

export interface DateItem {
  date: DateNode;
  claim: Claim;
  docIndex: number;
  docTitle?: string;
}

interface Event extends DateItem {
  period: Period;
  order: number;
}

/**
 * Dated events in time order, one per (document, claim, date value): a sentence that repeats a date
 * is one event. Dates that are not ISO 8601 are skipped.
 */
export function timelineEvents(items: readonly DateItem[]): Event[] {
  const seen = new Set<string>();
  const events: Event[] = [];
  // A pack repeats the same values ("2024") thousands of times: each is parsed once.
  const periods = new Map<string, Period | null>();
  items.forEach((item, order) => {
    let period = periods.get(item.date.value);
    if (period === undefined) {
      period = parsePeriod(item.date.value);
      periods.set(item.date.value, period);
    }
    if (!period) return;
    const key = `${item.docIndex}|${item.claim.id}|${item.date.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    const event: Event = { date: item.date, claim: item.claim, docIndex: item.docIndex, period, order };
    if (item.docTitle !== undefined) event.docTitle = item.docTitle;
    events.push(event);
  });
  return events.sort((a, b) => a.period.start - b.period.start || a.period.end - b.period.end || a.order - b.order);
}

/** `k` items spread evenly over a sorted list, first and last included. */
export function spread<T>(list: readonly T[], k: number): T[] {
  if (list.length <= k) return [...list];
  if (k <= 1) return list.slice(0, Math.max(0, k));
  const out: T[] = [];
  for (let i = 0; i < k; i++) out.push(list[Math.round((i * (list.length - 1)) / (k - 1))]!);
  return out;
}

const DAY = 86_400_000;

/**
 * Ends of the time axis: the chosen events' span with a margin of 4% each side (at least a day),
 * so the first and last bars do not sit on the frame. Fixed here rather than left to chart.js,
 * which otherwise stretches the axis to include 1970 (time 0) for floating bars.
 */
function timeBounds(events: readonly Event[]): { min: number; max: number } {
  const start = Math.min(...events.map((e) => e.period.start));
  const end = Math.max(...events.map((e) => e.period.end));
  const margin = Math.max(DAY, Math.round((end - start) * 0.04));
  return { min: start - margin, max: end + margin };
}

export interface TimelineInput {
  id: string;
  kind: Extract<ChartKind, 'timeline' | 'pack-timeline'>;
  items: readonly DateItem[];
  theme: ChartTheme;
  width: number;
  maxItems: number;
}

/**
 * Dated events on a time axis, each a bar over the span its date covers (a year, a month, a day, an
 * interval) and labelled with an excerpt of its claim. Left out (null) when fewer than two
 * different dates are found: one point in time is not a timeline. When there are more events than
 * `maxItems`, an even spread over time is shown, earliest and latest included.
 */
export function timelineChart(input: TimelineInput): ChartSpec | null {
  const events = timelineEvents(input.items);
  if (new Set(events.map((e) => e.date.value)).size < 2) return null;
  const chosen = spread(events, input.maxItems);
  const excerpts = excerptsFor(
    chosen,
    (e) => ({ key: `${e.docIndex}|${e.claim.id}`, text: e.claim.text, range: e.date.range }),
    64,
    40,
  );
  const rows: BarRow[] = chosen.map((e, index) => {
    const label = wrapLabel(excerpts[index]!, 34, 2);
    if (e.docTitle !== undefined) label.push(`(${truncate(e.docTitle, 34)})`);
    return { label, value: [e.period.start, e.period.end], valueLabel: formatIsoDate(e.date.value) };
  });
  const title = input.kind === 'pack-timeline' ? 'Timeline across documents' : 'Timeline of dated events';
  const { config, width, height } = horizontalBarChart({
    rows,
    series: [{ label: 'Events', colour: input.theme.accent }],
    scale: 'time',
    theme: input.theme,
    width: input.width,
    title,
    ...timeBounds(chosen),
  });
  const first = chosen[0]!;
  const last = chosen[chosen.length - 1]!;
  const describe = (index: number): string =>
    `${formatIsoDate(chosen[index]!.date.value)}, “${truncate(excerpts[index]!, 64)}”`;
  const shown = chosen.length < events.length ? ` (${chosen.length} of ${events.length} shown)` : '';
  const alt =
    `Timeline of ${plural(events.length, 'dated event')}${shown} from ` +
    `${formatIsoDate(first.date.value)} to ${formatIsoDate(last.date.value)}. ` +
    `Earliest: ${describe(0)}; latest: ${describe(chosen.length - 1)}.`;
  return { id: input.id, kind: input.kind, title, alt, width, height, config };
}
