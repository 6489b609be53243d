import { describe, expect, test } from 'vitest';
import { excerptAround, truncate, wrapLabel } from '../src/text.js';

describe('excerptAround', () => {
  const text = 'In its first year the fund paid out some $400 million to more than eighty local partners across the region.';
  test('keeps the span and marks cuts with ellipses', () => {
    const start = text.indexOf('$400 million');
    const out = excerptAround(text, [start, start + 12], 48);
    expect(out).toContain('$400 million');
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(50);
  });
  test('short text comes back whole without the final full stop', () => {
    expect(excerptAround('Prices rose 40%.', [12, 15], 60)).toBe('Prices rose 40%');
  });
  test('a cut excerpt does not end in ".…"', () => {
    const t = 'Alpha beta gamma. Delta epsilon zeta eta theta iota kappa lambda.';
    expect(excerptAround(t, [11, 16], 12)).toBe('…gamma…');
  });
  test('never cuts inside a word', () => {
    const out = excerptAround(text, [0, 2], 30);
    expect(text.includes(out.replace(/…$/, ''))).toBe(true);
    expect(out).toMatch(/^In its first year the fund…$/);
  });
});

describe('wrapLabel', () => {
  test('wraps greedily and truncates the last line', () => {
    expect(wrapLabel('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapLabel('short', 20, 2)).toEqual(['short']);
    expect(wrapLabel('a very long label here', 10, 3)).toEqual(['a very', 'long label', 'here']);
  });
  test('a word longer than the line is cut', () => {
    const lines = wrapLabel('Supercalifragilisticexpialidocious', 10, 2);
    expect(lines[0]!.length).toBeLessThanOrEqual(10);
  });
  test('truncate cuts at a word boundary', () => {
    expect(truncate('The coalition pledged money', 18)).toBe('The coalition…');
  });
});
