import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Brief } from '@briefs/ast';
import { inlinesOf } from '@briefs/ast';
import { parseFile } from '@briefs/parser';
import { describe, expect, it } from 'vitest';
import { renderBrief, renderPack } from '../src/index.js';
import { outlineTitles, pdffonts, pdfinfo, pdftotext, qpdfCheck, qpdfJson, toFile } from './pdf-tools.js';

/**
 * The reference article and the examples, parsed by @briefs/parser and drawn with the real
 * charts: the product as `briefs build` makes it. Text is read from the shared folder, never
 * copied into the repository.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const shared = process.env.BRIEFS_SHARED ?? resolve(repoRoot, '../shared');
const reference = join(shared, 'corpus/real/00-winep-counter-isis-coalition.md');
const examples = ['grid-resilience-baltic.md', 'water-security-sahel.md', 'arctic-shipping.html', 'fisheries-pacific.txt', 'semiconductor-alliances.txt'].map((f) => join(repoRoot, 'examples', f));

const flat = (text: string): string => text.replace(/[\u202a-\u202e\u200c]/g, '').replace(/\s+/g, ' ');

describe.runIf(existsSync(reference))('the reference article', async () => {
  const brief: Brief = await parseFile(reference, { id: '00-winep-counter-isis-coalition' });
  const bytes = await renderBrief(brief);
  const file = toFile(bytes, 'reference.pdf');
  const text = flat(pdftotext(file));

  it('is a valid, tagged PDF with embedded fonts', () => {
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfinfo(file).Tagged).toBe('yes');
    expect(pdfinfo(file).Title).toBe(brief.meta.title);
    for (const font of pdffonts(file)) expect(font, font.name).toMatchObject({ emb: 'yes' });
  });

  it('holds the title, the figures and the quotes of the AST', () => {
    expect(text).toContain(flat(brief.meta.title));
    const figures = inlinesOf(brief, 'figure');
    expect(figures.length).toBeGreaterThan(3);
    for (const { node } of figures) expect(text).toContain(flat(node.text));
    for (const { node } of inlinesOf(brief, 'quote')) expect(text).toContain(flat(node.text).slice(0, 40));
  });

  it('outlines every section heading and bookmarks the parts', () => {
    // Headings scraped in capitals are shown in title case.
    for (const section of brief.children) if (section.heading) expect(text.toLowerCase()).toContain(flat(section.heading).toLowerCase());
    const titles = outlineTitles(qpdfJson(file).outlines).map((t) => t.trim());
    for (const part of ['Summary', 'Key figures', 'Charts', 'Key claims', 'Outline of the text']) expect(titles).toContain(part);
  });

  it('tags each chart as a Figure with alt text made from its data', () => {
    const { objects } = qpdfJson(file);
    const figures = Object.values(objects)
      .map((o) => o.value as Record<string, unknown> | undefined)
      .filter((v) => v?.['/S'] === '/Figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(String(f?.['/Alt'])).toMatch(/^u:\S.{30,}/);
  });

  it('renders the same bytes again', async () => {
    const again = await renderBrief(await parseFile(reference, { id: '00-winep-counter-isis-coalition' }));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe.runIf(examples.every(existsSync))('the examples pack', async () => {
  const briefs = await Promise.all(examples.map((f) => parseFile(f)));
  const bytes = await renderPack(briefs, { title: 'Examples', theme: { organisation: 'Briefs' } });
  const file = toFile(bytes, 'examples-pack.pdf');

  it('is valid, tagged, and lists every document in its contents and outline', () => {
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfinfo(file).Tagged).toBe('yes');
    const contents = flat(pdftotext(file, 2));
    const top = outlineTitles(qpdfJson(file).outlines).filter((t) => !t.startsWith(' '));
    for (const b of briefs) {
      const title = b.meta.title.trim() || b.id;
      expect(contents).toContain(flat(title).slice(0, 40));
      expect(top).toContain(title);
    }
  });
});
