/**
 * Text as a reader sees it, with an offset map back to the source: for every UTF-16 code unit of
 * `text`, `start[i]`/`end[i]` are the source offsets of the syntax that produced it (an escaped
 * `\$` maps to both characters) and `link[i]` is the index of the link it belongs to, or -1.
 * Slicing, dropping and joining keep the three arrays in step, so any span of reader text maps
 * back to a source range.
 */
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
  ) {}

  get length(): number {
    return this.text.length;
  }

  static empty(): MappedText {
    return new MappedText('', new Int32Array(0), new Int32Array(0), new Int32Array(0));
  }

  slice(from: number, to: number): MappedText {
    return new MappedText(this.text.slice(from, to), this.start.subarray(from, to), this.end.subarray(from, to), this.link.subarray(from, to));
  }

  /** Source range covered by reader span [from, to). */
  sourceRange(from = 0, to = this.length): [number, number] {
    if (to <= from) {
      const at = from < this.length ? this.start[from]! : this.length > 0 ? this.end[this.length - 1]! : 0;
      return [at, at];
    }
    const s = this.start[from]!;
    let e = this.end[to - 1]!;
    // Defensive: maps are monotone by construction, but never hand out start > end.
    if (e < s) e = s;
    return [s, e];
  }

  /** Leading/trailing whitespace removed (map kept). */
  trim(): MappedText {
    let a = 0;
    let b = this.length;
    while (a < b && isSpace(this.text.charCodeAt(a))) a++;
    while (b > a && isSpace(this.text.charCodeAt(b - 1))) b--;
    return a === 0 && b === this.length ? this : this.slice(a, b);
  }

  /** Keep only characters whose source start passes `keep`. */
  filter(keep: (sourceStart: number) => boolean): MappedText {
    const runs: number[] = [];
    const { start, length } = this;
    let runFrom = -1;
    for (let i = 0; i < length; i++) {
      const kept = keep(start[i]!);
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
    const { start, length } = this;
    const count = ranges.length;
    let r = 0;
    // Range r's bounds held in locals (past the last range: never reached).
    let from = count > 0 ? ranges[0]![0] : Number.POSITIVE_INFINITY;
    let to = count > 0 ? ranges[0]![1] : Number.POSITIVE_INFINITY;
    let previous = Number.NEGATIVE_INFINITY;
    let runFrom = -1;
    for (let i = 0; i < length; i++) {
      const s = start[i]!;
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
      const keep = r === count || s < from;
      if (keep && runFrom < 0) runFrom = i;
      else if (!keep && runFrom >= 0) {
        runs.push(runFrom, i);
        runFrom = -1;
      }
    }
    if (runFrom >= 0) runs.push(runFrom, length);
    return this.pick(runs);
  }

  static join(parts: readonly MappedText[], separator = ' '): MappedText {
    if (parts.length === 1) return parts[0]!;
    const b = new MappedTextBuilder(parts.reduce((n, p) => n + p.length + separator.length, 0));
    parts.forEach((part, i) => {
      if (i > 0 && separator) {
        const prev = parts[i - 1]!;
        const at = prev.length > 0 ? prev.end[prev.length - 1]! : part.length > 0 ? part.start[0]! : 0;
        const to = part.length > 0 ? Math.max(at, part.start[0]!) : at;
        for (let k = 0; k < separator.length; k++) b.push(separator.charCodeAt(k), at, to, -1);
      }
      b.append(part);
    });
    return b.build();
  }
}

export const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f || c === 0x205f;

