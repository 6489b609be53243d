import type { ChartSpec } from '../src/index.js';
import { describe, expect, test } from 'vitest';
import { briefCharts, defaultChartTheme } from '../src/index.js';
import { brief, claim, richBrief } from './fixtures.js';

type Scales = Record<string, { type?: string; min?: number; max?: number }>;
const xScale = (spec: ChartSpec) => (spec.config.options as unknown as { scales: Scales }).scales.x!;
const labelsOf = (spec: ChartSpec) => spec.config.data.labels as string[][];
const valueLabels = (spec: ChartSpec) =>
  (spec.config.options as unknown as { plugins: Record<string, { labels: Array<Array<string | null>> }> }).plugins.briefsValueLabels!.labels;
const byId = (specs: ChartSpec[], id: string) => {
  const spec = specs.find((s) => s.id === id);
  if (!spec) throw new Error(`no chart ${id} in ${specs.map((s) => s.id).join(', ')}`);
  return spec;
};

describe('briefCharts', () => {
  const specs = briefCharts(richBrief());

  test('one chart per comparable figure group, then timeline, claim kinds and entities', () => {
    expect(specs.map((s) => s.id)).toEqual([
      'rich-figures-money-usd',
      'rich-figures-percent',
      'rich-figures-count',
      'rich-timeline',
      'rich-claim-kinds',
      'rich-entities',
    ]);
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
  });

  test('figures: largest first, labelled in their unit, log scale over a 100× span', () => {
    const money = byId(specs, 'rich-figures-money-usd');
    expect(money.title).toBe('Key figures: money (USD)');
    expect(money.format).toEqual({ kind: 'money', unit: 'USD' });
    expect(valueLabels(money)[0]).toEqual(['$400M', '~$50M', '$2.5M']);
    expect(money.config.data.datasets[0]!.data).toEqual([400e6, 50e6, 2.5e6]);
    expect(xScale(money).type).toBe('logarithmic');
    expect(xScale(money).min).toBe(1e6);
    expect(labelsOf(money)[0]!.join(' ')).toContain('$400 million');

    const percent = byId(specs, 'rich-figures-percent');
    expect(valueLabels(percent)[0]).toEqual(['40%', '25%']);
    // Two figures of one sentence: each label is the part of it around its own figure.
    const [first, second] = labelsOf(percent).map((l) => l.join(' '));
    expect(first).toContain('40%');
    expect(first).not.toContain('25%');
    expect(second).toContain('25%');
    expect(first).not.toBe(second);
    expect(xScale(percent).type).toBe('linear');

    const counts = byId(specs, 'rich-figures-count');
    expect(valueLabels(counts)[0]).toEqual(['~11k', '81']);
    expect(xScale(counts).type).toBe('logarithmic'); // 11000 / 81 > 100
  });

  test('a span of exactly 100× stays linear', () => {
    const b = brief('span', [
      claim('A costs $1 million.', [{ type: 'figure', text: '$1 million', value: 1e6, kind: 'money', unit: 'USD' }]),
      claim('B costs $100 million.', [{ type: 'figure', text: '$100 million', value: 100e6, kind: 'money', unit: 'USD' }]),
    ]);
    expect(xScale(byId(briefCharts(b), 'span-figures-money-usd')).type).toBe('linear');
  });

  test('currencies and measure units are never mixed on one axis', () => {
    const b = brief('mixed', [
      claim('Aid of $5 million and €4 million arrived.', [
        { type: 'figure', text: '$5 million', value: 5e6, kind: 'money', unit: 'USD' },
        { type: 'figure', text: '€4 million', value: 4e6, kind: 'money', unit: 'EUR' },
      ]),
      claim('A 30 km zone and a 12 km corridor, and 300 MW of capacity.', [
        { type: 'figure', text: '30 km', value: 30, kind: 'measure', unit: 'km' },
        { type: 'figure', text: '12 km', value: 12, kind: 'measure', unit: 'km' },
        { type: 'figure', text: '300 MW', value: 300, kind: 'measure', unit: 'MW' },
      ]),
    ]);
    // One figure in USD, one in EUR, one in MW: only the km pair makes a chart.
    const ids = briefCharts(b).map((s) => s.id);
    expect(ids).toEqual(['mixed-figures-measure-km']);
    expect(valueLabels(briefCharts(b)[0]!)[0]).toEqual(['30 km', '12 km']);
  });

  test('figures without a value, ordinals and repeats are left out', () => {
    const b = brief('sparse', [
      claim('Thousands of people fled; it is the third largest camp.', [
        { type: 'figure', text: 'Thousands of people', value: null, kind: 'count' },
        { type: 'figure', text: 'third', value: 3, kind: 'ordinal' },
      ]),
      claim('Some 40 countries joined.', [{ type: 'figure', text: '40 countries', value: 40, kind: 'count', subject: 'countries' }]),
      claim('Those 40 countries met again.', [{ type: 'figure', text: '40 countries', value: 40, kind: 'count', subject: 'countries' }]),
    ]);
    expect(briefCharts(b)).toEqual([]);
  });

  test('a group whose figures all have one value is left out', () => {
    const b = brief('same', [
      claim('Eighty-one countries joined.', [{ type: 'figure', text: 'Eighty-one countries', value: 81, kind: 'count', subject: 'countries' }]),
      claim('All eighty-one members met.', [{ type: 'figure', text: 'eighty-one members', value: 81, kind: 'count', subject: 'members' }]),
    ]);
    expect(briefCharts(b)).toEqual([]);
  });

  test('ranges and approximate values show in the labels; bars start at the lower end', () => {
    const b = brief('range', [
      claim('Between 200 and 300 fighters remain.', [
        { type: 'figure', text: 'Between 200 and 300 fighters', value: 200, valueMax: 300, kind: 'count' },
      ]),
      claim('More than 90 fighters left.', [{ type: 'figure', text: 'More than 90 fighters', value: 90, kind: 'count', approximate: true }]),
    ]);
    const spec = briefCharts(b)[0]!;
    expect(valueLabels(spec)[0]).toEqual(['200–300', '~90']);
    expect(spec.config.data.datasets[0]!.data).toEqual([200, 90]);
  });

  test('at most maxItems bars, the largest kept', () => {
    const claims = Array.from({ length: 15 }, (_, i) =>
      claim(`Project ${i} costs $${i + 1} million.`, [
        { type: 'figure', text: `$${i + 1} million`, value: (i + 1) * 1e6, kind: 'money', unit: 'USD' },
      ]),
    );
    const spec = briefCharts(brief('many', claims))[0]!;
    expect(spec.config.data.datasets[0]!.data).toHaveLength(10);
    expect(spec.config.data.datasets[0]!.data[0]).toBe(15e6);
    expect(spec.alt).toContain('and 6 more');
    expect(briefCharts(brief('many', claims), { maxItems: 3 })[0]!.config.data.datasets[0]!.data).toEqual([15e6, 14e6, 13e6]);
  });

  test('timeline: events in time order, bars over the period of each date', () => {
    const t = byId(specs, 'rich-timeline');
    const data = t.config.data.datasets[0]!.data as Array<[number, number]>;
    expect(valueLabels(t)[0]).toEqual(['Sep 2014', '2015', '2018', 'Mar 2019', '27 Oct 2019', '14 Nov 2019']);
    expect(data[0]).toEqual([Date.UTC(2014, 8, 1), Date.UTC(2014, 9, 1)]);
    expect(data[4]).toEqual([Date.UTC(2019, 9, 27), Date.UTC(2019, 9, 28)]);
    expect(xScale(t).type).toBe('time');
    // The axis covers the events with a margin and never reaches back to 1970.
    expect(xScale(t).min).toBeLessThan(Date.UTC(2014, 8, 1));
    expect(xScale(t).min).toBeGreaterThan(Date.UTC(2013, 0, 1));
    expect(xScale(t).max).toBeGreaterThan(Date.UTC(2019, 10, 15));
    expect(labelsOf(t)[4]!.join(' ')).toContain('Baghdadi was killed');
  });

  test('timeline left out when every date is the same, or only one event', () => {
    const one = brief('one', [
      claim('In 2019 the fund grew.', [{ type: 'date', text: '2019', value: '2019' }]),
      claim('In 2019 the fund shrank.', [{ type: 'date', text: '2019', value: '2019' }]),
    ]);
    expect(briefCharts(one).map((s) => s.kind)).not.toContain('timeline');
    const single = brief('single', [claim('It began in May 2018.', [{ type: 'date', text: 'May 2018', value: '2018-05' }])]);
    expect(briefCharts(single)).toEqual([]);
  });

  test('timeline keeps an even spread, earliest and latest, when there are too many events', () => {
    const claims = Array.from({ length: 30 }, (_, i) =>
      claim(`Event ${i} happened in ${1990 + i}.`, [{ type: 'date', text: String(1990 + i), value: String(1990 + i) }]),
    );
    const t = briefCharts(brief('long', claims))[0]!;
    const labels = valueLabels(t)[0]!;
    expect(labels).toHaveLength(12);
    expect(labels[0]).toBe('1990');
    expect(labels[11]).toBe('2019');
    expect(t.alt).toContain('30 dated events (12 of 30 shown)');
  });

  test('claim kinds: fixed order, counts and shares; left out when all claims are one kind', () => {
    const k = byId(specs, 'rich-claim-kinds');
    expect(labelsOf(k)).toEqual([['Statements'], ['Attributed claims'], ['Forecasts'], ['Recommendations']]);
    expect(k.config.data.datasets[0]!.data).toEqual([6, 2, 1, 1]);
    expect(valueLabels(k)[0]![0]).toBe('6 (60%)');
    const flat = brief('flat', [claim('One.'), claim('Two.'), claim('Three.')]);
    expect(briefCharts(flat)).toEqual([]);
  });

  test('entities: places and organisations by canonical name, most mentioned first; persons ignored', () => {
    const e = byId(specs, 'rich-entities');
    expect(labelsOf(e).map((l) => l.join(' '))).toEqual(['Syria', 'ISIS', 'United Nations', 'United States', 'Idlib', 'Iraq', 'Raqqa']);
    expect(e.config.data.datasets.map((d) => d.label)).toEqual(['Places', 'Organisations']);
    // Each row has its value in exactly one series.
    expect(e.config.data.datasets[0]!.data).toEqual([3, null, null, 2, 1, 1, 1]);
    expect(e.config.data.datasets[1]!.data).toEqual([null, 2, 2, null, null, null, null]);
    const people = brief('people', [
      claim('Trump met Erdogan.', [
        { type: 'entity', text: 'Trump', kind: 'person' },
        { type: 'entity', text: 'Erdogan', kind: 'person' },
      ]),
      claim('Trump spoke.', [{ type: 'entity', text: 'Trump', kind: 'person' }]),
    ]);
    expect(briefCharts(people)).toEqual([]);
  });

  test('entities left out when nothing is mentioned twice', () => {
    const b = brief('once', [
      claim('Iraq and Syria and Turkey.', [
        { type: 'entity', text: 'Iraq', kind: 'place' },
        { type: 'entity', text: 'Syria', kind: 'place' },
        { type: 'entity', text: 'Turkey', kind: 'place' },
      ]),
    ]);
    expect(briefCharts(b)).toEqual([]);
  });

  test('alt text is made from the data', () => {
    expect(byId(specs, 'rich-figures-money-usd').alt).toBe(
      'Bar chart of 3 figures in US dollars, largest first: $400M (The coalition pledged $400 million for…), ' +
        '~$50M (Some $50 million went to Iraq through the…) and $2.5M (…added $2.5 million for demining around Raqqa…). ' +
        'The scale is logarithmic because the values span more than 100 times.',
    );
    expect(byId(specs, 'rich-claim-kinds').alt).toBe(
      'Bar chart of the kinds of the 10 claims in the text: 6 statements, 2 attributed claims, 1 forecast and 1 recommendation.',
    );
    expect(byId(specs, 'rich-entities').alt).toMatch(/^Bar chart of the 7 names mentioned most, most first: Syria \(3 mentions, place\), ISIS \(2 mentions, organisation\)/);
    const t = byId(specs, 'rich-timeline').alt;
    expect(t).toMatch(/^Timeline of 6 dated events from Sep 2014 to 14 Nov 2019\. Earliest: Sep 2014, /);
    for (const s of specs) {
      expect(s.alt.length, s.id).toBeGreaterThan(40);
      expect(s.alt.length, s.id).toBeLessThan(600);
    }
  });

  test('specs are pure and serialisable: no functions, same input → same JSON', () => {
    const json = JSON.stringify(specs);
    expect(JSON.parse(json)).toEqual(specs);
    expect(JSON.stringify(briefCharts(richBrief()))).toBe(json);
  });

  test('theme colours are used; bad colours fall back to the default', () => {
    const themed = briefCharts(richBrief(), { theme: { accent: '#123456', series: ['#aa0000', '#00aa00'], text: 'red' } });
    const money = byId(themed, 'rich-figures-money-usd');
    expect(money.config.data.datasets[0]!.backgroundColor).toBe('#123456');
    const entities = byId(themed, 'rich-entities');
    expect(entities.config.data.datasets.map((d) => d.backgroundColor)).toEqual(['#aa0000', '#00aa00']);
    const y = (money.config.options as unknown as { scales: Record<string, { ticks: { color: string } }> }).scales.y!;
    expect(y.ticks.color).toBe(defaultChartTheme.text);
  });

  test('width is an option; heights grow with rows and come in 20 px steps', () => {
    const wide = briefCharts(richBrief(), { width: 600 });
    expect(wide.every((s) => s.width === 600)).toBe(true);
    for (const s of specs) {
      expect(s.height % 20, s.id).toBe(0);
      expect(s.width).toBe(480);
    }
    expect(byId(specs, 'rich-timeline').height).toBeGreaterThan(byId(specs, 'rich-figures-percent').height);
  });

  test('an empty brief has no charts', () => {
    expect(briefCharts(brief('empty', []))).toEqual([]);
  });
});
