import type { Brief } from '@briefs/ast';
import { horizontalBarChart } from './bar-config.js';
import { isMeaningfulRanking, rankCounts } from './ranking.js';
import { joinList, plural, wrapLabel } from './text.js';
import type { ChartSpec, ChartTheme } from './types.js';

/**
 * Documents of a pack counted by a metadata list (`meta.regions` or `meta.topics`): each document
 * counts once per distinct value. Left out (null) when fewer than two values are found or none is
 * shared by two documents.
 */
export function documentsByChart(
  briefs: readonly Brief[],
  field: 'regions' | 'topics',
  theme: ChartTheme,
  width: number,
  maxItems: number,
): ChartSpec | null {
  const counts = new Map<string, number>();
  for (const brief of briefs) {
    const values = new Set((brief.meta[field] ?? []).map((v) => v.replace(/\s+/g, ' ').trim()).filter((v) => v !== ''));
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const ranked = rankCounts(counts, maxItems);
  if (!isMeaningfulRanking(ranked)) return null;
  const word = field === 'regions' ? 'region' : 'topic';
  const title = `Documents by ${word}`;
  const { config, height } = horizontalBarChart({
    rows: ranked.map(([name, n]) => ({ label: wrapLabel(name, 30, 2), value: n, valueLabel: String(n) })),
    series: [{ label: 'Documents', colour: theme.accent }],
    scale: 'linear',
    theme,
    width,
    title,
    integer: true,
  });
  const shown = ranked.slice(0, 6).map(([name, n]) => `${name} ${n}`);
  const rest = counts.size - shown.length;
  const list = rest > 0 ? `${shown.join(', ')} and ${plural(rest, `other ${word}`)}` : joinList(shown);
  const alt = `Bar chart of the ${plural(briefs.length, 'document')} by ${word}, most first: ${list}.`;
  return {
    id: `pack-${field}`,
    kind: field === 'regions' ? 'pack-regions' : 'pack-topics',
    title,
    alt,
    width,
    height,
    format: { kind: 'count', unit: null },
    config,
  };
}
