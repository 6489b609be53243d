import type { Brief } from '@briefs/ast';
import { inlinesOf } from '@briefs/ast';
import { claimKindsChart } from './claim-kinds-chart.js';
import { entitiesChart } from './entities-chart.js';
import { type FigureItem, figureChart, groupFigures, hasValue } from './figures-chart.js';
import { resolveTheme } from './theme.js';
import { timelineChart } from './timeline-chart.js';
import type { ChartOptions, ChartSpec } from './types.js';

/** Default chart width in px: about the text width of an A4 page with 56 pt margins. */
export const DEFAULT_WIDTH = 480;

/** Default caps on rows per chart. */
export const DEFAULT_MAX_ITEMS = {
  figures: 10,
  timeline: 12,
  entities: 8,
  packFigures: 8,
  packTimeline: 10,
  packDocuments: 12,
} as const;

export function chartWidth(options: ChartOptions | undefined): number {
  const w = options?.width;
  return typeof w === 'number' && Number.isFinite(w) && w >= 200 && w <= 2000 ? Math.round(w) : DEFAULT_WIDTH;
}

export function maxItems(options: ChartOptions | undefined, fallback: number): number {
  const m = options?.maxItems;
  return typeof m === 'number' && Number.isInteger(m) && m >= 2 ? m : fallback;
}

/**
 * The charts of one brief, in reading order: key figures (one chart per comparable group), the
 * timeline, the mix of claim kinds, and the places and organisations most mentioned. A pure
 * function of the AST: same brief and options, same specs. Charts with nothing to show are left
 * out, so the list may be empty.
 */
export function briefCharts(brief: Brief, options?: ChartOptions): ChartSpec[] {
  const theme = resolveTheme(options?.theme);
  const width = chartWidth(options);
  const specs: ChartSpec[] = [];

  const figures: FigureItem[] = [];
  for (const { node, claim } of inlinesOf(brief, 'figure')) {
    if (hasValue(node)) figures.push({ figure: node, claim, docIndex: 0 });
  }
  for (const group of groupFigures(figures)) {
    const spec = figureChart({
      idPrefix: brief.id,
      kind: 'figures',
      group,
      theme,
      width,
      maxItems: maxItems(options, DEFAULT_MAX_ITEMS.figures),
      minDocuments: 1,
    });
    if (spec) specs.push(spec);
  }

  const timeline = timelineChart({
    id: `${brief.id}-timeline`,
    kind: 'timeline',
    items: inlinesOf(brief, 'date').map(({ node, claim }) => ({ date: node, claim, docIndex: 0 })),
    theme,
    width,
    maxItems: maxItems(options, DEFAULT_MAX_ITEMS.timeline),
  });
  if (timeline) specs.push(timeline);

  const kinds = claimKindsChart(brief, theme, width);
  if (kinds) specs.push(kinds);

  const entities = entitiesChart(brief, theme, width, maxItems(options, DEFAULT_MAX_ITEMS.entities));
  if (entities) specs.push(entities);

  return specs;
}
