/**
 * mdast phrasing content → reader text with an offset map (see mapped-text.ts).
 *
 * What a reader sees: markdown escapes (`\$` → `$`), emphasis and link syntax are removed; the
 * scraped link form `[text](#) (<https://…>)` (also after `**bold**`) reads `text` and links to the
 * `(<…>)` target; link text ending in its own target, `[text \(/path\)](/path)`, reads `text`.
 * The walk is iterative: emphasis can nest as deep as the input likes.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { isSpace, type LinkTarget, type MappedText, MappedTextBuilder } from './mapped-text.js';

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

/**
 * A node list being walked, with its parent's source span [s, e) (for children without a
 * position). One shape, no closure: a link's frame holds what its end needs (`linkId` >= 0).
 */
class Frame {
  i = 0;
  /** Source offset before which content is skipped (a scraped link target already read). */
  skipUntil = -1;
  constructor(
    readonly nodes: readonly Nodes[],
    readonly s: number,
    readonly e: number,
    /** The link this frame reads (-1: none), where its text starts in the builder, its own target. */
    readonly linkId = -1,
    readonly linkFrom = 0,
    readonly linkUrl = '',
  ) {}
}

/**
 * `(<https://…>)` right after a link/strong/emphasis: the scraped form of a link target. Read
 * from the source, so a target a scraper broke across lines (`(<https://…/policy-` ⏎⏎
 * `analysis/…>)`, joined for remark by `joinBrokenTargets`) is still recognised whole.
 */
const SCRAPED_TARGET = /[ \t]*\(<([^<>]{1,2048}?)>\)/y;
/** …and with its `>` lost as well (then no `(`, `)` or spaces other than line breaks inside). */
const SCRAPED_TARGET_OPEN = /[ \t]*\(<([^<>()\s]{1,2048}>?(?:[\r\n \t]+[^<>()\s]{1,2048})?)>?\)/y;
function scrapedTarget(node: Nodes, source: string): { url: string; end: number } | null {
  const end = node.position?.end.offset;
  if (end === undefined) return null;
  // Both forms open with spaces or tabs, then `(<`: most nodes are ruled out by code.
  let at = end;
  while (source.charCodeAt(at) === 32 || source.charCodeAt(at) === 9) at++;
  if (source.charCodeAt(at) !== 40 || source.charCodeAt(at + 1) !== 60) return null;
  SCRAPED_TARGET.lastIndex = end;
  SCRAPED_TARGET_OPEN.lastIndex = end;
  const m = SCRAPED_TARGET.exec(source) ?? SCRAPED_TARGET_OPEN.exec(source);
  if (!m) return null;
  const url = m[1]!.replace(/[\s>]+/g, '');
  if (!/^(?:https?:\/\/|mailto:)/i.test(url)) return null;
  return { url, end: end + m[0].length };
}

/**
 * The copy of the text handed to remark: same length as the source, so offsets hold. A scraped
 * link target broken by line ends (even a blank line) gets its line ends turned into spaces.
 */
const BROKEN_TARGET = /\(<(?:https?:\/\/|mailto:)[^\s<>()]*>?(?:\r\n|\r|\n)\s*[^\s<>()]*>?\)/g;
export function joinBrokenTargets(text: string): string {
  if (!text.includes('(<')) return text;
  return text.replace(BROKEN_TARGET, (m) => m.replace(/[\r\n]/g, ' '));
}

/** Reader text of phrasing content read from source span `span` (`capacity`: expected length). */
export function readPhrasing(children: readonly PhrasingContent[], span: [number, number], ctx: ReaderContext, capacity?: number): MappedText {
  const b = new MappedTextBuilder(capacity);
  walkPhrasing(children, span, ctx, b);
  const text = b.build();
  if (mayHoldUrl(text.text)) linkBareUrls(text, ctx);
  return text;
}

/** Cheap pre-check for bare URLs: an `@`, a `://` or a `www.` (either case). */
const mayHoldUrl = (text: string): boolean => text.includes('@') || text.includes('://') || text.includes('www.') || text.includes('WWW.');

