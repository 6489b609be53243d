import type { Brief, EntityKind } from '@briefs/ast';
import { inlinesOf } from '@briefs/ast';
import { type BarRow, type BarSeries, horizontalBarChart } from './bar-config.js';
import { isMeaningfulRanking, rankCounts } from './ranking.js';
import { joinList, plural, wrapLabel } from './text.js';
import { seriesColour } from './theme.js';
import type { ChartSpec, ChartTheme } from './types.js';

type Charted = Extract<EntityKind, 'place' | 'organization'>;
const CHARTED: readonly Charted[] = ['place', 'organization'];
const KIND_WORDS: Record<Charted, { one: string; many: string }> = {
  place: { one: 'place', many: 'Places' },
  organization: { one: 'organisation', many: 'Organisations' },
};

/**
 * Mentions of places and organisations by canonical name (`entity.name`, so "U.S." and "United
 * States" count together). A name tagged with both kinds goes to the kind it has most often.
 */
export function countEntities(brief: Brief): Map<string, { count: number; kind: Charted }> {
  const byName = new Map<string, { count: number; kinds: Record<Charted, number> }>();
  for (const { node } of inlinesOf(brief, 'entity')) {
    if (node.kind !== 'place' && node.kind !== 'organization') continue;
    const name = (node.name || node.text).replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    let entry = byName.get(name);
    if (!entry) {
      entry = { count: 0, kinds: { place: 0, organization: 0 } };
      byName.set(name, entry);
    }
    entry.count++;
    entry.kinds[node.kind]++;
  }
  const out = new Map<string, { count: number; kind: Charted }>();
  for (const [name, e] of byName) {
    out.set(name, { count: e.count, kind: e.kinds.organization > e.kinds.place ? 'organization' : 'place' });
  }
  return out;
}

/**
 * The places and organisations mentioned most, top `maxItems`. Left out (null) when fewer than two
 * names are found or none is mentioned more than once.
 */
export function entitiesChart(brief: Brief, theme: ChartTheme, width: number, maxItems: number): ChartSpec | null {
  const counts = countEntities(brief);
  const ranked = rankCounts(new Map([...counts].map(([name, e]) => [name, e.count])), maxItems);
  if (!isMeaningfulRanking(ranked)) return null;
  const kinds = CHARTED.filter((k) => ranked.some(([name]) => counts.get(name)?.kind === k));
  const series: BarSeries[] = kinds.map((k) => ({ label: KIND_WORDS[k].many, colour: seriesColour(theme, CHARTED.indexOf(k)) }));
  const rows: BarRow[] = ranked.map(([name, n]) => ({
    label: wrapLabel(name, 30, 2),
    value: n,
    valueLabel: String(n),
    series: kinds.indexOf(counts.get(name)?.kind ?? 'place'),
  }));
  const title =
    kinds.length === 2 ? 'Places and organisations most mentioned' : `${KIND_WORDS[kinds[0] ?? 'place'].many} most mentioned`;
  const { config, height } = horizontalBarChart({ rows, series, scale: 'linear', theme, width, title, integer: true });
  const listed = ranked.slice(0, 5).map(
    ([name, n]) => `${name} (${plural(n, 'mention')}, ${KIND_WORDS[counts.get(name)?.kind ?? 'place'].one})`,
  );
  const list = ranked.length > 5 ? `${listed.join(', ')} and ${ranked.length - 5} more` : joinList(listed);
  const alt = `Bar chart of the ${plural(ranked.length, 'name')} mentioned most, most first: ${list}.`;
  return {
    id: `${brief.id}-entities`,
    kind: 'entities',
    title,
    alt,
    width,
    height,
    format: { kind: 'count', unit: null },
    config,
  };
}
