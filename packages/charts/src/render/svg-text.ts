import type { Chart, Plugin } from 'chart.js';

/**
 * Chart text as SVG `<text>` elements instead of glyph outlines.
 *
 * node-canvas draws every `fillText` as a path of glyph outlines, and cairo's SVG writer spends
 * most of a chart's render time printing those outlines (≈250 ms and 400 KB for a chart of ten
 * two-line labels). This plugin takes over `fillText` on the chart's context while it draws, records
 * each run with its position, font, colour and alignment, and the renderer writes them as `<text>`
 * after cairo's output. svg-to-pdfkit then sets them in the PDF's own embedded font — the same Noto
 * Sans files the labels were measured with — so the layout holds and the text is real text.
 *
 * Right-to-left runs (Arabic, Hebrew…) are still drawn as outlines by cairo/pango, which shape and
 * order them; svg-to-pdfkit does no bidi.
 */

export interface TextRun {
  text: string;
  x: number;
  y: number;
  /** Set when the context was rotated or scaled: `matrix(a b c d e f)`. */
  matrix: [number, number, number, number, number, number] | null;
  size: number;
  bold: boolean;
  italic: boolean;
  anchor: 'start' | 'middle' | 'end';
  fill: string;
  opacity: number;
}

/** The part of node-canvas's 2D context this module uses (the package builds without the DOM lib). */
interface TextContext {
  font: string;
  textBaseline: string;
  textAlign: string;
  fillStyle: unknown;
  globalAlpha: number;
  measureText(text: string): { actualBoundingBoxAscent: number };
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number };
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

let sink: TextRun[] | null = null;

/** Record the text of the charts drawn while `fn` runs (synchronously) and return it with fn's result. */
export function captureText<T>(fn: () => T): { result: T; runs: TextRun[] } {
  const runs: TextRun[] = [];
  sink = runs;
  try {
    return { result: fn(), runs };
  } finally {
    sink = null;
  }
}

/** Baseline offsets per font and textBaseline: a function of the font's metrics, not of the text. */
const baselineShift = new Map<string, number>();

function toAlphabetic(ctx: TextContext): number {
  const baseline = ctx.textBaseline;
  if (baseline === 'alphabetic') return 0;
  const key = `${ctx.font}|${baseline}`;
  let shift = baselineShift.get(key);
  if (shift === undefined) {
    // The top of the same glyphs seen from both baselines: the difference is the baseline shift.
    const from = ctx.measureText('Hg').actualBoundingBoxAscent;
    ctx.textBaseline = 'alphabetic';
    const alphabetic = ctx.measureText('Hg').actualBoundingBoxAscent;
    ctx.textBaseline = baseline;
    shift = alphabetic - from;
    baselineShift.set(key, shift);
  }
  return shift;
}

/** Fill colour and its own alpha (1 unless `rgba`) per canvas fill style, parsed once. */
const colours = new Map<string, { fill: string; alpha: number }>();

function colour(style: unknown, alpha: number): { fill: string; opacity: number } {
  if (typeof style !== 'string') return { fill: '#000000', opacity: alpha };
  let parsed = colours.get(style);
  if (parsed === undefined) {
    const m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(style);
    const hex = (n: string) => Number(n).toString(16).padStart(2, '0');
    parsed = m
      ? { fill: `#${hex(m[1]!)}${hex(m[2]!)}${hex(m[3]!)}`, alpha: m[4] === undefined ? 1 : Number(m[4]) }
      : { fill: style, alpha: 1 };
    if (colours.size > 1000) colours.clear();
    colours.set(style, parsed);
  }
  return { fill: parsed.fill, opacity: alpha * parsed.alpha };
}

/** Size, weight and style per CSS font string, parsed once. */
const fonts = new Map<string, { size: number; bold: boolean; italic: boolean }>();

function fontOf(font: string): { size: number; bold: boolean; italic: boolean } {
  let parsed = fonts.get(font);
  if (parsed === undefined) {
    parsed = {
      size: Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10),
      bold: /\b(bold|bolder|[6-9]00)\b/.test(font),
      italic: /\b(italic|oblique)\b/.test(font),
    };
    if (fonts.size > 1000) fonts.clear();
    fonts.set(font, parsed);
  }
  return parsed;
}

function record(ctx: TextContext, text: string, x: number, y: number): TextRun {
  const { size, bold, italic } = fontOf(ctx.font);
  const align = ctx.textAlign;
  const anchor = align === 'center' ? 'middle' : align === 'right' || align === 'end' ? 'end' : 'start';
  const dy = toAlphabetic(ctx);
  const t = ctx.getTransform();
  const translateOnly = t.a === 1 && t.b === 0 && t.c === 0 && t.d === 1;
  return {
    text,
    x: translateOnly ? x + t.e : x,
    y: translateOnly ? y + dy + t.f : y + dy,
    matrix: translateOnly ? null : [t.a, t.b, t.c, t.d, t.e, t.f],
    size,
    bold,
    italic,
    anchor,
    ...colour(ctx.fillStyle, ctx.globalAlpha),
  };
}

/** Takes over `fillText` of the chart's context while a capture is running. */
export const textCapturePlugin: Plugin = {
  id: 'briefsTextCapture',
  beforeDraw(chart: Chart) {
    const runs = sink;
    if (!runs) return;
    const ctx = chart.ctx as unknown as TextContext;
    const draw = ctx.fillText.bind(ctx);
    ctx.fillText = (text: string, x: number, y: number, maxWidth?: number): void => {
      const s = String(text);
      if (s.trim() === '') return;
      if (RTL.test(s)) {
        if (maxWidth === undefined) draw(s, x, y);
        else draw(s, x, y, maxWidth);
        return;
      }
      runs.push(record(ctx, s, x, y));
    };
  },
};

const num = (n: number): string => {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

const XML_SPECIAL = /[&<>"]/;

function escapeXml(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The runs as SVG `<text>` elements, one per line, in drawing order. */
export function textElements(runs: readonly TextRun[], fontFamily: string): string {
  const family = escapeXml(fontFamily);
  let out = '';
  for (const r of runs) {
    out += `<text x="${num(r.x)}" y="${num(r.y)}"`;
    if (r.matrix) out += ` transform="matrix(${r.matrix.map(num).join(' ')})"`;
    out += ` font-family="${family}" font-size="${num(r.size)}"`;
    if (r.bold) out += ' font-weight="bold"';
    if (r.italic) out += ' font-style="italic"';
    if (r.anchor !== 'start') out += ` text-anchor="${r.anchor}"`;
    out += ` fill="${escapeXml(r.fill)}"`;
    if (r.opacity < 1) out += ` fill-opacity="${num(r.opacity)}"`;
    out += `>${escapeXml(r.text)}</text>\n`;
  }
  return out;
}
