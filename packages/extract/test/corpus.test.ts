/**
 * Properties over every real article, cut naively into sentences: ranges slice the sentence to the
 * node's text, values are numbers, no figure overlaps a date, values are well-formed ISO 8601.
 */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../src/index.js';
import { corpusFiles, publishedOf, readCorpus, sentences } from './corpus.js';

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/;

describe.each(corpusFiles())('real corpus: %s', (file) => {
  const source = readCorpus(file);
  const extractor = createExtractor({ published: publishedOf(source) });
  const results = sentences(source).map((text) => ({ text, analysis: extractor.analyze(text) }));

  it('has ranges that slice the sentence to each node’s text', () => {
    const bad: string[] = [];
    for (const { text, analysis } of results) {
      for (const node of analysis.inlines) {
        const [start, end] = node.range;
        if (!(start >= 0 && end <= text.length && start < end) || text.slice(start, end) !== node.text) {
          bad.push(`${node.type} ${JSON.stringify(node.text)} ≠ ${JSON.stringify(text.slice(start, end))}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('has finite figure values, valid dates, and no figure overlapping a date', () => {
    const bad: string[] = [];
    for (const { text, analysis } of results) {
      const dates = analysis.inlines.filter((n) => n.type === 'date');
      for (const node of analysis.inlines) {
        if (node.type === 'figure') {
          if (node.value !== null && !Number.isFinite(node.value)) bad.push(`NaN figure ${node.text}`);
          if (node.valueMax !== null && (node.value === null || node.valueMax <= node.value)) bad.push(`range ${node.text}`);
          if (dates.some((d) => d.range[0] < node.range[1] && node.range[0] < d.range[1])) {
            bad.push(`figure ${node.text} overlaps a date in: ${text.slice(0, 60)}`);
          }
        }
        if (node.type === 'date' && !ISO.test(node.value)) bad.push(`date ${node.text} → ${node.value}`);
      }
      // Inline nodes come in reading order.
      const starts = analysis.inlines.map((n) => n.range[0]);
      if (starts.some((s, i) => i > 0 && s < starts[i - 1]!)) bad.push(`order in: ${text.slice(0, 60)}`);
    }
    expect(bad).toEqual([]);
  });

  it('gives attributed claims a source and only attributed claims one', () => {
    for (const { analysis } of results) {
      expect(analysis.kind === 'attributed').toBe(analysis.source !== null);
    }
  });
});