/**
 * Bare URLs and emails in reader text become links, as GFM autolink literals would: `https://…`,
 * `www.…` (→ http), `name@host.tld` (→ mailto). Trailing punctuation and an unbalanced `)` are
 * not part of the URL (GFM spec §6.9).
 */
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
/**
 * `BARE_URL` without its email branch, for a text without `@` (where that branch never matches,
 * so both find the same URLs): the branch is tried at every word character and re-reads the
 * word each time, which made it the costly part of a long paragraph.
 */
const BARE_URL_ONLY = /(?:https?:\/\/|www\.)[^\s<>]+/gi;
function linkBareUrls(t: MappedText, ctx: ReaderContext): void {
  // The text is fresh from its builder: its link map is marked in place before anyone reads it.
  const { text, at } = t;
  const pattern = text.includes('@') ? BARE_URL : BARE_URL_ONLY;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const before = m.index > 0 ? text[m.index - 1]! : ' ';
    if (!/[\s*_~(]/.test(before)) continue;
    let url = m[0];
    for (;;) {
      const trimmed = url.replace(/[?!.,:;*_~'"]+$/, '');
      const open = trimmed.split('(').length - 1;
      const close = trimmed.split(')').length - 1;
      const next = trimmed.endsWith(')') && close > open ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    const a = m.index;
    const z = a + url.length;
    let free = url.length > 0;
    for (let i = a; i < z && free; i++) if (t.link[at + i] !== -1) free = false;
    if (!free) continue;
    const href = url.includes('://') ? url : url.startsWith('www.') || url.startsWith('WWW.') ? `http://${url}` : `mailto:${url}`;
    if (href.startsWith('mailto:') && !/\.[a-z]{2,}$/i.test(url)) continue;
    const id = ctx.links.length;
    ctx.links.push({ url: href, start: t.start[at + a]!, end: t.end[at + z - 1]! });
    t.link.fill(id, at + a, at + z);
  }
}

function walkPhrasing(children: readonly PhrasingContent[], span: [number, number], ctx: ReaderContext, b: MappedTextBuilder): void {
  const stack: Frame[] = [new Frame(children, span[0], span[1])];
  let currentLink = -1;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.nodes.length) {
      stack.pop();
      if (frame.linkId >= 0) {
        currentLink = -1;
        stripOwnTarget(b, frame.linkFrom, frame.linkUrl);
        b.markLink(frame.linkFrom, frame.linkId);
      }
      continue;
    }
    const node = frame.nodes[frame.i]!;
    // The node's source span [s, e) (its parent's without a position).
    const position = node.position;
    const ps = position?.start.offset;
    const pe = position?.end.offset;
    const noPosition = ps === undefined || pe === undefined;
    const s = noPosition ? frame.s : ps;
    const e = noPosition ? frame.e : Math.max(ps, pe);
    frame.i++;
    if (e <= frame.skipUntil && e > s) continue;
    switch (node.type) {
      case 'text':
        alignInto(b, node.value, ctx.source, s, e, currentLink, frame.skipUntil);
        break;
      case 'inlineCode':
        alignInto(b, node.value, ctx.source, s, e, currentLink);
        break;
      case 'break':
        b.push(10, s, e, currentLink);
        break;
      case 'image':
        ctx.images.push({ alt: node.alt ?? '', url: node.url, title: node.title ?? null, start: s, end: e });
        break;
      case 'imageReference':
        ctx.images.push({ alt: node.alt ?? '', url: '', title: null, start: s, end: e });
        break;
      case 'html':
      case 'footnoteReference':
        break;
      case 'link':
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'linkReference': {
        const scraped = node.type === 'linkReference' ? null : scrapedTarget(node, ctx.source);
        const isLink = node.type === 'link' || scraped !== null;
        if (!isLink || currentLink !== -1) {
          stack.push(new Frame(node.children, s, e));
          break;
        }
        const url = scraped?.url ?? (node as { url: string }).url;
        const id = ctx.links.length;
        ctx.links.push({ url, start: s, end: scraped ? scraped.end : e });
        currentLink = id;
        if (scraped) frame.skipUntil = scraped.end;
        stack.push(new Frame(node.children, s, e, id, b.length, (node as { url?: string }).url ?? url));
        break;
      }
      default: {
        const any = node as { children?: Nodes[]; value?: string };
        if (Array.isArray(any.children)) stack.push(new Frame(any.children, s, e));
        else if (typeof any.value === 'string') alignInto(b, any.value, ctx.source, s, e, currentLink);
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

/** A character that ends a copied run (see `RunStops`). */
const RUN_STOP = /[\n\r\\&]/;

/**
 * Characters that end a copied run: line ends, escape backslashes, entity ampersands. `from(at)` is
 * the index of the first of them at or after `at` (`value.length`: none). Each kind is found by
 * `indexOf` and kept until passed: one scan of the text per kind, where `/[\n\r\\&]/` ran again
 * from every run (and built a match each time).
 */
class RunStops {
  private lf = -1;
  private cr = -1;
  private backslash = -1;
  private ampersand = -1;

  constructor(private readonly value: string) {}

  from(at: number): number {
    if (this.lf < at) this.lf = this.find('\n', at);
    if (this.cr < at) this.cr = this.find('\r', at);
    if (this.backslash < at) this.backslash = this.find('\\', at);
    if (this.ampersand < at) this.ampersand = this.find('&', at);
    return Math.min(this.lf, this.cr, this.backslash, this.ampersand);
  }

  private find(char: string, at: number): number {
    const i = this.value.indexOf(char, at);
    return i === -1 ? this.value.length : i;
  }
}

/**
 * How many characters from `value[i]` and `source[q]` (equal) on stand as copied: until a
 * character differs, a run-ending one (`stop`, the first after `i`) is reached, or either text or
 * the span [q, e) ends. The whole run up to `stop` is compared at once as two equal substrings
 * (`===` compares them natively a block at a time; `startsWith` went character by character, and
 * the text values micromark builds by concatenation are slow to read one character at a time);
 * the loop finds where a run that differs stops.
 */
function runLength(value: string, source: string, i: number, q: number, e: number, stop: number): number {
  const limit = Math.min(stop - i, value.length - i, e - q);
  if (limit <= 1 || source.substring(q + 1, q + limit) === value.substring(i + 1, i + limit)) return Math.max(limit, 1);
  let k = 1;
  while (k < limit && value.charCodeAt(i + k) === source.charCodeAt(q + k)) k++;
  return k;
}

/**
 * Map each character of `value` (what micromark/hast made of source span [s, e)) to the source:
 * a greedy walk that skips what the parser removed (container prefixes, indentation, escape
 * backslashes, tags' whitespace) and maps decoded character references to their whole `&…;`.
 * Never leaves [s, e], so every position stays inside the source.
 */
export function alignInto(b: MappedTextBuilder, value: string, source: string, s: number, e: number, link: number, skipUntil = -1): void {
  if (skipUntil > s) {
    // Align into a scratch builder and keep what lies past `skipUntil`.
    const scratch = new MappedTextBuilder();
    alignInto(scratch, value, source, s, e, link);
    const t = scratch.build();
    for (let i = 0, k = t.at; i < t.length; i++, k++) if (t.start[k]! >= skipUntil) b.push(t.text.charCodeAt(i), t.start[k]!, t.end[k]!, t.link[k]!);
    return;
  }
  const n = value.length;
  if (n > 0 && n <= e - s && !RUN_STOP.test(value) && source.substring(s, s + n) === value) {
    // The usual text node: its value stands in the source as it is, without a character that
    // ends a run, so the walk below would copy it as one run. Taken whole.
    b.pushRun(source, s, n, link);
    return;
  }
  let p = s;
  let misses = 0;
  // First index after `i` of a character that ends a copied run (see `runLength`).
  let stop = -1;
  const stops = new RunStops(value);
  for (let i = 0; i < value.length; i++) {
    const v = value.charCodeAt(i);
    let mapped = false;
    {
      // After a few misses in a row, look only close by: bounded work on text that does not align.
      const limit = Math.min(e, p + (misses < 3 ? LOOKAHEAD : 4));
      for (let q = p; q < limit; q++) {
        const c = source.charCodeAt(q);
        if (c === v && v !== 13 && v !== 10) {
          // Fast path: the usual case, a run of characters copied as they stand.
          if (stop <= i) stop = stops.from(i + 1);
          const k = runLength(value, source, i, q, e, stop);
          b.pushRun(source, q, k, link);
          i += k - 1;
          p = q + k;
          mapped = true;
          break;
        }
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
