import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { type FontRole, loadFonts, quickenFontLayout, withoutMarks } from '../src/fonts.js';

type Run = { glyphs: Array<{ id: number }> | null; positions: unknown[] | null; advanceWidth: number };
type FontLike = { layout(text: string, features?: unknown, onlyWidth?: boolean): Run; layoutCache?: unknown };

describe('quickenFontLayout', () => {
  it("lays out word by word exactly as pdfkit's own layout", () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.registerFont('serif', loadFonts().get('serif') as unknown as Buffer);
    doc.font('serif');
    const font = (doc as unknown as { _font: FontLike })._font;
    const proto = Object.getPrototypeOf(font) as FontLike;
    const original = proto.layout;
    const texts = ['', ' ', 'word', 'two words', ' leading', 'trailing ', 'double  space', 'tab\tand space', '\t\tx \t y', 'Über 40% of $5 million…'];
    const before = texts.map((t) => [original.call(font, t), original.call(font, t, undefined, true)]);
    quickenFontLayout(font);
    expect(proto.layout).not.toBe(original);
    const after = texts.map((t) => [font.layout(t), font.layout(t, undefined, true)]);
    expect(after).toEqual(before);
  });
});

type Shaped = { glyphs: Array<{ id: number }>; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> };
type Face = { layout(text: string, features?: Record<string, boolean>): Shaped; characterSet: number[] };

/** Glyph ids and positions of a run, comparable with `toEqual`. */
const shapedAs = (run: Shaped) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
});

describe('laying out runs without combining marks', () => {
  const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
  const shared = process.env.BRIEFS_SHARED ?? resolve(repoRoot, '../shared');
  const dirs = [join(shared, 'corpus/real'), join(repoRoot, 'examples')].filter((d) => existsSync(d));
  const words = new Set<string>();
  for (const dir of dirs) for (const f of readdirSync(dir)) if (/\.(md|txt|html)$/.test(f)) for (const w of readFileSync(join(dir, f), 'utf8').split(/\s+/)) if (w) words.add(`${w} `);
  const latin: FontRole[] = ['serif', 'serif-bold', 'serif-italic', 'sans', 'sans-bold', 'sans-italic'];
  const fonts = loadFonts();

  it('tells runs with combining marks (or scripts it does not vouch for) from those without', () => {
    expect(withoutMarks('Über 40 % of €5 million — “fine”; Ελλάδα, Україна, Việt')).toBe(true);
    expect(withoutMarks('cafe\u0301')).toBe(false);
    expect(withoutMarks('ב\u05b0')).toBe(false);
    expect(withoutMarks('عربي')).toBe(false);
    expect(withoutMarks('emoji 🙂')).toBe(false);
  });

  it.each(latin)('%s: every character it vouches for shapes as with every default feature', (role) => {
    const face = fonts.get(role) as unknown as Face;
    const chars = face.characterSet.map((c) => String.fromCodePoint(c)).filter(withoutMarks);
    expect(chars.length).toBeGreaterThan(1000);
    // Alone, and after a base letter that marks would attach to.
    for (const text of [...chars, ...chars.map((c) => `o${c}`)]) expect(shapedAs(face.layout(text)), text).toEqual(shapedAs(face.layout(text, {})));
  });

  it.runIf(words.size > 1000)('shapes every word of the corpus and examples as with every default feature', () => {
    let skipped = 0;
    for (const role of latin) {
      const face = fonts.get(role) as unknown as Face;
      for (const word of words) {
        if (!withoutMarks(word)) skipped++;
        expect(shapedAs(face.layout(word)), `${role}: ${word}`).toEqual(shapedAs(face.layout(word, {})));
      }
    }
    expect(skipped).toBeLessThan(words.size * latin.length);
  });
});
