import { describe, expect, it } from 'vitest';
import { renderPack } from '../src/index.js';
import { sampleBrief } from './fixtures/sample-brief.js';
import { linkUris, outlineTitles, pdffonts, pdfinfo, pdftotext, qpdfCheck, qpdfJson, toFile } from './pdf-tools.js';

const plain = (text: string): string => text.replace(/[\u202a-\u202e\u200c]/g, '');

describe('renderPack', async () => {
  const briefs = [0, 1, 2].map((i) => sampleBrief(`doc-${i}`, i));
  const options = { title: 'Winter Grid Briefing', subtitle: 'Three fictional notes', charts: false as const, theme: { organisation: 'Example Ministry' } };
  const bytes = await renderPack(briefs, options);
  const file = toFile(bytes, 'pack.pdf');
  const pages = Number(pdfinfo(file).Pages);
  const pageText = Array.from({ length: pages }, (_, i) => plain(pdftotext(file, i + 1)));

  it('passes qpdf --check, is tagged, embeds every font', () => {
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfinfo(file).Tagged).toBe('yes');
    for (const font of pdffonts(file)) expect(font, font.name).toMatchObject({ emb: 'yes' });
  });

  it('opens with a cover: organisation, title, subtitle, date, number of documents', () => {
    const cover = pageText[0] ?? '';
    for (const s of ['Example Ministry', 'Winter Grid Briefing', 'Three fictional notes', '15 March 2024', '3 documents']) expect(cover).toContain(s);
    expect(cover).not.toMatch(/Page \d+ of/);
  });

  it('lists contents with the page each part starts on', () => {
    const contents = pageText[1] ?? '';
    expect(contents).toContain('Contents');
    const parts = ['At a glance', ...briefs.map((b) => b.meta.title), 'Data appendix'];
    let last = 2;
    for (const title of parts) {
      const m = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\n?\\s*(\\d+)`).exec(contents);
      expect(m, title).not.toBeNull();
      const page = Number(m?.[1]);
      // The part's heading is on that page (the running header may repeat it elsewhere).
      expect(pageText[page - 1], `${title} on page ${page}`).toContain(title);
      expect(page).toBeGreaterThan(last);
      last = page;
    }
  });

  it('links the contents to the parts and bookmarks them', () => {
    const { objects, outlines } = qpdfJson(file);
    const dests = JSON.stringify(Object.values(objects).map((o) => o.value));
    for (const anchor of ['at-a-glance', 'brief-doc-0', 'brief-doc-2', 'data-appendix']) expect(dests).toContain(`u:${anchor}`);
    const titles = outlineTitles(outlines).filter((t) => !t.startsWith('  '));
    expect(titles).toEqual(['Contents', 'At a glance', ...briefs.map((b) => b.meta.title), 'Data appendix']);
    expect(outlineTitles(outlines)).toContain('  Key figures');
  });

  it('has the at-a-glance pages, every brief and the appendix', () => {
    const all = pageText.join('\n');
    for (const s of ['Documents', 'Key figures across documents', 'Grid Repairs Report No. 2', 'Data appendix', 'Figures by document', '“cannot wait for spring”']) expect(all).toContain(s);
    expect(all.match(/Outline of the text/g)?.length).toBe(3);
  });

  it('puts "Page n of N" and the running header on every page but the cover', () => {
    for (let p = 2; p <= pages; p++) {
      expect(pageText[p - 1], `page ${p}`).toContain(`Page ${p} of ${pages}`);
      expect(pageText[p - 1], `page ${p}`).toContain('Example Ministry');
    }
  });

  it('links only to http, https and mailto', () => {
    for (const uri of linkUris(file)) expect(uri).toMatch(/^(https?|mailto):/);
  });

  it('gives the same bytes twice', async () => {
    const again = await renderPack([0, 1, 2].map((i) => sampleBrief(`doc-${i}`, i)), options);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('uses the page size and date it is given', async () => {
    const letter = await renderPack(briefs.slice(0, 1), { title: 'One', pageSize: 'Letter', date: '2025-02-03T00:00:00Z', charts: false });
    const f = toFile(letter);
    expect(pdfinfo(f)['Page size']).toMatch(/^612 x 792/);
    expect(pdfinfo(f).CreationDate).toMatch(/^2025-02-03/);
    expect(pdftotext(f, 1)).toContain('3 February 2025');
    expect(pdftotext(f, 1)).toContain('1 document');
  });

  it('puts the logo on the cover as a Figure with alt text', async () => {
    const logo = toFile(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'), 'logo.png');
    const pdf = await renderPack(briefs.slice(0, 1), { title: 'Logo', charts: false, date: 0, theme: { organisation: 'Example Ministry', logo } });
    const { objects } = qpdfJson(toFile(pdf));
    const values = Object.values(objects).map((o) => o.value as Record<string, unknown> | undefined);
    const streams = Object.values(objects).map((o) => (o as { stream?: { dict?: Record<string, unknown> } }).stream?.dict);
    expect(streams.some((d) => d?.['/Subtype'] === '/Image')).toBe(true);
    expect(values.find((v) => v?.['/S'] === '/Figure')?.['/Alt']).toBe('u:Logo of Example Ministry');
  });

  it('refuses an empty pack', async () => {
    await expect(renderPack([], { title: 'Empty', charts: false })).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
