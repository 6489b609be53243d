import { expect, test } from 'vitest';
import { formatIsoDate, parsePeriod } from '../src/index.js';

test('ISO dates become UTC spans at their precision', () => {
  expect(parsePeriod('2019')).toEqual({ start: Date.UTC(2019, 0, 1), end: Date.UTC(2020, 0, 1), precision: 'year' });
  expect(parsePeriod('2019-10')).toEqual({ start: Date.UTC(2019, 9, 1), end: Date.UTC(2019, 10, 1), precision: 'month' });
  expect(parsePeriod('2019-12-31')).toEqual({ start: Date.UTC(2019, 11, 31), end: Date.UTC(2020, 0, 1), precision: 'day' });
  expect(parsePeriod('2007/2009')).toEqual({ start: Date.UTC(2007, 0, 1), end: Date.UTC(2010, 0, 1), precision: 'year' });
});

test('invalid dates are rejected, not rolled over', () => {
  for (const bad of ['2019-02-30', '2019-13', 'last month', '', '2009/2007', '19-10-27', '2019-10-27T10:00']) {
    expect(parsePeriod(bad), bad).toBeNull();
  }
});

test('dates read as a reader writes them', () => {
  expect(formatIsoDate('2019-10-27')).toBe('27 Oct 2019');
  expect(formatIsoDate('2019-06')).toBe('Jun 2019');
  expect(formatIsoDate('2014')).toBe('2014');
  expect(formatIsoDate('2007/2009')).toBe('2007–2009');
  expect(formatIsoDate('soon')).toBe('soon');
  expect(formatIsoDate('2026-05-19/2026-05-20')).toBe('19–20 May 2026');
  expect(formatIsoDate('2019-06/2019-08')).toBe('Jun–Aug 2019');
  expect(formatIsoDate('2019-12-30/2020-01-02')).toBe('30 Dec 2019–2 Jan 2020');
  expect(formatIsoDate('2019-06/2020-08')).toBe('Jun 2019–Aug 2020');
});
