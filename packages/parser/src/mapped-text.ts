/**
 * Text as a reader sees it, with an offset map back to the source: for every UTF-16 code unit of
 * `text`, `start[at + i]`/`end[at + i]` are the source offsets of the syntax that produced it (an
 * escaped `\$` maps to both characters) and `link[at + i]` is the index of the link it belongs to,
 * or -1. Slicing, dropping and joining keep the three maps in step, so any span of reader text maps
 * back to a source range. The maps are shared storage read from `at` (a slice is the same arrays
 * at another offset: making three typed-array views per slice and per builder was a visible share
 * of the parse and of its garbage).
 */
import type { Position } from '@briefs/ast';
import type { LineIndex } from './line-index.js';

export interface LinkTarget {
  /** As written (scraped `(<https://…>)` target already preferred over `#`). */
  url: string;
  /** Source range of the whole link syntax. */
  start: number;
  end: number;
}

export class MappedText {
  constructor(
    readonly text: string,
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly link: Int32Array,
    /** Index in the maps of the text's first character. */
    readonly at = 0,
  ) {}

  get length(): number {
    return this.text.length;
  }

  /** The runs of characters that belong to one link, as flat `start, end, link` triples, in order. */
  linkRuns(): number[] {
    const out: number[] = [];
    const { link, length, at } = this;
    let i = 0;
    while (i < length) {
      const id = link[at + i]!;
      if (id < 0) {
        i++;
        continue;
      }
      let j = i;
      while (j < length && link[at + j] === id) j++;
      out.push(i, j, id);
      i = j;
    }
    return out;
  }

  static empty(): MappedText {
    return new MappedText('', NO_MAP, NO_MAP, NO_MAP);
  }

  slice(from: number, to: number): MappedText {
    return new MappedText(this.text.slice(from, to), this.start, this.end, this.link, this.at + from);
  }

  /** Source range covered by reader span [from, to). */
  sourceRange(from = 0, to = this.length): [number, number] {
    if (to <= from) {
      const at = this.emptyAt(from);
      return [at, at];
    }
    const s = this.start[this.at + from]!;
    // Defensive: maps are monotone by construction, but never hand out start > end.
    return [s, Math.max(s, this.end[this.at + to - 1]!)];
  }

  /** `lines.position` of `sourceRange(from, to)`, without the pair in between (it is asked per node). */
  sourcePosition(lines: LineIndex, from = 0, to = this.length): Position {
    if (to <= from) {
      const at = this.emptyAt(from);
      return lines.position(at, at);
    }
    const s = this.start[this.at + from]!;
    return lines.position(s, Math.max(s, this.end[this.at + to - 1]!));
  }

  /** Where an empty span at reader index `from` sits in the source. */
  private emptyAt(from: number): number {
    return from < this.length ? this.start[this.at + from]! : this.length > 0 ? this.end[this.at + this.length - 1]! : 0;
  }

  /** Leading/trailing whitespace removed (map kept). */
  trim(): MappedText {
    return this.trimmedSlice(0, this.length);
  }

  /** `slice(from, to).trim()`, with one slice (none when that is the whole text). */
  trimmedSlice(from: number, to: number): MappedText {
    let a = from;
    let b = to;
    while (a < b && isSpace(this.text.charCodeAt(a))) a++;
    while (b > a && isSpace(this.text.charCodeAt(b - 1))) b--;
    return a === 0 && b === this.length ? this : this.slice(a, b);
  }

  /** Keep only characters whose source start passes `keep`. */
  filter(keep: (sourceStart: number) => boolean): MappedText {
    const runs: number[] = [];
    const { start, length, at } = this;
    let runFrom = -1;
    for (let i = 0; i < length; i++) {
      const kept = keep(start[at + i]!);
      if (kept && runFrom < 0) runFrom = i;
      else if (!kept && runFrom >= 0) {
        runs.push(runFrom, i);
        runFrom = -1;
      }
    }
    if (runFrom >= 0) runs.push(runFrom, length);
    return this.pick(runs);
  }

