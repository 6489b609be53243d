import { describe, expect, it } from 'vitest';
import { briefBlocks } from '../src/index.js';
import { displayHeading } from '../src/brief-blocks.js';
import { sampleBrief } from './fixtures/sample-brief.js';

describe('briefBlocks', () => {
  it('is a pure function of the brief, in reading order', () => {
    const blocks = briefBlocks(sampleBrief());
    expect(briefBlocks(sampleBrief())).toEqual(blocks);
    const headings = blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? `${b.level} ${b.text}` : ''));
    expect(headings).toEqual([
      '1 Keeping the Lights On: Grid Repairs After a Hard Winter',
      '2 Summary',
      '2 Key figures',
      '2 Key claims',
      '3 Forecasts (1)',
      '3 Recommendations (1)',
      '3 Attributed claims (3)',
      '2 Quotes',
      '2 Outline of the text',
      '2 Sources and links',
    ]);
  });

  it('caps a group of claims and says where the rest are', () => {
    const brief = sampleBrief();
    const blocks = briefBlocks(brief, { maxClaimsPerGroup: 2 });
    expect(blocks.some((b) => b.type === 'paragraph' && b.text === '1 more attributed claims are listed in data/claims.csv.')).toBe(true);
  });

  it('places charts after the key figures', () => {
    const chart = { type: 'chart' as const, title: 'T', alt: 'A chart of things.', svg: '<svg/>', aspect: 0.5 };
    const blocks = briefBlocks(sampleBrief(), { charts: [chart] });
    const at = blocks.indexOf(chart);
    expect(blocks[at - 1]).toMatchObject({ type: 'heading', text: 'Charts' });
    expect(blocks.findIndex((b) => b.type === 'heading' && b.text === 'Key figures')).toBeLessThan(at);
  });
});

describe('displayHeading', () => {
  const acronyms = new Set(['ISIS', 'NATO']);
  it('title-cases headings scraped in capitals, keeping acronyms', () => {
    expect(displayHeading('WHAT THE COALITION HAS ACHIEVED MILITARILY', acronyms)).toBe('What the Coalition Has Achieved Militarily');
    expect(displayHeading('A TEST OF U.S. LEADERSHIP', acronyms)).toBe('A Test of U.S. Leadership');
    expect(displayHeading('NONMILITARY LINES OF EFFORT AGAINST ISIS', acronyms)).toBe('Nonmilitary Lines of Effort Against ISIS');
  });
  it('leaves mixed-case headings alone', () => {
    expect(displayHeading('What comes next for NATO', acronyms)).toBe('What comes next for NATO');
  });
});
