/**
 * Chart labels as pdfkit text. @briefs/charts writes chart text as flat `<text>` elements after
 * cairo's drawing (x, y, optional matrix, size, weight, style, anchor, fill, opacity). svg-to-pdfkit
 * can set them, but lays text out glyph by glyph (~3 ms a label, most of a chart's cost); pdfkit's
 * own text, with the shared shaping cache, is a hundred times cheaper and gives the same glyphs
 * from the same embedded font. Elements of any other shape stay in the SVG for svg-to-pdfkit.
 */
import type { TextRun } from '@briefs/charts';

/** The text runs @briefs/charts writes (one `<text>` element each), read back here. */
export type SvgText = TextRun;

const TEXT = /<text ([^<>]*)>([^<]*)<\/text>\n?/g;
const ATTR = /([a-z-]+)="([^"]*)"/g;
const KNOWN = new Set(['x', 'y', 'transform', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'fill', 'fill-opacity']);

const unescapeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });

function parse(attrs: string, body: string): SvgText | null {
  const a = new Map<string, string>();
  for (const [, key, value] of attrs.matchAll(ATTR)) {
    if (!key || value === undefined || !KNOWN.has(key)) return null;
    a.set(key, value);
  }
  const x = Number(a.get('x'));
  const y = Number(a.get('y'));
  const size = Number(a.get('font-size') ?? 10);
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(size)) return null;
  let matrix: SvgText['matrix'] = null;
  const transform = a.get('transform');
  if (transform !== undefined) {
    const m = /^matrix\(([-\d.e\s,]+)\)$/.exec(transform.trim());
    const values = m?.[1]?.split(/[\s,]+/).map(Number);
    if (values?.length !== 6 || values.some((v) => !Number.isFinite(v))) return null;
    matrix = values as SvgText['matrix'];
  }
  const anchor = a.get('text-anchor') ?? 'start';
  if (anchor !== 'start' && anchor !== 'middle' && anchor !== 'end') return null;
  const fill = a.get('fill') ?? '#000000';
  if (!/^#[0-9a-f]{3,8}$/i.test(fill)) return null;
  return {
    text: unescapeXml(body),
    x,
    y,
    matrix,
    size,
    bold: a.get('font-weight') === 'bold',
    italic: a.get('font-style') === 'italic',
    anchor,
    fill,
    opacity: Number(a.get('fill-opacity') ?? 1),
  };
}

/** The SVG without the text elements this module can draw, and those elements. */
export function splitSvgText(svg: string): { svg: string; texts: SvgText[] } {
  const texts: SvgText[] = [];
  const rest = svg.replace(TEXT, (whole, attrs: string, body: string) => {
    const text = parse(attrs, body);
    if (!text) return whole;
    texts.push(text);
    return '';
  });
  return { svg: rest, texts };
}

/** The viewBox size of an SVG, or null. */
export function viewBoxOf(svg: string): { width: number; height: number } | null {
  const m = /<svg[^>]*\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}
