import { inlinesOf, selectAll } from '@briefs/ast';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../src/index.js';
import { atAGlanceBlocks, packDigest } from '../src/index.js';
import { MAX_KEY_FIGURE_ROWS } from '../src/pack-blocks.js';
import { sampleBrief } from './fixtures/sample-brief.js';

const keyFigures = (digests: ReturnType<typeof packDigest>[]) => {
  const blocks = atAGlanceBlocks(digests, []);
  const at = blocks.findIndex((b) => b.type === 'heading' && b.text === 'Key figures across documents');
  return blocks[at + 1] as TableBlock;
};

describe('at a glance', () => {
  it('counts figures, claims and quotes from the digest as from the whole brief', () => {
    const brief = sampleBrief('doc-0', 0);
    const table = atAGlanceBlocks([packDigest(brief)], [])[2] as TableBlock;
    const counts = [inlinesOf(brief, 'figure').length, selectAll(brief, 'claim').length, inlinesOf(brief, 'quote').length].map(String);
    expect(table.rows[0]?.slice(3)).toEqual(counts);
    expect(Number(counts[2])).toBeGreaterThan(0);
  });

  it('shows up to 3 figures per document in a small pack', () => {
    const table = keyFigures([0, 1, 2].map((i) => packDigest(sampleBrief(`doc-${i}`, i))));
    expect(table.caption).toMatch(/^Up to 3 figures per document/);
    expect(table.caption).not.toMatch(/first \d+ of/);
  });

  it('keeps a large pack to a bounded table and says which documents it covers', () => {
    const digest = packDigest(sampleBrief('doc-x', 1));
    const many = Array.from({ length: 400 }, (_, i) => ({ ...digest, brief: { ...digest.brief, id: `doc-${i}` } }));
    const table = keyFigures(many);
    expect(table.rows.length).toBe(MAX_KEY_FIGURE_ROWS);
    expect(table.caption).toMatch(/^One figure per document, .*for the first 300 of 400 documents/);
  });
});
