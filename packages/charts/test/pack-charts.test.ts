import type { ChartSpec } from '../src/index.js';
import { describe, expect, test } from 'vitest';
import { packCharts } from '../src/index.js';
import { brief, claim, richBrief } from './fixtures.js';

const valueLabels = (spec: ChartSpec) =>
  (spec.config.options as unknown as { plugins: Record<string, { labels: Array<Array<string | null>> }> }).plugins.briefsValueLabels!.labels;
const labelsOf = (spec: ChartSpec) => spec.config.data.labels as string[][];

function second() {
  return brief(
    'second',
    [
      claim('The ministry asked for $1.2 billion in 2020.', [
        { type: 'figure', text: '$1.2 billion', value: 1.2e9, kind: 'money', unit: 'USD' },
        { type: 'date', text: '2020', value: '2020' },
      ]),
      claim('Talks resumed on 3 March 2021 in Geneva.', [
        { type: 'date', text: '3 March 2021', value: '2021-03-03' },
        { type: 'entity', text: 'Geneva', kind: 'place' },
      ]),
    ],
    { title: 'Second document', regions: ['Syria', 'Europe'], topics: ['Energy', 'Terrorism'] },
  );
}

describe('packCharts', () => {
  const first = richBrief('first');
  first.meta.title = 'First document';
  first.meta.regions = ['Syria', 'Iraq'];
  first.meta.topics = ['Terrorism'];
  const specs = packCharts([first, second()]);

  test('figures across documents, one timeline, documents by region and topic', () => {
    expect(specs.map((s) => s.id)).toEqual(['pack-figures-money-usd', 'pack-timeline', 'pack-regions', 'pack-topics']);
  });

  test('figure groups need figures from two documents; labels name the document', () => {
    const money = specs[0]!;
    expect(money.title).toBe('Figures across documents: money (USD)');
    expect(valueLabels(money)[0]).toEqual(['$1.2B', '$400M', '~$50M', '$2.5M']);
    expect(labelsOf(money)[0]!.at(-1)).toBe('(Second document)');
    expect(money.alt).toContain('from 2 documents');
    // Percentages and counts come from the first document only.
    expect(specs.some((s) => s.id === 'pack-figures-percent')).toBe(false);
  });

  test('one combined timeline in time order across documents', () => {
    const t = specs[1]!;
    expect(valueLabels(t)[0]).toEqual(['Sep 2014', '2015', '2018', 'Mar 2019', '27 Oct 2019', '14 Nov 2019', '2020', '3 Mar 2021']);
    expect(labelsOf(t)[7]!.at(-1)).toBe('(Second document)');
  });

  test('documents by region and topic, shared values first', () => {
    const regions = specs[2]!;
    expect(labelsOf(regions).map((l) => l.join(' '))).toEqual(['Syria', 'Europe', 'Iraq']);
    expect(regions.config.data.datasets[0]!.data).toEqual([2, 1, 1]);
    expect(regions.alt).toBe('Bar chart of the 2 documents by region, most first: Syria 2, Europe 1 and Iraq 1.');
    expect(specs[3]!.config.data.datasets[0]!.data).toEqual([2, 1]);
  });

  test('region and topic charts are left out when no value is shared', () => {
    const a = brief('a', [], { regions: ['Iraq'], topics: ['Energy'] });
    const b = brief('b', [], { regions: ['Syria'], topics: ['Energy', 'Water'] });
    // Regions: each once. Topics: Energy twice, Water once.
    expect(packCharts([a, brief('c', [], { topics: ['Energy'] })])).toEqual([]);
    expect(packCharts([a, b]).map((s) => s.id)).toEqual(['pack-topics']);
  });

  test('one document full of large figures does not fill the chart', () => {
    const big = brief(
      'big',
      Array.from({ length: 8 }, (_, i) =>
        claim(`Plan ${i} costs $${i + 10} billion.`, [
          { type: 'figure', text: `$${i + 10} billion`, value: (i + 10) * 1e9, kind: 'money', unit: 'USD' },
        ]),
      ),
      { title: 'Big' },
    );
    const small = brief(
      'small',
      [
        claim('A grant of $2 million.', [{ type: 'figure', text: '$2 million', value: 2e6, kind: 'money', unit: 'USD' }]),
        claim('A loan of $5 million.', [{ type: 'figure', text: '$5 million', value: 5e6, kind: 'money', unit: 'USD' }]),
      ],
      { title: 'Small' },
    );
    const money = packCharts([big, small])[0]!;
    // Three from the big document, both of the small one, then the big one's next largest.
    expect(valueLabels(money)[0]).toEqual(['$17B', '$16B', '$15B', '$14B', '$13B', '$12B', '$5M', '$2M']);
    const two = packCharts([big, small], { maxItems: 5 })[0]!;
    expect(valueLabels(two)[0]).toEqual(['$17B', '$16B', '$15B', '$5M', '$2M']);
  });

  test('a pack of one brief has no cross-document figure charts', () => {
    expect(packCharts([richBrief()]).filter((s) => s.kind === 'pack-figures')).toEqual([]);
    expect(packCharts([])).toEqual([]);
  });

  test('deterministic and serialisable', () => {
    expect(JSON.stringify(packCharts([first, second()]))).toBe(JSON.stringify(specs));
  });
});
