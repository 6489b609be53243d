/**
 * mdast phrasing content → reader text with an offset map (see mapped-text.ts).
 *
 * What a reader sees: markdown escapes (`\$` → `$`), emphasis and link syntax are removed; the
 * scraped link form `[text](#) (<https://…>)` (also after `**bold**`) reads `text` and links to the
 * `(<…>)` target; link text ending in its own target, `[text \(/path\)](/path)`, reads `text`.
 * The walk is iterative: emphasis can nest as deep as the input likes.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { isSpace, type LinkTarget, type MappedTextBuilder } from './mapped-text.js';

export interface ImageRef {
  alt: string;
  url: string;
  title: string | null;
  start: number;
  end: number;
}

export interface ReaderContext {
  source: string;
  /** Every link of the document; `MappedText.link` values index into it. */
  links: LinkTarget[];
  /** Images met inside phrasing content, for image units. */
  images: ImageRef[];
}

interface Frame {
  nodes: readonly Nodes[];
  i: number;
  span: [number, number];
  /** Characters to skip at the start of node `i` (the `)` closing a scraped link target). */
  skip: number;
  exit?: () => void;
}

const spanOf = (node: Nodes, fallback: [number, number]): [number, number] => {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? fallback : [s, Math.max(s, e)];
};

/** `(<https://…>)` right after a link/strong/emphasis: the scraped form of a link target. */
function scrapedTarget(nodes: readonly Nodes[], i: number, source: string): { url: string; end: number } | null {
  const open = nodes[i + 1];
  const target = nodes[i + 2];
  const close = nodes[i + 3];
  if (open?.type !== 'text' || target?.type !== 'link' || close?.type !== 'text') return null;
  if (!/^[ \t]*\($/.test(open.value) || !close.value.startsWith(')')) return null;
  const ts = target.position?.start.offset;
  if (ts === undefined || source.charCodeAt(ts) !== 60 /* < */ || !/^(https?:|mailto:)/i.test(target.url)) return null;
  const end = (close.position?.start.offset ?? target.position?.end.offset ?? ts) + 1;
  return { url: target.url, end };
}

export function readPhrasing(children: readonly PhrasingContent[], span: [number, number], ctx: ReaderContext, b: MappedTextBuilder): void {
  const stack: Frame[] = [{ nodes: children, i: 0, span, skip: 0 }];
  let currentLink = -1;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.nodes.length) {
      stack.pop();
      frame.exit?.();
      continue;
    }
    const index = frame.i;
    const node = frame.nodes[index]!;
    const nodeSpan = spanOf(node, frame.span);
    const skip = frame.skip;
    frame.i++;
    frame.skip = 0;
    switch (node.type) {
      case 'text':
        alignInto(b, node.value.slice(skip), ctx.source, nodeSpan[0] + skip, nodeSpan[1], currentLink);
        break;
      case 'inlineCode':
        alignInto(b, node.value, ctx.source, nodeSpan[0], nodeSpan[1], currentLink);
        break;
      case 'break':
        b.push(10, nodeSpan[0], nodeSpan[1], currentLink);
        break;
      case 'image':
        ctx.images.push({ alt: node.alt ?? '', url: node.url, title: node.title ?? null, start: nodeSpan[0], end: nodeSpan[1] });
        break;
      case 'imageReference':
        ctx.images.push({ alt: node.alt ?? '', url: '', title: null, start: nodeSpan[0], end: nodeSpan[1] });
        break;
      case 'html':
      case 'footnoteReference':
        break;
      case 'link':
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'linkReference': {
        const scraped = node.type === 'linkReference' ? null : scrapedTarget(frame.nodes, index, ctx.source);
        const isLink = node.type === 'link' || scraped !== null;
        if (!isLink || currentLink !== -1) {
          stack.push({ nodes: node.children, i: 0, span: nodeSpan, skip: 0 });
          break;
        }
        const url = scraped?.url ?? (node as { url: string }).url;
        const id = ctx.links.length;
        ctx.links.push({ url, start: nodeSpan[0], end: scraped ? scraped.end : nodeSpan[1] });
        const from = b.length;
        currentLink = id;
        if (scraped) {
          frame.i = index + 3; // past ` (`, the autolink, and into the closing text…
          frame.skip = 1; // …without its `)`
        }
        stack.push({
          nodes: node.children,
          i: 0,
          span: nodeSpan,
          skip: 0,
          exit: () => {
            currentLink = -1;
            stripOwnTarget(b, from, (node as { url?: string }).url ?? url);
            b.markLink(from, id);
          },
        });
        break;
      }
      default: {
        const any = node as { children?: Nodes[]; value?: string };
        if (Array.isArray(any.children)) stack.push({ nodes: any.children, i: 0, span: nodeSpan, skip: 0 });
        else if (typeof any.value === 'string') alignInto(b, any.value, ctx.source, nodeSpan[0], nodeSpan[1], currentLink);
      }
    }
  }
}

