import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { drawSvg, parseSvg } from '../src/svg-draw.js';

/** The shape of cairo's SVG as @briefs/charts writes it, text taken out. */
const CAIRO = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200pt" height="100pt" viewBox="0 0 200 100" version="1.1">
<defs>
<clipPath id="clip1">
  <path d="M 10 10 L 150 10 L 150 40 L 10 40 Z M 10 10 "/>
</clipPath>
</defs>
<g id="surface1">
<rect x="0" y="0" width="200" height="100" style="fill:rgb(100%,100%,100%);fill-opacity:1;stroke:none;"/>
<path style="fill:none;stroke-width:1;stroke-linecap:butt;stroke-linejoin:miter;stroke:rgb(86.67%,86.67%,86.67%);stroke-opacity:1;stroke-miterlimit:10;" d="M 50.5 5 L 50.5 90 "/>
<g clip-path="url(#clip1)" clip-rule="nonzero">
<path style=" stroke:none;fill-rule:nonzero;fill:rgb(12.16%,30.59%,47.45%);fill-opacity:0.5;" d="M 10.5 10.7 L 160 10.7 L 160 40 L 10.5 40 Z M 10.5 10.7 "/>
</g>
</g>
</svg>
`;

/** The content stream of a one-page document with `svg` drawn at (100, 200) in 400 × 300. */
function contentOf(svg: string): { drawn: boolean; content: string; xobjects: number } {
  const doc = new PDFDocument({ compress: false, autoFirstPage: false });
  doc.addPage();
  const drawn = drawSvg(doc, svg, 100, 200, 400, 300);
  const page = doc.page as unknown as { content: { buffer: Uint8Array[] }; xobjects: Record<string, unknown> };
  const content = Buffer.concat(page.content.buffer).toString('latin1');
  return { drawn, content, xobjects: Object.keys(page.xobjects).length };
}

describe('drawSvg (cairo subset)', () => {
  it('parses the subset: clip groups, shapes, paint', () => {
    const parsed = parseSvg(CAIRO);
    expect(parsed?.viewBox).toEqual([0, 0, 200, 100]);
    expect(parsed?.ops.map((op) => op.kind)).toEqual(['shape', 'shape', 'clip']);
  });

  it('draws scaled and centred in the box, clips with a clipping path, no XObjects', () => {
    const { drawn, content, xobjects } = contentOf(CAIRO);
    expect(drawn).toBe(true);
    // Box clip, then scale 2 (400/200 < 300/100) centred vertically: (300 - 200) / 2 = 50.
    expect(content).toContain('100 200 400 300 re\nW n\n2 0 0 2 100 250 cm');
    // The grid line: stroke colour, width, cap, join, miter limit, no dash, then the path.
    expect(content).toMatch(/0\.8667\d* 0\.8667\d* 0\.8667\d* SCN\n\/Gs\d gs\n1 w\n0 J\n0 j\n10 M\n\[\] 0 d\n50\.5 5 m\n50\.5 90 l\nS\n/);
    // The bar: a clip path, the fill at half opacity; the zero-length trailing subpath is left out.
    expect(content).toMatch(/10 10 m\n150 10 l\n150 40 l\n10 40 l\nh\nW n\n[\s\S]*\/Gs\d gs[\s\S]*10\.5 10\.7 m\n160 10\.7 l\n160 40 l\n10\.5 40 l\nh\nf\n/);
    expect(xobjects).toBe(0);
  });

  it.each([
    ['text left in', CAIRO.replace('</g>\n</svg>', '<text x="1" y="2">a</text></g>\n</svg>')],
    ['glyph outlines', CAIRO.replace('</defs>', '<symbol overflow="visible" id="glyph0-1"><path d="M 0 0 L 1 1 Z"/></symbol></defs>')],
    ['a gradient fill', CAIRO.replace('fill:rgb(100%,100%,100%)', 'fill:url(#g1)')],
    ['an unknown property', CAIRO.replace('stroke:none;"/>', 'stroke:none;filter:blur(1px);"/>')],
    ['relative path data', CAIRO.replace('d="M 50.5 5 L 50.5 90 "', 'd="m 50.5 5 l 0 85"')],
    ['a missing clip path', CAIRO.replace('url(#clip1)', 'url(#clip9)')],
    ['no viewBox', CAIRO.replace(' viewBox="0 0 200 100"', '')],
    ['an image', CAIRO.replace('</g>\n</svg>', '<image width="1" height="1" xlink:href="data:,"/></g>\n</svg>')],
  ])('leaves SVGs with %s to svg-to-pdfkit, drawing nothing', (_what, svg) => {
    expect(parseSvg(svg)).toBeNull();
    const { drawn, content } = contentOf(svg);
    expect(drawn).toBe(false);
    expect(content).not.toContain(' re\nW n');
  });
});
