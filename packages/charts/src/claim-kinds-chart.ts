import type { Brief, ClaimKind } from '@briefs/ast';
import { claimsWithSection } from '@briefs/ast';
import { horizontalBarChart } from './bar-config.js';
import { joinList, plural } from './text.js';
import type { ChartSpec, ChartTheme } from './types.js';

const KINDS: ReadonlyArray<readonly [ClaimKind, string, string]> = [
  ['statement', 'Statements', 'statement'],
  ['attributed', 'Attributed claims', 'attributed claim'],
  ['forecast', 'Forecasts', 'forecast'],
  ['recommendation', 'Recommendations', 'recommendation'],
];

/** Claims of a brief counted by kind, in the fixed order statement, attributed, forecast, recommendation. */
export function countClaimKinds(brief: Brief): Map<ClaimKind, number> {
  const counts = new Map<ClaimKind, number>(KINDS.map(([k]) => [k, 0]));
  for (const { claim } of claimsWithSection(brief)) {
    if (counts.has(claim.kind)) counts.set(claim.kind, (counts.get(claim.kind) ?? 0) + 1);
  }
  return counts;
}

/**
 * The mix of claim kinds: how much of the text reports, cites, predicts and recommends. Left out
 * (null) when all claims are of one kind (or there are none): a single bar says nothing.
 */
export function claimKindsChart(brief: Brief, theme: ChartTheme, width: number): ChartSpec | null {
  const counts = countClaimKinds(brief);
  const present = KINDS.filter(([k]) => (counts.get(k) ?? 0) > 0);
  if (present.length < 2) return null;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rows = KINDS.map(([k, label]) => {
    const n = counts.get(k) ?? 0;
    return { label: [label], value: n, valueLabel: `${n} (${Math.round((n / total) * 100)}%)` };
  });
  const title = 'Kinds of claims';
  const { config, height } = horizontalBarChart({
    rows,
    series: [{ label: 'Claims', colour: theme.accent }],
    scale: 'linear',
    theme,
    width,
    title,
    integer: true,
  });
  const parts = KINDS.map(([k, , one]) => plural(counts.get(k) ?? 0, one));
  const alt = `Bar chart of the kinds of the ${plural(total, 'claim')} in the text: ${joinList(parts)}.`;
  return {
    id: `${brief.id}-claim-kinds`,
    kind: 'claim-kinds',
    title,
    alt,
    width,
    height,
    format: { kind: 'count', unit: null },
    config,
  };
}