  /**
   * The characters of `runs` (reader spans [from, to) as pairs, in order) one after another. A single
   * run is a slice (views, no copy): filters and splits mostly keep one stretch of a text.
   */
  pick(runs: readonly number[]): MappedText {
    if (runs.length === 0) return MappedText.empty();
    if (runs.length === 2) return this.slice(runs[0]!, runs[1]!);
    let size = 0;
    for (let k = 0; k < runs.length; k += 2) size += runs[k + 1]! - runs[k]!;
    const b = new MappedTextBuilder(size);
    for (let k = 0; k < runs.length; k += 2) b.appendSlice(this, runs[k]!, runs[k + 1]!);
    return b.build();
  }

  /**
   * `filter` keeping the characters whose source start lies in none of `ranges` (sorted, disjoint
   * [start, end) intervals). Read in one pass: while the starts go up (as the maps do) the first
   * range ending past the start only moves forward; runs of kept characters are taken out whole (`pick`).
   */
  without(ranges: ReadonlyArray<readonly [number, number]>): MappedText {
    const runs: number[] = [];
    const { start, length, at } = this;
    const count = ranges.length;
    let r = 0;
    // Range r's bounds held in locals (past the last range: never reached).
    let from = count > 0 ? ranges[0]![0] : Number.POSITIVE_INFINITY;
    let to = count > 0 ? ranges[0]![1] : Number.POSITIVE_INFINITY;
    let previous = Number.NEGATIVE_INFINITY;
    let runFrom = -1;
    let i = 0;
    while (i < length) {
      const s = start[at + i]!;
      if (s < previous) {
        r = 0;
        from = count > 0 ? ranges[0]![0] : Number.POSITIVE_INFINITY;
        to = count > 0 ? ranges[0]![1] : Number.POSITIVE_INFINITY;
      }
      previous = s;
      while (r < count && to <= s) {
        r++;
        from = r < count ? ranges[r]![0] : Number.POSITIVE_INFINITY;
        to = r < count ? ranges[r]![1] : Number.POSITIVE_INFINITY;
      }
      // Past the last range `from` is infinite: kept.
      const keep = s < from;
      if (keep && runFrom < 0) runFrom = i;
      else if (!keep && runFrom >= 0) {
        runs.push(runFrom, i);
        runFrom = -1;
      }
      // The characters after it that stay in reading order, before the range's end and on the
      // same side of its start get the same answer: passed in a tight loop.
      i++;
      if (keep) {
        for (; i < length; i++) {
          const t = start[at + i]!;
          if (!(t >= previous && t < to && t < from)) break;
          previous = t;
        }
      } else {
        for (; i < length; i++) {
          const t = start[at + i]!;
          if (!(t >= previous && t < to && t >= from)) break;
          previous = t;
        }
      }
    }
    if (runFrom >= 0) runs.push(runFrom, length);
    return this.pick(runs);
  }

  static join(parts: readonly MappedText[], separator = ' '): MappedText {
    if (parts.length === 1) return parts[0]!;
    // The text is the parts' strings joined natively; only the maps are copied (writing out the codes
    // of every line of a paragraph to decode them again cost more than the rest of the join).
    let text = '';
    let size = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      text = i > 0 ? text + separator + part.text : part.text;
      size += part.length + separator.length;
    }
    const b = new MappedTextBuilder(size);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i > 0 && separator) {
        const prev = parts[i - 1]!;
        const at = prev.length > 0 ? prev.end[prev.at + prev.length - 1]! : part.length > 0 ? part.start[part.at]! : 0;
        const to = part.length > 0 ? Math.max(at, part.start[part.at]!) : at;
        for (let k = 0; k < separator.length; k++) b.pushMap(at, to, -1);
      }
      b.appendMaps(part);
    }
    return b.buildText(text);
  }
}

export const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f || c === 0x205f;

export class MappedTextBuilder {
  // The builder's region is [o, o + size) of the maps (see `allocate`), and [co, co + size) of the
  // codes, taken only when a code is first written (see `origin`: most builders never write one).
  private c: Uint16Array = NO_CODES;
  private co = -1;
  private s: Int32Array;
  private e: Int32Array;
  private l: Int32Array;
  private o: number;
  private size: number;
  private n = 0;
  /**
   * While every code so far is `origin[originAt + i]` (a paragraph read straight from the source,
   * the usual case), the text is that slice of the source: the codes are not written (`c` is only
   * valid while `origin` is null) and `build` takes the slice instead of decoding them.
   */
  private origin: string | null = null;
  private originAt = 0;

