import { describe, expect, it } from 'vitest';
import { renderPack } from '../src/index.js';
import { sampleBrief } from './fixtures/sample-brief.js';
import { pdfinfo, pdftotext, qpdfCheck, toFile } from './pdf-tools.js';

describe('a pack with contents over several pages', async () => {
  const briefs = Array.from({ length: 45 }, (_, i) => sampleBrief(`doc-${String(i).padStart(2, '0')}`, i + 1));
  const file = toFile(await renderPack(briefs, { title: 'Large', charts: false, date: 0 }), 'large.pdf');

  it('continues the contents on the reserved pages and numbers every entry', () => {
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    const pages = Number(pdfinfo(file).Pages);
    const contents = [2, 3, 4].map((p) => pdftotext(file, p)).join('\n');
    const last = /Data appendix\s*\n?\s*(\d+)/.exec(contents.slice(contents.lastIndexOf('Data appendix')));
    expect(Number(last?.[1])).toBeGreaterThan(40);
    expect(Number(last?.[1])).toBeLessThanOrEqual(pages);
    expect(pdftotext(file, Number(last?.[1]))).toContain('Data appendix');
    for (const b of briefs) expect(contents).toContain(b.meta.title);
  });
});
