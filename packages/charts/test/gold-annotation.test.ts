import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import type { Claim } from '@briefs/ast';
import { briefCharts, renderChartSvgSync } from '../src/index.js';
import { brief } from './fixtures.js';

// The hand annotation of the reference article: its figures and dates, each given a claim of its
// own words. Read from the shared folder at test time; nothing of it is copied into the repo.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const shared = process.env.BRIEFS_SHARED ?? path.resolve(repoRoot, '../shared');
const gold = JSON.parse(readFileSync(path.join(shared, 'spec/00-winep-counter-isis-coalition.gold.json'), 'utf8')) as {
  figures: Array<{ text: string; value: number | null; kind: string; unit: string | null; subject: string | null; approximate: boolean; valueMax?: number | null }>;
  dates: Array<{ text: string; value: string; precision: 'year' | 'month' | 'day' }>;
};

function goldBrief() {
  const claims: Claim[] = [
    ...gold.figures.map((f, i) => ({
      type: 'claim' as const, id: '', kind: 'statement' as const, text: f.text, source: null, hedge: null,
      children: [{
        type: 'figure' as const, id: `f${i}`, range: [0, f.text.length] as [number, number], text: f.text, value: f.value,
        kind: f.kind as 'count', unit: f.unit, approximate: f.approximate, valueMax: f.valueMax ?? null, subject: f.subject,
      }],
    })),
    ...gold.dates.map((d, i) => ({
      type: 'claim' as const, id: '', kind: 'statement' as const, text: d.text, source: null, hedge: null,
      children: [{ type: 'date' as const, id: `d${i}`, range: [0, d.text.length] as [number, number], text: d.text, value: d.value, precision: d.precision }],
    })),
  ];
  return brief('00-winep-counter-isis-coalition', claims, { published: '2019-11-07' });
}

test('the reference article annotation: comparable groups only, largest first, log scale, timeline', () => {
  const specs = briefCharts(goldBrief());
  const kinds = specs.map((s) => s.id.replace('00-winep-counter-isis-coalition-', ''));
  // Single figures in a unit (one dollar amount, one distance, one duration) make no chart.
  const groups = new Map<string, number>();
  for (const f of gold.figures) {
    if (f.value === null || f.kind === 'ordinal') continue;
    const key = f.kind === 'count' ? 'count' : f.kind === 'percent' ? 'percent' : `${f.kind}-${(f.unit ?? '').toLowerCase()}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const expected = [...groups].filter(([, n]) => n >= 2).map(([k]) => `figures-${k}`);
  expect(kinds.filter((k) => k.startsWith('figures-'))).toEqual(expected);

  const counts = specs.find((s) => s.id.endsWith('figures-count'))!;
  const data = counts.config.data.datasets[0]!.data as number[];
  expect(data).toEqual([...data].sort((a, b) => b - a));
  const values = gold.figures.filter((f) => f.kind === 'count' && f.value !== null).map((f) => f.value!);
  expect(data[0]).toBe(Math.max(...values));
  const x = (counts.config.options as unknown as { scales: Record<string, { type: string }> }).scales.x!;
  expect(x.type).toBe(Math.max(...values) / Math.min(...values) > 100 ? 'logarithmic' : 'linear');

  const timeline = specs.find((s) => s.kind === 'timeline')!;
  const distinct = new Set(gold.dates.map((d) => d.value)).size;
  expect(timeline.config.data.datasets[0]!.data.length).toBe(Math.min(12, distinct));
  expect(timeline.alt).toMatch(/^Timeline of \d+ dated events/);
  const svg = renderChartSvgSync(timeline);
  expect(svg).toContain('</text>');
});