  /** `capacity`: expected length (grows as needed). */
  constructor(capacity = 32) {
    const size = Math.max(8, capacity);
    this.o = allocate(size);
    this.s = starts.got;
    this.e = ends.got;
    this.l = links.got;
    this.size = size;
  }

  get length(): number {
    return this.n;
  }

  private grow(min: number): void {
    const size = Math.max(min, this.size * 2);
    const o = allocate(size);
    const { n, o: from } = this;
    copyInto(starts.got, o, this.s, from, n);
    copyInto(ends.got, o, this.e, from, n);
    copyInto(links.got, o, this.l, from, n);
    this.s = starts.got;
    this.e = ends.got;
    this.l = links.got;
    this.o = o;
    if (this.co >= 0) {
      const co = codes.take(size);
      copyInto(codes.got, co, this.c, this.co, n);
      this.c = codes.got;
      this.co = co;
    }
    this.size = size;
  }

  /** Where code `i` goes, once the builder has a region of codes (read `this.c` after the call: it may take one). */
  private codeAt(i: number): number {
    if (this.co < 0) {
      this.co = codes.take(this.size);
      this.c = codes.got;
    }
    return this.co + i;
  }

  push(code: number, start: number, end: number, link = -1): void {
    if (this.n === this.size) this.grow(this.n + 1);
    const n = this.n;
    const at = this.o + n;
    if (this.origin === null || !(start === this.originAt + n && this.origin.charCodeAt(start) === code)) {
      this.detach();
      const k = this.codeAt(n);
      this.c[k] = code;
    }
    this.s[at] = start;
    this.e[at] = end;
    this.l[at] = link;
    this.n = n + 1;
  }

  /** Push `source[at, at + count)` as it stands: each code unit maps to its own one-unit span. */
  pushRun(source: string, at: number, count: number, link = -1): void {
    if (this.n + count > this.size) this.grow(this.n + count);
    const n = this.n;
    if (n === 0) {
      this.origin = source;
      this.originAt = at;
    } else if (this.origin !== null && !(source === this.origin && at === this.originAt + n)) this.detach();
    const into = this.o + n;
    if (this.origin === null) {
      const k = this.codeAt(n);
      copyCodes(this.c, k, source, at, count);
    }
    const { s, e } = this;
    for (let k = 0; k < count; k++) {
      s[into + k] = at + k;
      e[into + k] = at + k + 1;
    }
    this.l.fill(link, into, into + count);
    this.n = n + count;
  }

  append(text: MappedText): void {
    this.appendSlice(text, 0, text.length);
  }

  /** Append characters [from, to) of a mapped text, maps and all. */
  appendSlice(text: MappedText, from: number, to: number): void {
    const k = to - from;
    if (this.n + k > this.size) this.grow(this.n + k);
    this.detach();
    const into = this.o + this.n;
    const codes = this.codeAt(this.n);
    copyCodes(this.c, codes, text.text, from, k);
    copyInto(this.s, into, text.start, text.at + from, k);
    copyInto(this.e, into, text.end, text.at + from, k);
    copyInto(this.l, into, text.link, text.at + from, k);
    this.n += k;
  }

  /** `push` without the code: for a builder whose caller builds the text itself (see `buildText`). */
  pushMap(start: number, end: number, link: number): void {
    if (this.n === this.size) this.grow(this.n + 1);
    const at = this.o + this.n;
    this.s[at] = start;
    this.e[at] = end;
    this.l[at] = link;
    this.n++;
  }

  /** `append` without the codes: for a builder whose caller builds the text itself (see `buildText`). */
  appendMaps(text: MappedText): void {
    const k = text.length;
    if (this.n + k > this.size) this.grow(this.n + k);
    const into = this.o + this.n;
    copyInto(this.s, into, text.start, text.at, k);
    copyInto(this.e, into, text.end, text.at, k);
    copyInto(this.l, into, text.link, text.at, k);
    this.n += k;
  }

  /** The maps built by `pushMap`/`appendMaps` with `text`, as long as they are, for their text. */
  buildText(text: string): MappedText {
    return new MappedText(text, this.s, this.e, this.l, this.o);
  }