export class MappedTextBuilder {
  private c: Uint16Array;
  private s: Int32Array;
  private e: Int32Array;
  private l: Int32Array;
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
    [this.c, this.s, this.e, this.l] = allocate(size);
  }

  get length(): number {
    return this.n;
  }

  private grow(min: number): void {
    const size = Math.max(min, this.s.length * 2);
    const [c, s, e, l] = allocate(size);
    c.set(this.c.subarray(0, this.n));
    s.set(this.s.subarray(0, this.n));
    e.set(this.e.subarray(0, this.n));
    l.set(this.l.subarray(0, this.n));
    this.c = c;
    this.s = s;
    this.e = e;
    this.l = l;
  }

  push(code: number, start: number, end: number, link = -1): void {
    if (this.n === this.s.length) this.grow(this.n + 1);
    const n = this.n;
    if (this.origin === null || !(start === this.originAt + n && this.origin.charCodeAt(start) === code)) {
      this.detach();
      this.c[n] = code;
    }
    this.s[n] = start;
    this.e[n] = end;
    this.l[n] = link;
    this.n = n + 1;
  }

  /** Push `source[at, at + count)` as it stands: each code unit maps to its own one-unit span. */
  pushRun(source: string, at: number, count: number, link = -1): void {
    if (this.n + count > this.s.length) this.grow(this.n + count);
    const n = this.n;
    if (n === 0) {
      this.origin = source;
      this.originAt = at;
    } else if (this.origin !== null && !(source === this.origin && at === this.originAt + n)) this.detach();
    if (this.origin === null) copyCodes(this.c, n, source, at, count);
    const { s, e } = this;
    for (let k = 0; k < count; k++) {
      s[n + k] = at + k;
      e[n + k] = at + k + 1;
    }
    this.l.fill(link, n, n + count);
    this.n = n + count;
  }

  append(text: MappedText): void {
    const k = text.length;
    if (this.n + k > this.s.length) this.grow(this.n + k);
    this.detach();
    copyCodes(this.c, this.n, text.text, 0, k);
    this.s.set(text.start, this.n);
    this.e.set(text.end, this.n);
    this.l.set(text.link, this.n);
    this.n += k;
  }

  /** Append characters [from, to) of a mapped text, maps and all. */
  appendSlice(text: MappedText, from: number, to: number): void {
    const k = to - from;
    if (this.n + k > this.s.length) this.grow(this.n + k);
    this.detach();
    copyCodes(this.c, this.n, text.text, from, k);
    this.s.set(text.start.subarray(from, to), this.n);
    this.e.set(text.end.subarray(from, to), this.n);
    this.l.set(text.link.subarray(from, to), this.n);
    this.n += k;
  }

  /** The text stops being one stretch of the source: write out the codes it stood for. */
  private detach(): void {
    if (this.origin === null) return;
    copyCodes(this.c, 0, this.origin, this.originAt, this.n);
    this.origin = null;
  }

  /** Drop the last `count` characters (used to strip scraped `(/path)` tails off link text). */
  pop(count: number): void {
    this.n -= Math.min(count, this.n);
  }

  /** Set the link index of characters [from, length). */
  markLink(from: number, link: number): void {
    this.l.fill(link, from, this.n);
  }

  textFrom(from: number): string {
    return this.origin !== null ? this.origin.substring(this.originAt + from, this.originAt + this.n) : codesToString(this.c, from, this.n);
  }

  /** The text built so far. The maps are views on this builder's buffers: build once, then drop it. */
  build(): MappedText {
    return new MappedText(this.textFrom(0), this.s.subarray(0, this.n), this.e.subarray(0, this.n), this.l.subarray(0, this.n));
  }
}

/** `codes[at…] = text[from…]`, `count` code units. */
function copyCodes(codes: Uint16Array, at: number, text: string, from: number, count: number): void {
  for (let i = 0; i < count; i++) codes[at + i] = text.charCodeAt(from + i);
}

/** Elements per shared chunk of builder storage (14 bytes each). */
const CHUNK = 1 << 14;
/** The chunk builders take their storage from, and how much of it is handed out. */
let chunk: ArrayBuffer | null = null;
let chunkUsed = 0;

/**
 * The four arrays of a builder as views on one buffer: a builder per unit (and per join/filter)
 * made four backing-store allocations, which showed up as a large share of GC time. Small builders
 * take a fresh region of a shared chunk (an ArrayBuffer each cost more than the rest of a small
 * builder); a region is handed out once, never reused, so the chunk is freed with its last view.
 */
function allocate(size: number): [Uint16Array, Int32Array, Int32Array, Int32Array] {
  if (size > CHUNK >> 3) {
    const buffer = new ArrayBuffer(size * 14);
    return [new Uint16Array(buffer, size * 12, size), new Int32Array(buffer, 0, size), new Int32Array(buffer, size * 4, size), new Int32Array(buffer, size * 8, size)];
  }
  if (chunk === null || chunkUsed + size > CHUNK) {
    chunk = new ArrayBuffer(CHUNK * 14);
    chunkUsed = 0;
  }
  const at = chunkUsed;
  chunkUsed += size;
  return [new Uint16Array(chunk, CHUNK * 12 + at * 2, size), new Int32Array(chunk, at * 4, size), new Int32Array(chunk, (CHUNK + at) * 4, size), new Int32Array(chunk, (2 * CHUNK + at) * 4, size)];
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
