import type { Claim, Figure, FigureKind } from '@briefs/ast';
import { type BarRow, horizontalBarChart } from './bar-config.js';
import { describeUnit, formatFigureValue } from './format-value.js';
import { excerptsFor, idPart, joinList, plural, truncate, wrapLabel } from './text.js';
import type { ChartKind, ChartSpec, ChartTheme, ValueFormat } from './types.js';

/** A figure with where it was found; `docTitle` is set in packs. */
export interface FigureItem {
  figure: Figure & { value: number };
  claim: Claim;
  /** Position of the document in the pack (0 for a single brief), to order ties. */
  docIndex: number;
  docTitle?: string;
}

export interface FigureGroup {
  format: ValueFormat;
  items: FigureItem[];
}

/**
 * Kinds compared on one axis, in the order the charts come. Ordinals ("third largest") are ranks,
 * not quantities, and never charted.
 */
const KIND_ORDER: readonly FigureKind[] = ['money', 'percent', 'count', 'measure'];

/** Log scale when the largest value is more than this many times the smallest. */
export const LOG_SCALE_SPAN = 100;

function groupKey(format: ValueFormat): string {
  return `${format.kind}:${format.unit ?? ''}`;
}

/**
 * Figures that can share an axis: same kind and unit (money per currency, measures per unit, all
 * percentages, all counts). Figures without a value are left out, and so are repeats of the same
 * value about the same thing (a figure restated later in the text).
 */
