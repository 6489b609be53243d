import { describe, expect, it } from 'vitest';
import { packDigest, renderBrief, renderPackContents, renderPackPart, warmUpRenderer } from '../src/index.js';
import { sampleBrief } from './fixtures/sample-brief.js';

describe('warmUpRenderer', () => {
  it('leaves nothing of its made-up brief in what is drawn after it', async () => {
    const brief = sampleBrief('after-warm-up', 3);
    const options = { title: 'Pack', date: 0 };
    const draw = async () => {
      const part = await renderPackPart(brief, options);
      const contents = await renderPackContents([packDigest(brief)], [part.meta], options);
      return [await renderBrief(brief, { date: 0 }), part.pdf, ...contents.map((c) => c.pdf)].map((b) => Buffer.from(b));
    };
    const before = await draw();
    await warmUpRenderer();
    const after = await draw();
    expect(after.length).toBe(before.length);
    for (const [i, pdf] of after.entries()) expect(pdf.equals(before[i]!), `pdf ${i}`).toBe(true);
  });
});
