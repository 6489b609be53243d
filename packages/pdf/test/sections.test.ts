import { describe, expect, it } from 'vitest';
import type { PackDigest, PackPart, PartLayout } from '../src/index.js';
import { packDigest, renderPackContents, renderPackSection } from '../src/index.js';
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

describe('the contents of a pack, a piece per page', () => {
  const base = packDigest(sampleBrief('doc-x', 1));
  const digests: PackDigest[] = Array.from({ length: 80 }, (_, i) => ({
    ...base,
    brief: { ...base.brief, id: `doc-${String(i).padStart(3, '0')}`, meta: { ...base.brief.meta, title: `Fictional note ${i + 1}` } },
  }));
  const options: PackOptions = { title: 'Contents Check', charts: false, date: 0 };
  /** Parts as the contents see them: at a glance, each document (`pages` of its own), the appendix. */
  const layouts = (pages: (i: number) => number): PartLayout[] => [
    { id: 'glance', pages: 3, title: 'At a glance', anchors: [{ name: 'at-a-glance', page: 0, top: 800 }] },
    ...digests.map((d, i) => ({ id: d.brief.id, pages: pages(i), title: d.brief.meta.title, anchors: [{ name: `brief-${d.brief.id}`, page: 0, top: 800 }] })),
    { id: 'appendix', pages: 2, title: 'Data appendix', anchors: [{ name: 'appendix', page: 0, top: 800 }] },
  ];

  it('redraws no page when no page number moved, and only the pages whose numbers moved', async () => {
    const cache = memoryCache();
    const first = await renderPackContents(digests, layouts(() => 4), options, cache);
    expect(first.length).toBeGreaterThanOrEqual(3);
    expect(cache.drawn).toHaveLength(first.length);
    // The same numbers: every page kept, the same bytes.
    cache.drawn.length = 0;
    const again = await renderPackContents(digests, layouts(() => 4), options, cache);
    expect(cache.drawn).toEqual([]);
    expect(again.map((p) => p.meta.relocation.digest)).toEqual(first.map((p) => p.meta.relocation.digest));
    // Document 60 takes a page more: the pages from its entry on are redrawn, those before kept.
    cache.drawn.length = 0;
    const moved = await renderPackContents(digests, layouts((i) => (i === 59 ? 5 : 4)), options, cache);
    const pageOf = moved.findIndex((p) => pdftotext(toFile(p.pdf, 'contents.pdf')).includes('Fictional note 61'));
    expect(pageOf).toBeGreaterThan(0);
    expect(cache.drawn).toEqual(moved.slice(pageOf).map((p) => p.meta.id));
    expect(moved.slice(0, pageOf).map((p) => p.meta.relocation.digest)).toEqual(first.slice(0, pageOf).map((p) => p.meta.relocation.digest));
    // A kept page is the page drawn afresh.
    const fresh = await renderPackContents(digests, layouts((i) => (i === 59 ? 5 : 4)), options);
    expect(fresh.map((p) => Buffer.from(p.pdf).toString('hex'))).toEqual(moved.map((p) => Buffer.from(p.pdf).toString('hex')));
    for (const page of fresh) expect(qpdfCheck(toFile(page.pdf, 'page.pdf'))).toMatch(/No syntax or stream encoding errors/);
  });
});
