import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { chartFontFiles, renderChartSvgSync, setChartFonts, briefCharts } from '../src/index.js';
import { richBrief } from './fixtures.js';

test('chart fonts come from the Debian font packages the setup installs', () => {
  const files = chartFontFiles();
  expect(existsSync(files.regular)).toBe(true);
  expect(existsSync(files.bold)).toBe(true);
  expect(files.regular).toMatch(/NotoSans-Regular\.ttf$|DejaVuSans\.ttf$/);
});

test('setChartFonts checks its files, and is refused once a chart was drawn', () => {
  expect(() => setChartFonts({ regular: '/nonexistent/font.ttf', bold: '/nonexistent/font-bold.ttf' })).toThrow(
    /font file not found: \/nonexistent\/font\.ttf/,
  );
  renderChartSvgSync(briefCharts(richBrief())[0]!);
  const files = chartFontFiles();
  expect(() => setChartFonts(files)).toThrow(/before the first chart/);
});