export function groupFigures(items: readonly FigureItem[]): FigureGroup[] {
  const groups = new Map<string, FigureGroup>();
  const seen = new Set<string>();
  for (const item of items) {
    const { figure } = item;
    if (!KIND_ORDER.includes(figure.kind) || !Number.isFinite(figure.value)) continue;
    const unit = figure.kind === 'count' ? null : (figure.unit ?? null);
    const format: ValueFormat = { kind: figure.kind, unit: figure.kind === 'percent' ? '%' : unit };
    const key = groupKey(format);
    const dedupe = `${item.docIndex}|${key}|${figure.value}|${figure.valueMax ?? ''}|${(figure.subject ?? '').toLowerCase()}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    let group = groups.get(key);
    if (!group) {
      group = { format, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => {
    const k = KIND_ORDER.indexOf(a.format.kind as FigureKind) - KIND_ORDER.indexOf(b.format.kind as FigureKind);
    if (k !== 0) return k;
    const au = a.format.unit ?? '';
    const bu = b.format.unit ?? '';
    return au < bu ? -1 : au > bu ? 1 : 0;
  });
}

/** Title words for a group: "money (USD)", "percentages", "counts", "measures (km)". */
export function groupName(format: ValueFormat): string {
  switch (format.kind) {
    case 'money':
      return `money (${format.unit ?? 'unknown currency'})`;
    case 'percent':
      return 'percentages';
    case 'count':
      return 'counts';
    default:
      return `measures (${format.unit ? describeUnit(format) : 'no unit'})`;
  }
}

/**
 * `items` largest first; ties in reading order (document, then claim: `c2` before `c10`, by the
 * number in its id, then where the figure is in it) so the choice is stable. Each claim id's
 * number is found once, not at every comparison: a pack's group holds thousands of figures, many
 * of equal value.
 */
function sortedByValueDesc(items: readonly FigureItem[]): FigureItem[] {
  const keyed = items.map((item) => ({ item, id: Number(item.claim.id.replace(/\D+/g, '')) }));
  keyed.sort(
    (a, b) =>
      b.item.figure.value - a.item.figure.value ||
      a.item.docIndex - b.item.docIndex ||
      a.id - b.id ||
      (a.item.claim.id < b.item.claim.id ? -1 : a.item.claim.id > b.item.claim.id ? 1 : 0) ||
      a.item.figure.range[0] - b.item.figure.range[0],
  );
  return keyed.map((k) => k.item);
}

export interface FigureChartInput {
  idPrefix: string;
  kind: Extract<ChartKind, 'figures' | 'pack-figures'>;
  group: FigureGroup;
  theme: ChartTheme;
  width: number;
  maxItems: number;
  /** Distinct documents a pack chart needs before it is worth drawing. */
  minDocuments: number;
  /** In a pack, at most this many bars from one document while others have figures to show. */
  maxPerDocument?: number;
}

/**
 * The `max` largest figures; with `perDocument`, no document takes more than that many rows while
 * another document still has figures left — a pack chart compares documents, and one article full
 * of large numbers would otherwise fill it. Rows freed that way go back to the largest left over.
 */
function pickLargest(items: readonly FigureItem[], max: number, perDocument?: number): FigureItem[] {
  const sorted = sortedByValueDesc(items);
  if (perDocument === undefined) return sorted.slice(0, max);
  // Positions in `sorted` of the rows taken, and of those passed over for their document's sake.
  const taken: number[] = [];
  const skipped: number[] = [];
  const perDoc = new Map<number, number>();
  for (let i = 0; i < sorted.length && taken.length < max; i++) {
    const doc = sorted[i]!.docIndex;
    const n = perDoc.get(doc) ?? 0;
    if (n < perDocument) {
      taken.push(i);
      perDoc.set(doc, n + 1);
    } else skipped.push(i);
  }
  for (const i of skipped) {
    if (taken.length === max) break;
    taken.push(i);
  }
  return taken.sort((a, b) => a - b).map((i) => sorted[i]!);
}

/**
 * One bar chart of a comparable group, largest values first. Left out (null) when fewer than two
 * figures have a value, when they all have the same value, or — in a pack — when they all come from
 * one document.
 */
export function figureChart(input: FigureChartInput): ChartSpec | null {
  const { group, theme } = input;
  if (group.items.length < 2) return null;
  const docs = new Set(group.items.map((i) => i.docIndex));
  if (docs.size < input.minDocuments) return null;
  // Bars all of one length compare nothing.
  if (new Set(group.items.map((i) => i.figure.value)).size < 2) return null;
  const chosen = pickLargest(group.items, input.maxItems, input.maxPerDocument);
  const values = chosen.map((i) => i.figure.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const logarithmic = min > 0 && max / min > LOG_SCALE_SPAN;
  const excerpts = excerptsFor(
    chosen,
    (i) => ({ key: `${i.docIndex}|${i.claim.id}`, text: i.claim.text, range: i.figure.range }),
    64,
    40,
  );
  const rows: BarRow[] = chosen.map((item, index) => {
    const { figure } = item;
    const excerpt = excerpts[index]!;
    const label = wrapLabel(excerpt, 32, 2);
    if (item.docTitle !== undefined) label.push(`(${truncate(item.docTitle, 32)})`);
    return {
      label,
      value: figure.value,
      valueLabel: formatFigureValue(figure.value, figure.valueMax, figure.approximate, group.format),
    };
  });
  const name = groupName(group.format);
  const title = input.kind === 'pack-figures' ? `Figures across documents: ${name}` : `Key figures: ${name}`;
  const { config, width, height } = horizontalBarChart({
    rows,
    series: [{ label: name, colour: theme.accent }],
    scale: logarithmic ? 'logarithmic' : 'linear',
    theme,
    width: input.width,
    title,
    integer: group.format.kind === 'count',
    // Log bars grow from the axis minimum: start it at the power of ten below the smallest value,
    // so the smallest bar has a visible length.
    ...(logarithmic ? { min: 10 ** Math.floor(Math.log10(min)) } : {}),
  });
  const listed = chosen.slice(0, 4).map((item, i) => {
    const what = truncate(excerpts[i]!, 48);
    const from = item.docTitle !== undefined ? `, ${truncate(item.docTitle, 40)}` : '';
    return `${rows[i]!.valueLabel} (${what}${from})`;
  });
  const list = chosen.length > 4 ? `${listed.join(', ')} and ${chosen.length - 4} more` : joinList(listed);
  const scope =
    input.kind === 'pack-figures' ? ` from ${plural(new Set(chosen.map((c) => c.docIndex)).size, 'document')}` : '';
  const alt =
    `Bar chart of ${plural(chosen.length, 'figure')} in ${describeUnit(group.format)}${scope}, largest first: ` +
    `${list}.` +
    (logarithmic ? ` The scale is logarithmic because the values span more than ${LOG_SCALE_SPAN} times.` : '');
  const unit = group.format.kind === 'percent' ? '' : group.format.unit ? `-${idPart(group.format.unit)}` : '';
  return {
    id: `${input.idPrefix}-figures-${group.format.kind}${unit}`,
    kind: input.kind,
    title,
    alt,
    width,
    height,
    format: group.format,
    config,
  };
}

/** Narrow a figure to one with a finite value. */
export function hasValue(figure: Figure): figure is Figure & { value: number } {
  return typeof figure.value === 'number' && Number.isFinite(figure.value);
}
