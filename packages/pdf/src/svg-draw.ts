/**
 * Chart SVGs drawn straight into pdfkit. @briefs/charts' SVGs are cairo's output with the text
 * taken out (see svg-text.ts): a root `<svg>` with a viewBox, `<defs>` of `<clipPath>`s, `<g>`
 * groups that clip, and `<path>`/`<rect>` elements with a `style` of fill and stroke properties,
 * path data of absolute M, L, C and Z. svg-to-pdfkit draws that too, but builds a general SVG
 * tree (CSS properties, inheritance, lengths) and makes every clip a luminosity soft mask in a
 * transparency group: most of a chart's embedding time, and an XObject and a graphics state in the
 * PDF per clipped bar. Here a clip is a clipping path (`W n`), as in the SVG.
 *
 * Anything outside that subset (text left in, glyph outlines as `<symbol>`/`<use>`, images,
 * gradients, other units or properties) makes {@link drawSvg} return false before drawing
 * anything, and the caller hands the SVG to svg-to-pdfkit.
 */

type Colour = [number, number, number];

interface Paint {
  fill: Colour | null;
  fillOpacity: number;
  evenOdd: boolean;
  stroke: Colour | null;
  strokeOpacity: number;
  width: number;
  cap: 'butt' | 'round' | 'square';
  join: 'miter' | 'round' | 'bevel';
  miter: number;
  dash: number[] | null;
  dashOffset: number;
}

/** Path data: subpaths of [command, ...numbers] with zero-length subpaths left out. */
type Segment = ['M' | 'L', number, number] | ['C', number, number, number, number, number, number] | ['Z'];

type Op =
  | { kind: 'shape'; paint: Paint; path: Segment[]; matrix: Matrix | null }
  | { kind: 'clip'; path: Segment[]; ops: Op[] };

type Matrix = [number, number, number, number, number, number];

interface Parsed {
  viewBox: [number, number, number, number];
  ops: Op[];
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/y;
const ATTR = /([\w:-]+)\s*=\s*"([^"]*)"/g;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

const parseNumber = (s: string | undefined): number | null => {
  if (s === undefined) return null;
  const t = s.trim();
  return NUMBER.test(t) ? Number(t) : null;
};

function attrsOf(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) map.set(m[1]!, m[2]!);
  return map;
}

