import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFonts, quickenFontLayout } from '../src/fonts.js';

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
