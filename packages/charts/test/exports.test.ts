import { expect, test } from 'vitest';
import * as charts from '../src/index.js';

test('public exports are pinned', () => {
  expect(Object.keys(charts).sort()).toEqual([
    'CHART_FONT_FAMILY',
    'DEFAULT_MAX_ITEMS',
    'DEFAULT_WIDTH',
    'briefCharts',
    'chartFontFiles',
    'compactNumber',
    'defaultChartTheme',
    'formatFigureValue',
    'formatIsoDate',
    'formatValue',
    'packCharts',
    'parsePeriod',
    'renderChartSvg',
    'renderChartSvgSync',
    'resolveTheme',
    'setChartFonts',
  ]);
});