  /** The text stops being one stretch of the source: write out the codes it stood for. */
  private detach(): void {
    if (this.origin === null) return;
    const k = this.codeAt(0);
    copyCodes(this.c, k, this.origin, this.originAt, this.n);
    this.origin = null;
  }

  /** Drop the last `count` characters (used to strip scraped `(/path)` tails off link text). */
  pop(count: number): void {
    this.n -= Math.min(count, this.n);
  }

  /** Set the link index of characters [from, length). */
  markLink(from: number, link: number): void {
    this.l.fill(link, this.o + from, this.o + this.n);
  }

  textFrom(from: number): string {
    if (this.origin !== null) return this.origin.substring(this.originAt + from, this.originAt + this.n);
    // No codes taken yet (and no source stretch): nothing was written.
    return this.co < 0 ? '' : codesToString(this.c, this.co + from, this.co + this.n);
  }

  /** The text built so far. The maps are this builder's storage: build once, then drop it. */
  build(): MappedText {
    return new MappedText(this.textFrom(0), this.s, this.e, this.l, this.o);
  }
}

/** `codes[at…] = text[from…]`, `count` code units. */
function copyCodes(codes: Uint16Array, at: number, text: string, from: number, count: number): void {
  for (let i = 0; i < count; i++) codes[at + i] = text.charCodeAt(from + i);
}

/** `into[at…] = from[start…]`, `count` elements (a loop for short runs: a view for `set` costs more). */
function copyInto<T extends Uint16Array | Int32Array>(into: T, at: number, from: T, start: number, count: number): void {
  if (count > 32) into.set(from.subarray(start, start + count), at);
  else for (let i = 0; i < count; i++) into[at + i] = from[start + i]!;
}

const NO_MAP = new Int32Array(0);
const NO_CODES = new Uint16Array(0);

/** Elements per shared chunk of builder storage (12 bytes each for the maps, 2 for codes). */
const CHUNK = 1 << 14;

/**
 * Regions of one kind of builder array. Small builders take a fresh region of a shared chunk
 * (arrays of their own per builder were a large share of GC time); a region is handed out once,
 * never reused, so a chunk is freed with the last text reading it. A large builder gets an array of
 * its own. `take` returns the region's offset in `got`, the array as it stands after the call.
 */
class Regions<A extends Uint16Array | Int32Array> {
  got: A;
  private chunk: A;
  private used = CHUNK;

  constructor(private readonly make: (size: number) => A) {
    this.got = make(0);
    this.chunk = this.got;
  }

  take(size: number): number {
    if (size > CHUNK >> 3) {
      this.got = this.make(size);
      return 0;
    }
    if (this.used + size > CHUNK) {
      this.chunk = this.make(CHUNK);
      this.used = 0;
    }
    this.got = this.chunk;
    const at = this.used;
    this.used += size;
    return at;
  }
}

const int32s = (size: number): Int32Array => new Int32Array(size);
/** The three maps of a builder (taken in step: one offset serves all three) and its codes (taken apart). */
const starts = new Regions(int32s);
const ends = new Regions(int32s);
const links = new Regions(int32s);
const codes = new Regions((size) => new Uint16Array(size));

/** A region of `size` elements of the three maps: its offset in `starts.got`, `ends.got`, `links.got`. */
function allocate(size: number): number {
  const at = starts.take(size);
  ends.take(size);
  links.take(size);
  return at;
}

/**
 * Decodes code units as they are: `ignoreBOM` keeps a leading U+FEFF; a lone surrogate comes out
 * as U+FFFD, so a result holding U+FFFD is built again by `fromCharCode` (which keeps it).
 */
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Below this many code units `fromCharCode` is the quicker of the two. */
const DECODE_FROM = 64;

/** The string of the code units [from, to) of a buffer. */
export function codesToString(codes: Uint16Array, from: number, to: number): string {
  if (to - from >= DECODE_FROM) {
    // The decoder reads the buffer in one go: several times quicker than spreading it into
    // `fromCharCode` arguments once a run is longer than a few words.
    const text = utf16.decode(codes.subarray(from, to));
    if (!text.includes('\uFFFD')) return text;
  }
  if (to - from <= 8192) return String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[]);
  const parts: string[] = [];
  const CHUNK = 8192; // one apply over millions of arguments would overflow the stack
  for (let i = from; i < to; i += CHUNK) parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}
