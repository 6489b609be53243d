import { describe, expect, it } from 'vitest';
import type { PackDigest, PackPart } from '../src/index.js';
import { packDigest, renderPackSection } from '../src/index.js';
import { SECTION_CHUNK } from '../src/pack-blocks.js';
import type { PackOptions, SectionCache } from '../src/render-pack.js';
import { sampleBrief } from './fixtures/sample-brief.js';
import { pdftotext, qpdfCheck, toFile } from './pdf-tools.js';

/** A cache in memory that counts what was drawn. */
function memoryCache(): SectionCache & { drawn: string[]; parts: Map<string, PackPart> } {
  const parts = new Map<string, PackPart>();
  const drawn: string[] = [];
  return {
    salt: 'test',
    parts,
    drawn,
    get: async (key) => parts.get(key) ?? null,
    put: async (key, part) => {
      drawn.push(part.meta.id);
      parts.set(key, part);
    },
  };
}

describe('the cross-document pages of a large pack, in pieces', () => {
  const count = SECTION_CHUNK + 50;
  const base = packDigest(sampleBrief('doc-x', 1));
  const digestOf = (i: number, title = `Fictional note ${i + 1}`): PackDigest => ({
    ...base,
    brief: { ...base.brief, id: `doc-${String(i).padStart(3, '0')}`, meta: { ...base.brief.meta, title } },
  });
  const digests = Array.from({ length: count }, (_, i) => digestOf(i));
  const options: PackOptions = { title: 'Sections', charts: false, date: 0 };

  it('draws groups of documents as parts of their own, each under a heading naming its range', async () => {
    const glance = await renderPackSection('at-a-glance', digests, options);
    expect(glance.map((p) => p.meta.id)).toEqual(['at-a-glance', `at-a-glance-${SECTION_CHUNK + 1}`, 'at-a-glance-key-figures']);
    const appendix = await renderPackSection('appendix', digests, options);
    expect(appendix.map((p) => p.meta.id)).toEqual(['data-appendix', `data-appendix-${SECTION_CHUNK + 1}`, 'data-appendix-figures', `data-appendix-figures-${SECTION_CHUNK + 1}`]);
    const second = toFile(glance[1]!.pdf);
    expect(qpdfCheck(second)).toMatch(/No syntax or stream encoding errors/);
    const text = pdftotext(second);
    expect(text).toContain(`Documents ${SECTION_CHUNK + 1}–${count}`);
    expect(text).toContain(`Fictional note ${count}`);
    expect(text).not.toContain(`Fictional note ${SECTION_CHUNK}\n`);
    expect(pdftotext(toFile(glance[0]!.pdf))).toContain(`Documents 1–${SECTION_CHUNK}`);
  });

  it('redraws only the pieces that show a changed document, and a kept piece is the piece drawn afresh', async () => {
    const cache = memoryCache();
    await renderPackSection('at-a-glance', digests, options, cache);
    await renderPackSection('appendix', digests, options, cache);
    expect(cache.drawn.length).toBe(7);
    cache.drawn.length = 0;
    const changed = digests.map((d, i) => (i === SECTION_CHUNK + 10 ? digestOf(i, 'A retitled note') : d));
    const glance = await renderPackSection('at-a-glance', changed, options, cache);
    const appendix = await renderPackSection('appendix', changed, options, cache);
    // Its group of documents in both tables of titles, and the key figures (they name it); the
    // figure counts by document (ids only) are kept.
    expect(cache.drawn).toEqual([`at-a-glance-${SECTION_CHUNK + 1}`, 'at-a-glance-key-figures', `data-appendix-${SECTION_CHUNK + 1}`]);
    const fresh = [...(await renderPackSection('at-a-glance', changed, options)), ...(await renderPackSection('appendix', changed, options))];
    expect([...glance, ...appendix].map((p) => Buffer.from(p.pdf).toString('base64'))).toEqual(fresh.map((p) => Buffer.from(p.pdf).toString('base64')));
  });
});
