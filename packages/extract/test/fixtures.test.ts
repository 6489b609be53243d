/**
 * Hard cases from the other real articles, with expectations taken from reading the text (not from
 * the output). Sentences are found by a short locator and read in document order, so the document
 * state (footnote numbering, people, pronouns) is what it would be in the parser.
 */
import { describe, expect, it } from 'vitest';
import { createExtractor, type InlineSpan, type SentenceAnalysis } from '../src/index.js';
import { corpusFiles, publishedOf, readCorpus, sentences } from './corpus.js';

const cache = new Map<string, Array<{ text: string; analysis: SentenceAnalysis }>>();
function read(prefix: string) {
  const file = corpusFiles().find((f) => f.startsWith(prefix))!;
  let results = cache.get(file);
  if (!results) {
    const source = readCorpus(file);
    const extractor = createExtractor({ published: publishedOf(source) });
    results = sentences(source).map((text) => ({ text, analysis: extractor.analyze(text) }));
    cache.set(file, results);
  }
  return results;
}
function at(prefix: string, locator: string): SentenceAnalysis {
  const hit = read(prefix).find((r) => r.text.includes(locator));
  if (!hit) throw new Error(`no sentence with ${locator}`);
  return hit.analysis;
}
const figures = (a: SentenceAnalysis) => a.inlines.filter((n): n is Extract<InlineSpan, { type: 'figure' }> => n.type === 'figure');
const dates = (a: SentenceAnalysis) => a.inlines.filter((n): n is Extract<InlineSpan, { type: 'date' }> => n.type === 'date');
const quotes = (a: SentenceAnalysis) => a.inlines.filter((n): n is Extract<InlineSpan, { type: 'quote' }> => n.type === 'quote');

describe('02 MERICS: flattened text with footnote numbers', () => {
  it('reads "figures, 19 205 German institutions" as footnote 19 and 205 institutions', () => {
    const f = figures(at('02', '338 Chinese'));
    expect(f.map((x) => x.value)).toEqual([205, 338]);
    expect(f[0]!.subject).toBe('German institutions');
  });
  it('takes no footnote marker for a figure', () => {
    expect(figures(at('02', 'in Cologne 10'))).toEqual([]);
    expect(figures(at('02', 'industry jobs were lost')).map((x) => x.value)).toEqual([120000]);
  });
  it('reads "ranked 11 th" as an ordinal', () => {
    const f = figures(at('02', 'ranked 11'));
    expect(f.map((x) => [x.kind, x.value])).toEqual([
      ['ordinal', 11],
      ['ordinal', 10],
    ]);
  });
  it('keeps the year inside "Made in China 2025" out of the dates', () => {
    expect(dates(at('02', 'strategy in 2015')).map((d) => d.value)).toEqual(['2015']);
  });
  it('reads euro amounts with a code before the number', () => {
    const f = figures(at('02', 'has reached EUR'));
    expect(f.map((x) => [x.kind, x.unit, x.value])).toEqual([['money', 'EUR', 48.7e9]]);
  });
  it('reads spelled fractions next to percentages', () => {
    const f = figures(at('02', 'of German firms'));
    expect(f.map((x) => [x.value, x.unit])).toEqual([
      [66.7, '%'],
      [68, '%'],
    ]);
  });
});

describe('05 Atlantic Council', () => {
  it('reads counts with spelled scales', () => {
    const f = figures(at('05', 'deadliest year'));
    expect(f.map((x) => [x.value, x.subject])).toEqual([
      [2500, 'people'],
      [12000, 'injured'],
    ]);
    expect(dates(at('05', 'deadliest year')).map((d) => d.value)).toEqual(['2025', '2022']);
  });
  it('reads vague quantities as approximate with no value', () => {
    const f = figures(at('05', 'hundreds of thousands'));
    const vague = f.find((x) => x.value === null)!;
    expect([vague.approximate, vague.subject]).toEqual([true, 'casualties']);
    expect(f.find((x) => x.kind === 'percent')?.value).toBe(1);
  });
  it('credits quotations to the named writer, and their continuation too', () => {
    expect(quotes(at('05', 'wrote Ukrainian commentator'))[0]!.speaker).toBe('Iryna Voichuk');
    expect(quotes(at('05', 'Framing this as only'))[0]!.speaker).toBe('Iryna Voichuk');
    expect(quotes(at('05', 'quiet form of abandonment'))[0]!.speaker).toBe('Meaghan Mobbs');
  });
});

