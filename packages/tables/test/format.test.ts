import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, countWords, dateSpan, formatNumber, isFormulaLike, neutraliseFormula, unneutraliseFormula } from '../src/index.js';
import { FORMULA_TEXTS } from './helpers/sample-briefs.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [81, '81'],
    [-3.5, '-3.5'],
    [400_000_000, '400000000'],
    [1e21, '1000000000000000000000'],
    [-1.5e22, '-15000000000000000000000'],
    [1e-7, '0.0000001'],
    [1.234e-10, '0.0000000001234'],
    [0.1 + 0.2, '0.30000000000000004'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('%s → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('is plain decimal text that reads back to the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatNumber(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(Object.is(n, -0) ? 0 : n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formula neutralisation', () => {
  it.each(FORMULA_TEXTS)('neutralises %j', (text) => {
    const cell = neutraliseFormula(text);
    expect(cell).toBe(`'${text}`);
    expect(isFormulaLike(cell)).toBe(false);
    expect(unneutraliseFormula(cell)).toBe(text);
  });

  it.each(['plain text', '007', '3 - 2', 'a=b', 'email@example.org', '', ' leading space', '50% +', '“=quoted”'])('leaves %j alone', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('is reversible and never leaves a formula-like cell, for any text', () => {
    const ws = fc.constantFrom(' ', '\u00a0', '\u2003', '\u3000', '\u200b', '\n', '\t', '\r', '\ufeff', '=', '+', '-', '@', "'", '＝');
    fc.assert(
      fc.property(fc.array(ws, { maxLength: 4 }), fc.string(), (prefix, rest) => {
        const text = prefix.join('') + rest;
        const cell = neutraliseFormula(text);
        expect(isFormulaLike(cell)).toBe(false);
        expect(unneutraliseFormula(cell)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('dates', () => {
  it('keeps calendar dates and date-times as YYYY-MM-DD, nothing else', () => {
    expect(calendarDate('2019-11-07')).toBe('2019-11-07');
    expect(calendarDate('2020-02-29T10:00:00Z')).toBe('2020-02-29');
    expect(calendarDate('2019-02-29')).toBeNull();
    expect(calendarDate('2019')).toBeNull();
    expect(calendarDate('')).toBeNull();
    expect(calendarDate(null)).toBeNull();
  });

  it('spans years, months, days and intervals', () => {
    expect(dateSpan('2019')).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(dateSpan('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(dateSpan('2019-10-27')).toEqual({ start: '2019-10-27', end: '2019-10-27' });
    expect(dateSpan('2007/2009')).toEqual({ start: '2007-01-01', end: '2009-12-31' });
    expect(dateSpan('2019-10/2019-12-15')).toEqual({ start: '2019-10-01', end: '2019-12-15' });
    expect(dateSpan('2009/2007')).toBeNull();
    expect(dateSpan('2019-13')).toBeNull();
    expect(dateSpan('last week')).toBeNull();
  });
});

describe('countWords', () => {
  it('counts runs with a letter or digit, in any script', () => {
    expect(countWords('The coalition has 81 members — and more.')).toBe(7);
    expect(countWords('ينبغي على التحالف أن يجتمع')).toBe(5);
    expect(countWords('  \u00a0 - • ')).toBe(0);
  });
});