/** `[Name \(/experts/name\)](/experts/name)` reads `Name`: drop a trailing `(target)` from link text. */
function stripOwnTarget(b: MappedTextBuilder, from: number, url: string): void {
  if (!url || url === '#') return;
  const text = b.textFrom(from);
  const tail = `(${url})`;
  if (!text.endsWith(tail)) return;
  let cut = tail.length;
  while (cut < text.length && isSpace(text.charCodeAt(text.length - cut - 1))) cut++;
  if (cut < text.length) b.pop(cut);
}

const isAsciiPunct = (c: number): boolean => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
/** How far to look for the next character before giving up (container prefixes, escapes, entities). */
const LOOKAHEAD = 256;

/**
 * Map each character of `value` (what micromark/hast made of source span [s, e)) to the source:
 * a greedy walk that skips what the parser removed (container prefixes, indentation, escape
 * backslashes, tags' whitespace) and maps decoded character references to their whole `&…;`.
 * Never leaves [s, e], so every position stays inside the source.
 */
export function alignInto(b: MappedTextBuilder, value: string, source: string, s: number, e: number, link: number): void {
  let p = s;
  let misses = 0;
  for (let i = 0; i < value.length; i++) {
    const v = value.charCodeAt(i);
    let mapped = false;
    {
      // After a few misses in a row, look only close by: bounded work on text that does not align.
      const limit = Math.min(e, p + (misses < 3 ? LOOKAHEAD : 4));
      for (let q = p; q < limit; q++) {
        const c = source.charCodeAt(q);
        if (c === v) {
          // CRLF is one line end for the reader.
          const to = v === 13 && source.charCodeAt(q + 1) === 10 && value.charCodeAt(i + 1) !== 10 ? q + 2 : q + 1;
          b.push(v, q, Math.min(to, e), link);
          p = Math.min(to, e);
          mapped = true;
          break;
        }
        if (c === 92 /* \ */ && source.charCodeAt(q + 1) === v && isAsciiPunct(v)) {
          b.push(v, q, Math.min(q + 2, e), link);
          p = Math.min(q + 2, e);
          mapped = true;
          break;
        }
        if (c === 38 /* & */) {
          ENTITY.lastIndex = q;
          const m = ENTITY.exec(source);
          if (m && m[0].length > 1 && q + m[0].length <= e) {
            b.push(v, q, q + m[0].length, link);
            p = q + m[0].length;
            mapped = true;
            break;
          }
        }
        if (v === 10 && c === 13) {
          const to = source.charCodeAt(q + 1) === 10 ? q + 2 : q + 1;
          b.push(v, q, Math.min(to, e), link);
          p = Math.min(to, e);
          mapped = true;
          break;
        }
        if (isSpace(v) && isSpace(c)) {
          b.push(v, q, q + 1, link);
          p = q + 1;
          mapped = true;
          break;
        }
      }
    }
    if (mapped) {
      misses = 0;
      continue;
    }
    // Not found near: a character the parser made up. Give it an empty span where we are.
    misses++;
    b.push(v, p, p, link);
  }
}
