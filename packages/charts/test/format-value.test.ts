import { describe, expect, test } from 'vitest';
import { compactNumber, formatFigureValue, formatValue } from '../src/index.js';

describe('compactNumber', () => {
  test.each([
    [400_000_000, '400M'],
    [11_000, '11k'],
    [11_500, '11.5k'],
    [1_234, '1.23k'],
    [950, '950'],
    [81, '81'],
    [2.5, '2.5'],
    [0.125, '0.125'],
    [0, '0'],
    [1_500_000_000, '1.5B'],
    [3e12, '3T'],
    [999_999, '1M'],
    [-2_000_000, '-2M'],
  ])('%d → %s', (value, text) => {
    expect(compactNumber(value)).toBe(text);
  });
});

describe('formatValue by kind and unit', () => {
  test('money uses the currency symbol or the ISO code', () => {
    expect(formatValue(400e6, { kind: 'money', unit: 'USD' })).toBe('$400M');
    expect(formatValue(2.5e9, { kind: 'money', unit: 'EUR' })).toBe('€2.5B');
    expect(formatValue(12e6, { kind: 'money', unit: 'CHF' })).toBe('12M CHF');
    expect(formatValue(-5e6, { kind: 'money', unit: 'USD' })).toBe('-$5M');
  });
  test('percent keeps its digits and is never compacted', () => {
    expect(formatValue(40, { kind: 'percent', unit: '%' })).toBe('40%');
    expect(formatValue(2.5, { kind: 'percent', unit: '%' })).toBe('2.5%');
    expect(formatValue(1500, { kind: 'percent', unit: '%' })).toBe('1500%');
  });
  test('counts, measures and ordinals', () => {
    expect(formatValue(11000, { kind: 'count', unit: null })).toBe('11k');
    expect(formatValue(30, { kind: 'measure', unit: 'km' })).toBe('30 km');
    expect(formatValue(1_200_000, { kind: 'measure', unit: 'bbl/d' })).toBe('1.2M bbl/d');
    expect(formatValue(13, { kind: 'measure', unit: 'year' })).toBe('13 years');
    expect(formatValue(1, { kind: 'measure', unit: 'years' })).toBe('1 year');
    expect(formatValue(2, { kind: 'measure', unit: 'day' })).toBe('2 days');
    expect(formatValue(3, { kind: 'ordinal', unit: null })).toBe('3rd');
    expect(formatValue(12, { kind: 'ordinal', unit: null })).toBe('12th');
  });
  test('approximate values and ranges', () => {
    const usd = { kind: 'money', unit: 'USD' } as const;
    expect(formatFigureValue(50e6, null, true, usd)).toBe('~$50M');
    expect(formatFigureValue(200e6, 300e6, false, usd)).toBe('$200M–$300M');
    expect(formatFigureValue(200e6, 200e6, false, usd)).toBe('$200M');
  });
});