describe('06 Foreign Policy', () => {
  it('resolves weekdays against the publication date (Friday 2026-01-23)', () => {
    expect(dates(at('06', 'a late-night meeting')).map((d) => d.value)).toEqual(['2026-01-22']);
    expect(dates(at('06', '12-day campaign')).map((d) => d.value)).toEqual(['2026-01-27']);
    expect(dates(at('06', 'state of emergency')).map((d) => d.value)).toEqual(['2026-01-14']);
  });
  it('reads fractions, distances and ordinals', () => {
    expect(figures(at('06', 'roughly two-thirds')).map((x) => [x.value, x.approximate])).toEqual([[66.7, true]]);
    expect(figures(at('06', '25 miles')).map((x) => [x.value, x.unit])).toEqual([[25, 'mi']]);
    expect(figures(at('06', 'seventh term')).map((x) => [x.kind, x.value, x.subject])).toEqual([['ordinal', 7, 'term']]);
  });
  it('credits a quote followed by "X posted" and the one after it', () => {
    expect(quotes(at('06', 'Kainerugaba posted'))[0]!.speaker).toBe('Muhoozi Kainerugaba');
    expect(quotes(at('06', 'get them all'))[0]!.speaker).toBe('Muhoozi Kainerugaba');
  });
  it('resolves "he told reporters" to the person named before', () => {
    const a = at('06', 'all about the land');
    expect([a.kind, a.source]).toEqual(['attributed', 'Volodymyr Zelensky']);
  });
});

describe('07 Fortune', () => {
  it('takes no figure from a model name (T-72)', () => {
    expect(figures(at('07', 'main battle tank'))).toEqual([]);
  });
  it('reads ranges, bounds and areas', () => {
    expect(figures(at('07', 'three or four')).find((x) => x.valueMax !== null)).toMatchObject({ value: 3, valueMax: 4, unit: 'month' });
    expect(figures(at('07', 'liberated at least'))[0]).toMatchObject({ value: 168.9, unit: 'km²', approximate: false });
  });
  it('resolves "she wrote" to the last person named', () => {
    expect(at('07', 'negative equilibrium').source).toBe('Alexandra Prokopenko');
  });
});

describe('11 Reuters', () => {
  it('reads foreign currencies and their dollar conversions', () => {
    const f = figures(at('11', 'hryvnias ($280'));
    expect(f.map((x) => [x.unit, x.value, x.approximate])).toEqual([
      ['UAH', 12e9, true],
      ['USD', 280e6, false],
    ]);
  });
  it('reads power in gigawatts, percent ranges and ratios', () => {
    expect(figures(at('11', 'peak demand')).map((x) => [x.value, x.unit])).toEqual([
      [16.4, 'GW'],
      [12.3, 'GW'],
      [2, 'GW'],
    ]);
    expect(figures(at('11', 'ICU said'))[0]).toMatchObject({ value: 20, valueMax: 25, unit: '%', approximate: true });
    expect(figures(at('11', 'four in five')).find((x) => x.text.includes('four in five'))?.value).toBe(80);
  });
  it('credits the colon-introduced quotation paragraphs to the CEO', () => {
    expect(quotes(at('11', 'predictable schedule'))[0]!.speaker).toBe('Sergii Pylypenko');
    expect(quotes(at('11', 'In certain periods'))[0]!.speaker).toBe('Sergii Pylypenko');
  });
});

describe('03 CFR and 04 Carnegie', () => {
  it('reads "the World Food Program and the World Health Organization" as two organisations', () => {
    const names = at('03', 'World Food Program').inlines.flatMap((n) => (n.type === 'entity' ? [n.name] : []));
    expect(names).toContain('World Food Programme');
    expect(names).toContain('World Health Organization');
    expect(names.some((n) => n.includes(' and the '))).toBe(false);
  });
  it('reads spelled thousands and vague money', () => {
    expect(figures(at('03', 'sixty-six thousand'))[0]).toMatchObject({ value: 66000, subject: 'incidents' });
    expect(figures(at('03', 'accepted close'))[0]).toMatchObject({
      value: null,
      unit: 'USD',
      kind: 'money',
    });
  });
  it('takes no figure from COVID-19', () => {
    expect(figures(at('03', 'COVID-19 transmission')).map((x) => x.value)).toEqual([38]);
  });
  it('reads rates and areas', () => {
    expect(figures(at('04', 'attacks a day'))[0]).toMatchObject({ value: 100, unit: '/day', subject: 'attacks' });
    expect(figures(at('04', 'square kilometers'))[0]).toMatchObject({ value: 400, unit: 'km²' });
  });
});
