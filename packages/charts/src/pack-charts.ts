import type { Brief } from '@briefs/ast';
import { claimsWithSection } from '@briefs/ast';
import { chartWidth, DEFAULT_MAX_ITEMS, maxItems } from './brief-charts.js';
import { documentsByChart } from './documents-chart.js';
import { type FigureItem, figureChart, groupFigures, hasValue } from './figures-chart.js';
import { resolveTheme } from './theme.js';
import { type DateItem, timelineChart } from './timeline-chart.js';
import type { ChartOptions, ChartSpec } from './types.js';

/** At most this many figure groups (the largest) on the pack's "at a glance" pages. */
const MAX_PACK_FIGURE_GROUPS = 4;

/** Bars one document may take in a pack figure chart while others have figures to show. */
const MAX_FIGURES_PER_DOCUMENT = 3;

function docTitle(brief: Brief): string {
  return brief.meta.title.trim() || brief.id;
}

/**
 * The cross-document charts of a pack, in order: figures across documents (one chart per
 * comparable group found in at least two documents, at most four groups, the biggest first), one
 * combined timeline, and documents by region and by topic. Labels name the document each figure or
 * event comes from. Pure; charts with nothing to show are left out.
 */
export function packCharts(briefs: readonly Brief[], options?: ChartOptions): ChartSpec[] {
  const theme = resolveTheme(options?.theme);
  const width = chartWidth(options);
  const specs: ChartSpec[] = [];

  const figures: FigureItem[] = [];
  const dates: DateItem[] = [];
  briefs.forEach((brief, docIndex) => {
    const title = docTitle(brief);
    // One walk over the claims for both kinds, each in reading order.
    for (const { claim } of claimsWithSection(brief)) {
      for (const node of claim.children) {
        if (node.type === 'figure') {
          if (hasValue(node)) figures.push({ figure: node, claim, docIndex, docTitle: title });
        } else if (node.type === 'date') dates.push({ date: node, claim, docIndex, docTitle: title });
      }
    }
  });

  const groups = groupFigures(figures)
    .map((group, order) => ({ group, order, docs: new Set(group.items.map((i) => i.docIndex)).size }))
    .filter((g) => g.docs >= 2)
    // Biggest groups first for the cut, then back to the usual kind order for reading.
    .sort((a, b) => b.group.items.length - a.group.items.length || a.order - b.order)
    .slice(0, MAX_PACK_FIGURE_GROUPS)
    .sort((a, b) => a.order - b.order);
  for (const { group } of groups) {
    const spec = figureChart({
      idPrefix: 'pack',
      kind: 'pack-figures',
      group,
      theme,
      width,
      maxItems: maxItems(options, DEFAULT_MAX_ITEMS.packFigures),
      minDocuments: 2,
      maxPerDocument: MAX_FIGURES_PER_DOCUMENT,
    });
    if (spec) specs.push(spec);
  }

  const timeline = timelineChart({
    id: 'pack-timeline',
    kind: 'pack-timeline',
    items: dates,
    theme,
    width,
    maxItems: maxItems(options, DEFAULT_MAX_ITEMS.packTimeline),
  });
  if (timeline) specs.push(timeline);

  for (const field of ['regions', 'topics'] as const) {
    const spec = documentsByChart(briefs, field, theme, width, maxItems(options, DEFAULT_MAX_ITEMS.packDocuments));
    if (spec) specs.push(spec);
  }
  return specs;
}
