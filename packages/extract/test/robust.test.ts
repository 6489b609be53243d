/**
 * Bad or odd input never throws and never yields a range outside the sentence: empty text, lone
 * quote marks, unbalanced brackets, long runs of digits, and random mixes of tricky tokens.
 */
import { expect, it } from 'vitest';
import { createExtractor } from '../src/index.js';

const TOKENS = [
  '“', '”', '"', '«', '»', '‘', '’', '(', ')', '[', ']', '—', '-', '–', '/', '%', '$', '€', '£', ',', '.', ':',
  '1', '19', '2019', '2,000', '1.5', '-3', '½', 'million', 'bn', 'eighty-one', 'a', 'third', 'half', 'of',
  'May', 'may', 'March', 'on', 'Thursday', 'last', 'week', 'said', 'he', 'she', 'they', 'it', 'according', 'to',
  'President', 'Ana', 'Ruiz', 'UN', 'U.S.', 'Syrian', 'Forces', '(SDF)', 'will', 'should', 'between', 'and',
  'some', 'more', 'than', 'per', 'day', 'km', 'the', 'same', 'source', 'noted', 'that', '\u00A0', '  ',
];

function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

it('handles edge input', () => {
  const ex = createExtractor({ published: '2024-02-29' });
  for (const text of ['', ' ', '“', '"', '”', '«»', '$', '%', '0', '-', 'May', '1 2 3 4 5 6 7 8 9 10', '9'.repeat(400)]) {
    const r = ex.analyze(text);
    for (const n of r.inlines) expect(text.slice(...n.range)).toBe(n.text);
  }
  expect(createExtractor({ published: 'not a date' }).analyze('It rose last month.').inlines).toEqual([]);
});

it('never throws on random mixes of tricky tokens', () => {
  const next = random(42);
  const ex = createExtractor({ published: '2024-02-29' });
  for (let i = 0; i < 1500; i++) {
    const length = 1 + Math.floor(next() * 25);
    const words: string[] = [];
    for (let j = 0; j < length; j++) words.push(TOKENS[Math.floor(next() * TOKENS.length)]!);
    const text = words.join(next() < 0.5 ? ' ' : '');
    const r = ex.analyze(text);
    for (const n of r.inlines) {
      expect(n.range[0]).toBeGreaterThanOrEqual(0);
      expect(n.range[1]).toBeLessThanOrEqual(text.length);
      expect(text.slice(...n.range)).toBe(n.text);
      if (n.type === 'figure' && n.value !== null) expect(Number.isFinite(n.value)).toBe(true);
    }
  }
});
