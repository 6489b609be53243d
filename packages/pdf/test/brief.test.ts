import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderBrief } from '../src/index.js';
import { longBrief, sampleBrief } from './fixtures/sample-brief.js';
import { linkUris, outlineTitles, pdffonts, pdfinfo, pdftotext, qpdfCheck, qpdfJson, toFile } from './pdf-tools.js';

/** pdftotext wraps RTL text in embedding marks; ZWNJ does not survive extraction. */
const plain = (text: string): string => text.replace(/[\u202a-\u202e\u200c]/g, '');

describe('renderBrief', async () => {
  const brief = sampleBrief();
  const bytes = await renderBrief(brief, { charts: false, date: '2024-05-01T00:00:00Z' });
  const file = toFile(bytes, 'sample.pdf');
  const text = plain(pdftotext(file));

  it('passes qpdf --check', () => {
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
  });

  it('holds the title, byline, headings, figures, claims and quotes', () => {
    for (const expected of [
      'Keeping the Lights On: Grid Repairs After a Hard Winter',
      'By Amira Haddad and Jonas Berg · 15 January 2024 · Example Policy Institute · Policy Analysis',
      'Source: https://example.org/analysis/grid-repairs-0',
      'Summary',
      'Key figures',
      'Where in the text',
      '$400 million',
      'About 40%',
      'between $5 million',
      'What was damaged, line 19',
      'Key claims',
      'Forecasts (1)',
      'Recommendations (1)',
      'Attributed claims (3)',
      'Source: the Energy Ministry',
      'Quotes',
      '“We rebuilt in weeks what took years to build”',
      '— Olena Kravets',
      'Outline of the text',
      'Costs in detail',
      'Sources and links',
      'Page 1 of 2',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('writes Arabic, Persian and Hebrew in logical order, each in a face that has its letters', () => {
    expect(text).toContain('Also in Arabic: إصلاح الشبكة بعد شتاء قاس');
    expect(text).toContain('Also in Persian: روشن نگه داشتن چراغها در زمستان');
    expect(text).toContain('— علی رضایی');
    expect(text).toContain('Also in Hebrew: תיקון הרשת אחרי חורף קשה');
    const faces = pdffonts(file).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(faces).toContain('NotoNaskhArabic-Regular');
    expect(faces).toContain('NotoSansHebrew-Regular');
  });

  it('embeds every font', () => {
    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThan(2);
    for (const font of fonts) expect(font, font.name).toMatchObject({ emb: 'yes' });
  });

  it('is tagged and carries the metadata', () => {
    const info = pdfinfo(file);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Keeping the Lights On: Grid Repairs After a Hard Winter');
    expect(info.Author).toBe('Amira Haddad, Jonas Berg');
    expect(info.Subject).toBe('Policy Analysis, Example Policy Institute');
    expect(info.Keywords).toBe('energy, reconstruction, Eastern Europe');
    expect(info.CreationDate).toMatch(/^2024-05-01T00:00:00/);
    expect(info['PDF version']).toBe('1.7');
    // /Lang on the catalog.
    const { objects } = qpdfJson(file);
    const catalog = Object.values(objects).find((o) => (o.value as Record<string, unknown> | undefined)?.['/Type'] === '/Catalog');
    expect((catalog?.value as Record<string, unknown> | undefined)?.['/Lang']).toBe('u:en');
  });

  it('tags headings, paragraphs, lists and tables in the structure tree', () => {
    const { objects } = qpdfJson(file);
    const types = new Set(Object.values(objects).map((o) => (o.value as Record<string, unknown> | undefined)?.['/S']).filter((s) => typeof s === 'string'));
    for (const tag of ['/Document', '/Sect', '/H1', '/H2', '/H3', '/P', '/L', '/LI', '/Table', '/TR', '/TH', '/TD', '/BlockQuote', '/Link']) expect(types).toContain(tag);
  });

  it('has an outline mirroring the headings', () => {
    const titles = outlineTitles(qpdfJson(file).outlines);
    expect(titles).toEqual([
      'Keeping the Lights On: Grid Repairs After a Hard Winter',
      '  Summary',
      '  Key figures',
      '  Key claims',
      '    Forecasts (1)',
      '    Recommendations (1)',
      '    Attributed claims (3)',
      '  Quotes',
      '  Outline of the text',
      '  Sources and links',
    ]);
  });

  it('links only to http, https and mailto', () => {
    const uris = linkUris(file);
    expect(uris).toContain('https://example.org/analysis/grid-repairs-0');
    expect(uris).toContain('https://example.org/report');
    expect(uris).toContain('https://example.org/ar/grid');
    for (const uri of uris) expect(uri).toMatch(/^(https?|mailto):/);
    // The javascript: translation link and the file: link in the text are dropped.
    expect(uris.join(' ')).not.toMatch(/javascript|file:/);
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await renderBrief(sampleBrief(), { charts: false, date: '2024-05-01T00:00:00Z' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('takes its date from SOURCE_DATE_EPOCH, else from the brief, never the clock', async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      const a = await renderBrief(sampleBrief(), { charts: false });
      expect(pdfinfo(toFile(a)).CreationDate).toMatch(/^2023-11-14T22:13:20/);
      delete process.env.SOURCE_DATE_EPOCH;
      const b = await renderBrief(sampleBrief(), { charts: false });
      expect(pdfinfo(toFile(b)).CreationDate).toMatch(/^2024-01-15T00:00:00/);
      const c = await renderBrief(sampleBrief(), { charts: false });
      expect(Buffer.from(b).equals(Buffer.from(c))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('sets Letter pages when asked', async () => {
    const letter = await renderBrief(sampleBrief(), { charts: false, pageSize: 'Letter', date: 0 });
    expect(pdfinfo(toFile(letter))['Page size']).toMatch(/^612 x 792/);
  });
});

describe('renderBrief pagination', async () => {
  const bytes = await renderBrief(longBrief(120), { charts: false, date: 0 });
  const file = toFile(bytes, 'long.pdf');
  const pages = Number(pdfinfo(file).Pages);

  it('splits a long table and repeats its header on every page it reaches', () => {
    expect(pages).toBeGreaterThan(3);
    // Rows of the key-figures table read "schools: Inspectors counted …" in the What column.
    const tablePages: number[] = [];
    for (let p = 1; p <= pages; p++) if (pdftotext(file, p).includes('schools: Inspectors counted')) tablePages.push(p);
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) expect(pdftotext(file, p), `page ${p}`).toContain('Where in the text');
  });

  it('never leaves a heading alone at the foot of a page', () => {
    const headings = /^(Summary|Key figures|Charts|Key claims|Forecasts \(\d+\)|Recommendations \(\d+\)|Attributed claims \(\d+\)|Quotes|Outline of the text|Sources and links)$/;
    for (let p = 1; p <= pages; p++) {
      const lines = pdftotext(file, p)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^Page \d+ of \d+$/.test(l));
      expect(headings.test(lines.at(-1) ?? ''), `page ${p} ends with "${lines.at(-1)}"`).toBe(false);
    }
  });

  it('numbers pages "Page n of N"', () => {
    expect(pdftotext(file, pages)).toContain(`Page ${pages} of ${pages}`);
    expect(pdftotext(file, 2)).toContain(`Page 2 of ${pages}`);
  });

  it('passes qpdf --check', () => {
    expect(() => execFileSync('qpdf', ['--check', file])).not.toThrow();
  });
});