function colourOf(value: string): Colour | null | undefined {
  const v = value.trim();
  if (v === 'none') return null;
  let m = /^rgb\(\s*([\d.]+)%\s*,\s*([\d.]+)%\s*,\s*([\d.]+)%\s*\)$/.exec(v);
  if (m) return [(Number(m[1]) * 255) / 100, (Number(m[2]) * 255) / 100, (Number(m[3]) * 255) / 100];
  m = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^#([0-9a-f]{6})$/i.exec(v);
  if (m) {
    const n = Number.parseInt(m[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  if (m) return [Number.parseInt(m[1]! + m[1]!, 16), Number.parseInt(m[2]! + m[2]!, 16), Number.parseInt(m[3]! + m[3]!, 16)];
  return undefined;
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/** The paint of a `style` attribute (SVG initial values for what it leaves out), or null if unknown. */
function paintOf(style: string | undefined): Paint | null {
  const paint: Paint = {
    fill: [0, 0, 0],
    fillOpacity: 1,
    evenOdd: false,
    stroke: null,
    strokeOpacity: 1,
    width: 1,
    cap: 'butt',
    join: 'miter',
    miter: 4,
    dash: null,
    dashOffset: 0,
  };
  let opacity = 1;
  for (const declaration of (style ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) {
      if (declaration.trim() !== '') return null;
      continue;
    }
    const key = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    switch (key) {
      case 'fill':
      case 'stroke': {
        const colour = colourOf(value);
        if (colour === undefined) return null;
        paint[key] = colour;
        break;
      }
      case 'fill-opacity':
      case 'stroke-opacity':
      case 'opacity':
      case 'stroke-width':
      case 'stroke-miterlimit':
      case 'stroke-dashoffset': {
        const n = parseNumber(value);
        if (n === null) return null;
        if (key === 'fill-opacity') paint.fillOpacity = clamp01(n);
        else if (key === 'stroke-opacity') paint.strokeOpacity = clamp01(n);
        else if (key === 'opacity') opacity = clamp01(n);
        else if (key === 'stroke-width') paint.width = n;
        else if (key === 'stroke-miterlimit') paint.miter = n;
        else paint.dashOffset = n;
        break;
      }
      case 'fill-rule':
        if (value !== 'nonzero' && value !== 'evenodd') return null;
        paint.evenOdd = value === 'evenodd';
        break;
      case 'stroke-linecap':
        if (value !== 'butt' && value !== 'round' && value !== 'square') return null;
        paint.cap = value;
        break;
      case 'stroke-linejoin':
        if (value !== 'miter' && value !== 'round' && value !== 'bevel') return null;
        paint.join = value;
        break;
      case 'stroke-dasharray': {
        if (value === 'none') {
          paint.dash = null;
          break;
        }
        const parts = value.split(/[\s,]+/).map(parseNumber);
        if (parts.some((p) => p === null || p < 0)) return null;
        const dash = parts as number[];
        // All zero: a solid line (SVG); an odd count is repeated to an even one.
        paint.dash = dash.every((d) => d === 0) ? null : dash.length % 2 === 1 ? [...dash, ...dash] : dash;
        if (paint.dash?.some((d) => d === 0)) return null;
        break;
      }
      default:
        return null;
    }
  }
  paint.fillOpacity *= opacity;
  paint.strokeOpacity *= opacity;
  if (paint.width <= 0) paint.stroke = null;
  return paint;
}

/**
 * Absolute M/L/C/Z path data as segments; subpaths of zero length are dropped (they paint nothing
 * with butt caps; with round or square caps they would be dots, so such a path is not handled).
 */
function pathOf(d: string, cap: Paint['cap'] | null): Segment[] | null {
  const tokens = d.match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: Segment[] = [];
  let sub: Segment[] = [];
  let length = false;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const flush = (): boolean => {
    if (sub.length > 0) {
      if (length) out.push(...sub);
      else if (cap === 'round' || cap === 'square') return false;
    }
    sub = [];
    length = false;
    return true;
  };
  let i = 0;
  let command = '';
  const next = (): number | null => {
    const t = tokens[i];
    if (t === undefined || /[A-Za-z]/.test(t)) return null;
    i++;
    return Number(t);
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (/[A-Za-z]/.test(t)) {
      command = t;
      i++;
    } else if (command === 'M') command = 'L';
    switch (command) {
      case 'M': {
        const nx = next();
        const ny = next();
        if (nx === null || ny === null || !flush()) return null;
        sub.push(['M', nx, ny]);
        x = startX = nx;
        y = startY = ny;
        break;
      }
      case 'L': {
        const nx = next();
        const ny = next();
        if (nx === null || ny === null) return null;
        if (sub.length === 0) sub.push(['M', x, y]);
        if (nx !== x || ny !== y) length = true;
        sub.push(['L', nx, ny]);
        x = nx;
        y = ny;
        break;
      }
      case 'C': {
        const v = [next(), next(), next(), next(), next(), next()];
        if (v.some((n) => n === null)) return null;
        const [a, b, c, e, nx, ny] = v as number[];
        if (sub.length === 0) sub.push(['M', x, y]);
        if (a !== x || b !== y || c !== x || e !== y || nx !== x || ny !== y) length = true;
        sub.push(['C', a!, b!, c!, e!, nx!, ny!]);
        x = nx!;
        y = ny!;
        break;
      }
      case 'Z':
      case 'z':
        if (sub.length > 0) sub.push(['Z']);
        x = startX;
        y = startY;
        command = '';
        break;
      default:
        return null;
    }
  }
  return flush() ? out : null;
}

function matrixOf(transform: string | undefined): Matrix | null | undefined {
  if (transform === undefined) return null;
  const m = /^\s*matrix\(([^)]*)\)\s*$/.exec(transform);
  const values = m?.[1]?.trim().split(/[\s,]+/).map(parseNumber);
  if (values?.length !== 6 || values.some((v) => v === null)) return undefined;
  return values as Matrix;
}

const only = (attrs: Map<string, string>, allowed: readonly string[]): boolean => {
  for (const key of attrs.keys()) if (!allowed.includes(key)) return false;
  return true;
};

/** Parses an SVG of the subset, or returns null. */
export function parseSvg(svg: string): Parsed | null {
  let at = svg.indexOf('<svg');
  if (at === -1 || svg.slice(0, at).replace(/<\?xml[^>]*\?>/, '').trim() !== '') return null;
  let viewBox: Parsed['viewBox'] | null = null;
  const root: Op[] = [];
  /** Open elements: what their children are added to. */
  const stack: Array<{ name: string; ops: Op[] | null; clipId?: string; clipPath?: Segment[] | null }> = [];
  const clips = new Map<string, Segment[]>();
  /** Groups that clip with a clipPath defined later: resolved at the end. */
  const pending: Array<{ op: Extract<Op, { kind: 'clip' }>; id: string }> = [];
  let closed = false;
  TAG.lastIndex = at;
  while (at < svg.length) {
    const gap = svg.indexOf('<', at);
    if (gap === -1) {
      if (svg.slice(at).trim() !== '') return null;
      break;
    }
    if (svg.slice(at, gap).trim() !== '' || closed) return null;
    TAG.lastIndex = gap;
    const m = TAG.exec(svg);
    if (!m) return null;
    at = TAG.lastIndex;
    const [, end, name, attrText, selfClosing] = m as unknown as [string, string, string, string, string];
    if (end) {
      const open = stack.pop();
      if (open?.name !== name || attrText.trim() !== '' || selfClosing) return null;
      if (name === 'clipPath' && open.clipId !== undefined) {
        if (!open.clipPath || clips.has(open.clipId)) return null;
        clips.set(open.clipId, open.clipPath);
      }
      if (name === 'svg') closed = true;
      continue;
    }
    const attrs = attrsOf(attrText);
    const parent = stack[stack.length - 1];
    let children: Op[] | null = null;
    let clipId: string | undefined;
    switch (name) {
      case 'svg': {
        if (parent || viewBox) return null;
        if (!only(attrs, ['xmlns', 'xmlns:xlink', 'width', 'height', 'viewBox', 'version'])) return null;
        const box = (attrs.get('viewBox') ?? '').trim().split(/[\s,]+/).map(parseNumber);
        if (box.length !== 4 || box.some((n) => n === null) || box[2]! <= 0 || box[3]! <= 0) return null;
        viewBox = box as Parsed['viewBox'];
        children = root;
        break;
      }
      case 'defs':
        if (parent?.name !== 'svg' || attrs.size > 0) return null;
        break;
      case 'clipPath': {
        if (parent?.name !== 'defs' || !only(attrs, ['id'])) return null;
        clipId = attrs.get('id');
        if (clipId === undefined) return null;
        break;
      }
      case 'g': {
        if (!parent?.ops || !only(attrs, ['id', 'clip-path', 'clip-rule'])) return null;
        const clip = attrs.get('clip-path');
        const rule = attrs.get('clip-rule');
        if (rule !== undefined && rule !== 'nonzero') return null;
        if (clip === undefined) {
          children = parent.ops;
          break;
        }
        const ref = /^url\(#([^)]+)\)$/.exec(clip.trim());
        if (!ref) return null;
        const op: Extract<Op, { kind: 'clip' }> = { kind: 'clip', path: [], ops: [] };
        pending.push({ op, id: ref[1]! });
        parent.ops.push(op);
        children = op.ops;
        break;
      }
      case 'path':
      case 'rect': {
        if (!selfClosing) return null;
        let d: string;
        if (name === 'path') {
          if (!only(attrs, ['style', 'd', 'transform'])) return null;
          d = attrs.get('d') ?? '';
        } else {
          if (!only(attrs, ['style', 'x', 'y', 'width', 'height', 'transform'])) return null;
          const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => parseNumber(attrs.get(k) ?? '0'));
          if (x === null || y === null || w === null || h === null || w! < 0 || h! < 0) return null;
          d = w === 0 || h === 0 ? '' : `M ${x} ${y} L ${x! + w!} ${y} L ${x! + w!} ${y! + h!} L ${x} ${y! + h!} Z`;
        }
        if (parent?.name === 'clipPath') {
          // A clip path's own paint does not matter; one shape per clipPath, untransformed.
          if (attrs.has('transform') || parent.clipPath !== undefined) return null;
          parent.clipPath = pathOf(d, null);
          if (!parent.clipPath) return null;
          break;
        }
        if (!parent?.ops) return null;
        const paint = paintOf(attrs.get('style'));
        const matrix = matrixOf(attrs.get('transform'));
        if (!paint || matrix === undefined) return null;
        const path = pathOf(d, paint.stroke ? paint.cap : null);
        if (!path) return null;
        if (path.length > 0 && (paint.fill || paint.stroke)) parent.ops.push({ kind: 'shape', paint, path, matrix });
        break;
      }
      default:
        return null;
    }
    if (!selfClosing) stack.push({ name, ops: children, ...(clipId !== undefined ? { clipId } : {}) });
    else if (name !== 'path' && name !== 'rect' && name !== 'g' && name !== 'defs') return null;
  }
  if (!closed || stack.length > 0 || !viewBox) return null;
  for (const { op, id } of pending) {
    const path = clips.get(id);
    if (!path) return null;
    op.path = path;
  }
  return { viewBox, ops: root };
}

/** What the content stream is set to, to write only changes. */
interface State {
  fill: string;
  stroke: string;
  width: number;
  cap: string;
  join: string;
  miter: number;
  dash: string;
}

type Doc = PDFKit.PDFDocument;

function tracePath(doc: Doc, path: readonly Segment[]): void {
  for (const s of path) {
    switch (s[0]) {
      case 'M':
        doc.moveTo(s[1], s[2]);
        break;
      case 'L':
        doc.lineTo(s[1], s[2]);
        break;
      case 'C':
        doc.bezierCurveTo(s[1], s[2], s[3], s[4], s[5], s[6]);
        break;
      default:
        doc.closePath();
    }
  }
}

function drawOps(doc: Doc, ops: readonly Op[], state: State): void {
  for (const op of ops) {
    if (op.kind === 'clip') {
      doc.save();
      tracePath(doc, op.path);
      doc.clip();
      drawOps(doc, op.ops, { ...state });
      doc.restore();
      continue;
    }
    const { paint, path, matrix } = op;
    const fill = paint.fill && paint.fillOpacity > 0 ? paint.fill : null;
    const stroke = paint.stroke && paint.strokeOpacity > 0 ? paint.stroke : null;
    if (!fill && !stroke) continue;
    if (matrix) {
      doc.save();
      doc.transform(...matrix);
    }
    const local = matrix ? { ...state } : state;
    if (fill) {
      const key = `${fill.join(',')}/${paint.fillOpacity}`;
      if (local.fill !== key) {
        doc.fillColor(fill, paint.fillOpacity);
        local.fill = key;
      }
    }
    if (stroke) {
      const key = `${stroke.join(',')}/${paint.strokeOpacity}`;
      if (local.stroke !== key) {
        doc.strokeColor(stroke, paint.strokeOpacity);
        local.stroke = key;
      }
      if (local.width !== paint.width) {
        doc.lineWidth(paint.width);
        local.width = paint.width;
      }
      if (local.cap !== paint.cap) {
        doc.lineCap(paint.cap);
        local.cap = paint.cap;
      }
      if (local.join !== paint.join) {
        doc.lineJoin(paint.join);
        local.join = paint.join;
      }
      if (local.miter !== paint.miter) {
        doc.miterLimit(paint.miter);
        local.miter = paint.miter;
      }
      const dash = paint.dash ? `${paint.dash.join(' ')}@${paint.dashOffset}` : '';
      if (local.dash !== dash) {
        if (paint.dash) doc.dash(paint.dash as never, { phase: paint.dashOffset } as never);
        else doc.undash();
        local.dash = dash;
      }
    }
    tracePath(doc, path);
    const rule = paint.evenOdd ? 'even-odd' : 'non-zero';
    if (fill && stroke) doc.fillAndStroke(rule as never);
    else if (fill) doc.fill(rule as never);
    else doc.stroke();
    if (matrix) doc.restore();
  }
}

/**
 * Draws `svg` in the box (x, y, width, height) of the current page, scaled to fit and centred
 * (`xMidYMid meet`) and clipped to the box, as svg-to-pdfkit would. False, with nothing drawn,
 * when the SVG is not of the subset this module knows.
 */
export function drawSvg(doc: Doc, svg: string, x: number, y: number, width: number, height: number): boolean {
  const p = parseSvg(svg);
  if (!p) return false;
  const [vx, vy, vw, vh] = p.viewBox;
  const scale = Math.min(width / vw, height / vh);
  doc.save();
  doc.rect(x, y, width, height).clip();
  doc.transform(scale, 0, 0, scale, x + (width - vw * scale) / 2 - vx * scale, y + (height - vh * scale) / 2 - vy * scale);
  // Nothing known of the state the page is in: each property is set where first used.
  drawOps(doc, p.ops, { fill: '', stroke: '', width: Number.NaN, cap: '', join: '', miter: Number.NaN, dash: '?' });
  doc.restore();
  return true;
}
