import { createHash } from 'node:crypto';
import { BriefsError } from '@briefs/ast';
import { type FurnitureOverlays, type RecordedAnchor, type RecordedBookmark, footerStream } from './layout.js';

/**
 * Pack assembly at the level of PDF objects. A pack is its own pages (the host: cover, contents,
 * at a glance, appendix), drawn by pdfkit knowing how many pages each document takes, and one
 * part per document, drawn once when the document was built. Assembling copies the parts'
 * objects into the host's file, renumbered, and writes what spans them: the page tree, the
 * structure tree (the parts' articles go where the host reserved a slot; their parent-tree
 * entries are shifted past the host's), the outline, the named destinations and the footers.
 *
 * It reads PDFs as pdfkit writes them (a classic xref table, no object streams, no encryption);
 * it is not a general PDF merger. Everything is done on the objects' dictionaries as text;
 * streams are copied as they are. One part is held at a time, so memory does not grow with the
 * pack, and the output is a function of the inputs' bytes (same inputs, same pack).
 */

/** Where, in the host's objects, the assembly goes. Made by `renderPackHost`. */
export interface HostPlan {
  catalog: number;
  pages: number;
  names: number;
  structTreeRoot: number;
  /** The Document structure element, whose kids get the parts' articles. */
  documentElement: number;
  /** Placeholder among the Document element's kids, replaced by the parts' articles. */
  slotElement: number;
  /** Page objects of the host, in page order. */
  pageIds: number[];
  /** Index among the host's pages before which the parts' pages go. */
  slot: number;
  /** How to write the parts' footers, and their fonts. */
  overlays: FurnitureOverlays;
  bookmarks: RecordedBookmark[];
  anchors: RecordedAnchor[];
}

export interface AssemblyPart {
  /** The part's bytes, or how to read them (not read when the part's objects are copied from the previous pack). */
  pdf: Uint8Array | (() => Uint8Array);
  /** How errors name the part (its file); default `pack part <id>`. */
  name?: string;
  meta: {
    id: string;
    pages: number;
    bookmarks: readonly RecordedBookmark[];
    anchors: readonly RecordedAnchor[];
    /** Made when the part was drawn (`relocationOf`); made here from the bytes when absent. */
    relocation?: PartRelocation;
  };
}

/**
 * Receives the pack's bytes in order. A chunk is the sink's to keep, except the bytes copied from
 * a previous pack (given only to a pack written to a file as it goes): those are valid during
 * the call only, as the same buffer is read into again.
 */
export type Sink = (chunk: Uint8Array) => void;

// --- reading pdfkit's output -------------------------------------------------------------------

interface ParsedPdf {
  buffer: Buffer;
  /** Byte offset of each object, by object number (0: none). */
  offsets: number[];
  /** Where each object ends (the next object, or the xref table). */
  ends: number[];
  root: number;
  info: number;
  size: number;
}

const latin1 = (buffer: Buffer, start: number, end: number): string => buffer.toString('latin1', start, end);

function parsePdf(bytes: Uint8Array, name: string): ParsedPdf {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = latin1(buffer, Math.max(0, buffer.length - 2048), buffer.length);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) throw new BriefsError('E_INPUT_INVALID', 'not a complete PDF (no startxref)', { file: name });
  const xref = Number(startxref[1]);
  const head = /^xref\n0 (\d+)\n/.exec(latin1(buffer, xref, xref + 32));
  if (!head) throw new BriefsError('E_INPUT_INVALID', 'PDF without a classic xref table', { file: name });
  const size = Number(head[1]);
  if (size >= 2 ** 21 || buffer.length >= 2 ** 31) throw new BriefsError('E_INPUT_INVALID', 'PDF too large to assemble', { file: name });
  const tableStart = xref + head[0].length;
  // Entries are 20 bytes: 10 digits of offset, space, 5 of generation, space, n/f, end of line.
  const offsets = new Array<number>(size).fill(0);
  const order = new Float64Array(size);
  let used = 0;
  for (let id = 1; id < size; id++) {
    const at = tableStart + id * 20;
    if (buffer[at + 17] !== 0x6e /* n */) continue;
    let offset = 0;
    for (let i = at; i < at + 10; i++) offset = offset * 10 + (buffer[i]! - 0x30);
    offsets[id] = offset;
    // Offset and id in one sortable number (ids < 2^21; offsets < 2^31).
    order[used++] = offset * 2 ** 21 + id;
  }
  const sorted = order.subarray(0, used).sort();
  const ends = new Array<number>(size).fill(0);
  for (let i = 0; i < used; i++) {
    const id = sorted[i]! % 2 ** 21;
    ends[id] = i + 1 < used ? Math.floor(sorted[i + 1]! / 2 ** 21) : xref;
  }
  const trailer = latin1(buffer, tableStart + size * 20, buffer.length);
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  if (!root) throw new BriefsError('E_INPUT_INVALID', 'PDF trailer without /Root', { file: name });
  return { buffer, offsets, ends, root: Number(root[1]), info: info ? Number(info[1]) : 0, size };
}

const STREAM = '\nstream\n';

/** One object: its dictionary (or other value) as text, and where its stream bytes are. */
interface PdfObject {
  head: string;
  /** [start, end) of the stream's bytes, or null. */
  stream: [number, number] | null;
}

function readObject(pdf: ParsedPdf, id: number): PdfObject {
  const start = pdf.offsets[id] ?? 0;
  if (start === 0) throw new BriefsError('E_INPUT_INVALID', `PDF object ${id} is missing`);
  const end = pdf.ends[id]!;
  const open = `${id} 0 obj\n`;
  if (latin1(pdf.buffer, start, start + open.length) !== open) throw new BriefsError('E_INPUT_INVALID', `PDF object ${id} is not where the xref says`);
  // A dictionary never holds a raw newline inside a string (pdfkit escapes them), so the first
  // "\nstream\n" of an object ends its dictionary.
  const streamAt = pdf.buffer.subarray(start, end).indexOf(STREAM, 0, 'latin1');
  if (streamAt >= 0) {
    const head = latin1(pdf.buffer, start + open.length, start + streamAt);
    const length = /\/Length (\d+)/.exec(head);
    if (!length) throw new BriefsError('E_INPUT_INVALID', `PDF stream ${id} without /Length`);
    const from = start + streamAt + STREAM.length;
    return { head, stream: [from, from + Number(length[1])] };
  }
  const text = latin1(pdf.buffer, start + open.length, end);
  return { head: text.slice(0, text.lastIndexOf('endobj')).replace(/\n$/, ''), stream: null };
}

/**
 * References and string literals of a dictionary's text. Literal strings are matched so that
 * "5 0 R" inside one is left alone (pdfkit escapes parentheses in strings, so they never nest).
 */
const TOKENS = /\((?:\\[\s\S]|[^\\)])*\)|(\d+) 0 R|\/(StructParents?) (\d+)/g;

function refsOf(head: string): number[] {
  const found: number[] = [];
  for (const m of head.matchAll(TOKENS)) if (m[1] !== undefined) found.push(Number(m[1]));
  return found;
}

const refOf = (head: string, key: string): number | null => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(head);
  return m ? Number(m[1]) : null;
};

/** The text of the array after `/key`, brackets matched (`[1 0 R [2 0 R]]` → `1 0 R [2 0 R]`). */
function arrayOf(head: string, key: string): string | null {
  const at = head.indexOf(`/${key} [`);
  if (at < 0) return null;
  let depth = 0;
  const from = at + key.length + 2;
  for (let i = from; i < head.length; i++) {
    const c = head[i];
    if (c === '(') {
      // Skip a literal string.
      for (i++; i < head.length && head[i] !== ')'; i++) if (head[i] === '\\') i++;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return head.slice(from + 1, i);
  }
  return null;
}

/** `head` without the dictionary entry `/key << … >>` (nested dictionaries and strings skipped). */
function withoutDictEntry(head: string, key: string): string {
  const at = head.indexOf(`/${key} <<`);
  if (at < 0) return head;
  let depth = 0;
  for (let i = at + key.length + 2; i < head.length; i++) {
    const c = head[i];
    if (c === '(') {
      for (i++; i < head.length && head[i] !== ')'; i++) if (head[i] === '\\') i++;
    } else if (c === '<' && head[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && head[i + 1] === '>') {
      i++;
      if (--depth === 0) return head.slice(0, at) + head.slice(i + 1);
    }
  }
  return head;
}

const refsIn = (array: string | null): number[] => (array ? refsOf(array) : []);

/** `/K 5 0 R` or `/K [5 0 R 6 0 R]`: the element references among the kids. */
function kidsOf(head: string): number[] {
  const array = arrayOf(head, 'K');
  if (array !== null) return refsOf(array);
  const one = refOf(head, 'K');
  return one === null ? [] : [one];
}

/** Entries of a flat number tree's `/Nums [k v k v …]`, values as text. */
function numsOf(head: string): Array<{ key: number; value: string }> {
  const array = arrayOf(head, 'Nums');
  if (!array) return [];
  const entries: Array<{ key: number; value: string }> = [];
  const entry = /(\d+)\s+(\[[^\]]*\]|\d+ 0 R|null)/g;
  for (const m of array.matchAll(entry)) entries.push({ key: Number(m[1]), value: m[2]! });
  return entries;
}

// --- relocation records ------------------------------------------------------------------------

/**
 * Where a part's objects are and which numbers in them an assembly rewrites, found once, when the
 * part is drawn (the part is read as text only then): assembling is then copying byte ranges and
 * writing new numbers at the recorded places, with no parsing of the part's dictionaries.
 */
export interface PartRelocation {
  /** md5 of the part's bytes: the pack's file ID is made from these, not from its own bytes. */
  digest: string;
  /** Length of the part's bytes (a part file of another length is damaged). */
  bytes: number;
  /**
   * The objects the pack keeps, in object-number order, as unsigned LEB128 numbers in base64:
   * per object its number, start, length and count of patches, then per patch the distance from
   * the previous one (or from the object's start) times 8 plus its `Patch` kind.
   */
  objects: string;
  /** Page objects, in page order. */
  pages: number[];
  /** The part's top structure elements (its articles), in order. */
  tops: number[];
  /** The part's Pages and Document element: references to them become the pack's. */
  pagesRoot: number;
  documentElement: number;
  /** Parent tree entries: key, then an element (annotations) or the elements of a page's MCIDs (0: none). */
  nums: Array<[number, number | number[]]>;
  /** The part's /ParentTreeNextKey. */
  nextKey: number;
  /**
   * How many objects the pack keeps, and where the pages and articles are among them (their
   * places in object-number order): a part copied from the previous pack is placed without
   * decoding `objects`. Absent in records made before these were.
   */
  kept?: number;
  pageRanks?: number[];
  topRanks?: number[];
}

/** What is written at a patch: the number there renumbered, shifted, or more. */
enum Patch {
  /** "N 0 R": N becomes its number in the pack. */
  Ref = 0,
  /** "/StructParent(s) N": N moves past the keys of what came before. */
  Key = 1,
  /** "/Contents N 0 R" of a page: the page's stream, then its footer's. */
  Contents = 2,
  /** After "/Font <<" of a page's resources: the furniture's fonts. */
  FontsIn = 3,
  /** Before the closing ">>" of resources without fonts: a /Font entry with them. */
  FontsNew = 4,
}

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** The relocation record of a part (see `PartRelocation`); `name` names it in errors. */
export function relocationOf(bytes: Uint8Array, name: string): PartRelocation {
  const fail = (message: string): BriefsError => new BriefsError('E_INPUT_INVALID', message, { file: name });
  const pdf = parsePdf(bytes, name);
  const catalog = readObject(pdf, pdf.root).head;
  const pagesRoot = refOf(catalog, 'Pages');
  const structRoot = refOf(catalog, 'StructTreeRoot');
  if (pagesRoot === null || structRoot === null) throw fail('not a tagged PDF made by briefs');
  const pageIds = refsIn(arrayOf(readObject(pdf, pagesRoot).head, 'Kids'));
  const structHead = readObject(pdf, structRoot).head;
  const [documentElement] = kidsOf(structHead);
  if (documentElement === undefined) throw fail('has no structure tree');
  const tops = kidsOf(readObject(pdf, documentElement).head);

  // What the part's pages and articles reach, short of its own catalog, trees and roots.
  const stop = new Set([pdf.root, pagesRoot, structRoot, documentElement, pdf.info]);
  const keep = new Uint8Array(pdf.size);
  const heads = new Map<number, string>();
  const queue = [...pageIds, ...tops];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (keep[id] || stop.has(id)) continue;
    keep[id] = 1;
    const { head } = readObject(pdf, id);
    heads.set(id, head);
    for (const ref of refsOf(head)) {
      if (ref >= pdf.size || (!pdf.offsets[ref] && !stop.has(ref))) throw fail(`object ${ref} is referenced but not kept`);
      if (!keep[ref] && !stop.has(ref)) queue.push(ref);
    }
  }
  const pages = new Set(pageIds);
  const resources = new Set<number>();
  for (const id of pageIds) {
    const ref = refOf(heads.get(id)!, 'Resources');
    if (ref !== null) resources.add(ref);
  }
  const out: number[] = [];
  const rank = new Map<number, number>();
  for (let id = 1; id < pdf.size; id++) {
    if (!keep[id]) continue;
    rank.set(id, rank.size);
    const head = heads.get(id)!;
    const base = pdf.offsets[id]! + `${id} 0 obj\n`.length;
    const patches: Array<[number, Patch]> = [];
    const contents = pages.has(id) ? /\/Contents (\d+) 0 R/.exec(head) : null;
    for (const m of head.matchAll(TOKENS)) {
      if (m[1] !== undefined) {
        if (contents && m.index === contents.index + '/Contents '.length) continue;
        patches.push([m.index, Patch.Ref]);
      } else if (m[2] !== undefined) patches.push([m.index + m[2].length + 2, Patch.Key]);
    }
    if (contents) patches.push([contents.index, Patch.Contents]);
    else if (pages.has(id)) throw fail(`page ${id} has no /Contents stream`);
    if (resources.has(id)) {
      const fonts = head.indexOf('/Font <<');
      if (fonts >= 0) patches.push([fonts + '/Font <<'.length, Patch.FontsIn]);
      else patches.push([head.lastIndexOf('>>'), Patch.FontsNew]);
    }
    patches.sort((a, b) => a[0] - b[0]);
    pushVarint(out, id);
    pushVarint(out, pdf.offsets[id]!);
    pushVarint(out, pdf.ends[id]! - pdf.offsets[id]!);
    pushVarint(out, patches.length);
    let at = 0;
    for (const [offset, kind] of patches) {
      pushVarint(out, (base + offset - (at || base)) * 8 + kind);
      at = base + offset;
    }
  }
  const nums: Array<[number, number | number[]]> = numsOf(structHead).map((n) => {
    const refs = [...n.value.matchAll(/(\d+) 0 R|null/g)].map((m) => (m[1] === undefined ? 0 : Number(m[1])));
    return [n.key, n.value.startsWith('[') ? refs : (refs[0] ?? 0)];
  });
  const nextKey = Number(/\/ParentTreeNextKey (\d+)/.exec(structHead)?.[1] ?? 0);
  return {
    digest: createHash('md5').update(bytes).digest('hex'),
    bytes: bytes.length,
    objects: Buffer.from(out).toString('base64'),
    pages: pageIds,
    tops,
    pagesRoot,
    documentElement,
    nums,
    nextKey,
    kept: rank.size,
    pageRanks: pageIds.map((id) => rank.get(id)!),
    topRanks: tops.map((id) => rank.get(id)!),
  };
}

// --- writing -------------------------------------------------------------------------------------

const BLOCK = 1 << 20;
/** Bytes read from the previous pack at a time. */
const PASS = 8 << 20;

/** The pack's bytes, gathered in blocks of a megabyte and handed to the sink block by block. */
class Writer {
  offset = 0;
  /** Byte offset of each object written, by object number (grows as needed). */
  offsets: number[] = [];
  private block = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  /** Bytes of the previous pack still to be handed on (see `copyFrom`). */
  private run: { previous: PreviousPack; start: number; end: number } | null = null;
  /** Where copies of the previous pack are read (see `endRun`). */
  private scratch: Buffer | null = null;

  constructor(private readonly sink: Sink) {}

  raw(chunk: Uint8Array | string): void {
    if (this.run) this.endRun();
    if (typeof chunk === 'string') {
      if (chunk.length > BLOCK - this.used) {
        this.flush();
        if (chunk.length > BLOCK) {
          this.pass(Buffer.from(chunk, 'latin1'));
          return;
        }
      }
      const n = this.block.write(chunk, this.used, 'latin1');
      this.used += n;
      this.offset += n;
      return;
    }
    this.copy(chunk, 0, chunk.length);
  }

  /** Bytes `[from, to)` of `source`. */
  copy(source: Uint8Array, from: number, to: number): void {
    if (this.run) this.endRun();
    const length = to - from;
    if (length > BLOCK - this.used) {
      this.flush();
      // Large pieces (font files, page streams) go to the sink as they are.
      if (length > BLOCK / 4) {
        this.pass(source.subarray(from, to));
        return;
      }
    }
    if (length < 64) for (let i = from; i < to; i++) this.block[this.used++] = source[i]!;
    else {
      this.block.set(source.subarray(from, to), this.used);
      this.used += length;
    }
    this.offset += length;
  }

  /** An xref entry of an object at byte `at`: ten digits, generation 0, in use. */
  xrefEntry(at: number): void {
    if (this.run) this.endRun();
    if (this.used + 20 > BLOCK) this.flush();
    const block = this.block;
    const used = this.used;
    // A pack has a hundred thousand of these: digits by integer arithmetic below 2^31, and the
    // rest (" 00000 n \n") byte by byte, not through a string.
    let m = at;
    if (m < 0x80000000) {
      for (let i = used + 9; i >= used; i--) {
        const q = (m / 10) | 0;
        block[i] = 0x30 + m - q * 10;
        m = q;
      }
    } else for (let i = used + 9; i >= used; i--, m = Math.floor(m / 10)) block[i] = 0x30 + (m % 10);
    block[used + 10] = 0x20;
    for (let i = used + 11; i < used + 16; i++) block[i] = 0x30;
    block[used + 16] = 0x20;
    block[used + 17] = 0x6e;
    block[used + 18] = 0x20;
    block[used + 19] = 0x0a;
    this.used = used + 20;
    this.offset += 20;
  }

  /**
   * Bytes `[start, end)` of the previous pack. Consecutive ranges are joined and read in large
   * pieces, handed to the sink as they are, when something else is written (or on `flush`).
   */
  copyFrom(previous: PreviousPack, start: number, end: number): void {
    if (this.run?.end === start) this.run.end = end;
    else {
      this.flush();
      this.run = { previous, start, end };
    }
    this.offset += end - start;
  }

  private endRun(): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    // Read into one buffer, again and again (see `Sink`): fresh memory for each piece made copying
    // a pack of 87 MB take twice as long.
    this.scratch ??= Buffer.allocUnsafe(PASS);
    for (let at = run.start; at < run.end; at += PASS) this.sink(run.previous.read(at, Math.min(run.end, at + PASS), this.scratch));
  }

  /** A non-negative integer in decimal. */
  int(n: number): void {
    if (this.run) this.endRun();
    if (this.used + 16 > BLOCK) this.flush();
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    for (let i = this.used + digits - 1, m = n; i >= this.used; i--, m = Math.floor(m / 10)) this.block[i] = 0x30 + (m % 10);
    this.used += digits;
    this.offset += digits;
  }

  object(id: number, head: string, stream?: Uint8Array): void {
    this.offsets[id] = this.offset;
    if (stream) {
      this.raw(`${id} 0 obj\n${head}\nstream\n`);
      this.raw(stream);
      this.raw('\nendstream\nendobj\n');
    } else this.raw(`${id} 0 obj\n${head}\nendobj\n`);
  }

  private pass(chunk: Uint8Array): void {
    this.sink(chunk);
    this.offset += chunk.length;
  }

  flush(): void {
    this.endRun();
    if (this.used === 0) return;
    this.sink(this.block.subarray(0, this.used));
    this.block = Buffer.allocUnsafe(BLOCK);
    this.used = 0;
  }
}

/** A PDF text string: literal when ASCII, else UTF-16BE with a byte order mark, as hex. */
export function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const units = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${units.toString('hex').toUpperCase()}>`;
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000));

// --- the assembly --------------------------------------------------------------------------------

/**
 * Where each part's objects went in a pack, so that the next pack can copy them from it instead
 * of renumbering them again. A part's objects are numbered from the first number of a block
 * reserved for it, and their bytes depend only on the part and on where its block and its keys
 * start; a part whose key (those three) is the same in the previous pack is copied from there.
 */
export interface PackIndex {
  /** The pack it describes: its file ID and length. */
  id: string;
  bytes: number;
  /** Each part's objects in the pack: bytes `[start, end)`, objects `first` onwards (`count` numbers reserved). */
  regions: PackRegion[];
}

export interface PackRegion {
  key: string;
  start: number;
  end: number;
  first: number;
  count: number;
}

/** The pack written before (the file `index` describes), to copy unchanged parts from. */
export interface PreviousPack {
  index: PackIndex;
  /** Bytes `[start, end)` of the previous pack, read into `into` when given (a view of it is returned). */
  read(start: number, end: number, into?: Uint8Array): Uint8Array;
  /** Where object `id` starts in the previous pack (from its xref table). */
  offsetOf(id: number): number;
}

/** Object numbers and structure keys are reserved for each part in blocks of these sizes. */
const OBJECT_BLOCK = 128;
const KEY_BLOCK = 32;
const roundUp = (n: number, block: number): number => Math.ceil(n / block) * block;

/**
 * Writes the pack: the host's objects, then each part's (renumbered), then the objects that
 * span them. `parts` is iterated once, in pack order, and may read each part lazily. With
 * `previous`, parts found unchanged in it are copied from it (same bytes as renumbering them).
 * Returns the index of the pack written.
 */
export function assemblePack(host: { pdf: Uint8Array; plan: HostPlan }, parts: Iterable<AssemblyPart>, sink: Sink, previous?: PreviousPack): PackIndex {
  const { plan } = host;
  const hostPdf = parsePdf(host.pdf, 'pack host');
  const out = new Writer(sink);
  out.raw(Buffer.from('%PDF-1.7\n%\xff\xff\xff\xff\n', 'latin1'));

  const rewritten = new Set([plan.catalog, plan.pages, plan.names, plan.structTreeRoot, plan.documentElement, plan.slotElement]);
  for (let id = 1; id < hostPdf.size; id++) {
    if (rewritten.has(id) || !hostPdf.offsets[id]) continue;
    out.offsets[id] = out.offset;
    out.raw(hostPdf.buffer.subarray(hostPdf.offsets[id], hostPdf.ends[id]));
  }
  const hostStructTree = readObject(hostPdf, plan.structTreeRoot).head;
  const hostNextKey = Number(/\/ParentTreeNextKey (\d+)/.exec(hostStructTree)?.[1] ?? 0);
  let nextId = hostPdf.size;

  // Part pages' /Contents become [q, the page's own, Q, footer]: the footer is drawn in the
  // page's initial graphics state whatever the page left behind.
  const save = nextId++;
  const restore = nextId++;
  out.object(save, '<<\n/Length 1\n>>', Buffer.from('q'));
  out.object(restore, '<<\n/Length 1\n>>', Buffer.from('Q'));
  // The parts' blocks start on a round number, so that the host may grow a little and they stay.
  nextId = roundUp(nextId, OBJECT_BLOCK * 8);
  let nextKey = roundUp(hostNextKey, KEY_BLOCK);

  const partPages: number[] = [];
  const articles: number[] = [];
  const fontEntries = plan.overlays.fonts.map((f) => `/${f.name} ${f.object} 0 R`).join('\n');
  const treeLeaves: Array<{ id: number; low: number; high: number }> = [];
  const bookmarks: Array<RecordedBookmark & { pageId: number }> = [];
  const anchors: Array<RecordedAnchor & { pageId: number }> = [];
  let overlay = 0;
  let partCount = 0;

  // The file ID: from what went in (the host's bytes, each part's digest and record), so the
  // output need not be hashed as it is written.
  const fileHash = createHash('md5').update(createHash('md5').update(hostPdf.buffer).digest());

  // A part is copied from the previous pack when its key is found there; `reusable` are those
  // regions, by key, if the previous pack is the file its index describes.
  const reusable = new Map((previous?.index.regions ?? []).map((r) => [r.key, r]));
  const regions: PackRegion[] = [];
  // What else a part's renumbered bytes hold: the numbers of the host's objects they refer to.
  const common = `${save} ${restore} ${plan.pages} ${plan.documentElement} ${fontEntries}`;
  const footers: Array<{ id: number; page: number }> = [];

  for (const part of parts) {
    partCount++;
    const name = part.name ?? `pack part ${part.meta.id}`;
    const fail = (message: string): BriefsError => new BriefsError('E_INPUT_INVALID', message, { file: name });
    let read: Buffer | null = null;
    const bytesOf = (): Buffer => {
      if (read) return read;
      const pdf = typeof part.pdf === 'function' ? part.pdf() : part.pdf;
      read = Buffer.isBuffer(pdf) ? pdf : Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      return read;
    };
    const record = part.meta.relocation ?? relocationOf(bytesOf(), name);
    if (record.pages.length !== part.meta.pages) throw fail(`has ${record.pages.length} pages, its record says ${part.meta.pages}`);
    fileHash.update(record.digest).update(JSON.stringify([part.meta.id, part.meta.pages, part.meta.bookmarks, part.meta.anchors]));

    // Kept objects are numbered in order from the first of the part's block, then its pages'
    // footers, then its leaf of the parent tree. The record's list of them is decoded only when
    // the part is renumbered here (or when the record is older and does not say how many are
    // kept and where its pages and articles are among them).
    const base = nextId;
    let objects = Buffer.alloc(0);
    let cursor = 0;
    const varint = (): number => {
      let n = 0;
      let scale = 1;
      for (;;) {
        const byte = objects[cursor++];
        if (byte === undefined) throw fail('has a damaged relocation record');
        n += (byte & 0x7f) * scale;
        if (byte < 0x80) return n;
        scale *= 0x80;
      }
    };
    let decoded: { spans: number[]; renumber: (ref: number) => number } | null = null;
    const decode = (): { spans: number[]; renumber: (ref: number) => number } => {
      if (decoded) return decoded;
      objects = Buffer.from(record.objects, 'base64');
      cursor = 0;
      const spans: number[] = [];
      let highest = Math.max(record.pagesRoot, record.documentElement);
      while (cursor < objects.length) {
        const old = varint();
        const start = varint();
        const length = varint();
        spans.push(old, start, length, cursor);
        highest = Math.max(highest, old);
        const patches = varint();
        for (let i = 0; i < patches; i++) varint();
      }
      const map = new Int32Array(highest + 1);
      for (let s = 0; s < spans.length; s += 4) map[spans[s]!] = base + s / 4;
      map[record.pagesRoot] = plan.pages;
      map[record.documentElement] = plan.documentElement;
      const renumber = (ref: number): number => {
        const to = ref < map.length ? map[ref]! : 0;
        if (to === 0) throw fail(`object ${ref} is referenced but not kept`);
        return to;
      };
      decoded = { spans, renumber };
      return decoded;
    };
    const placed = (ids: number[], ranks: number[] | undefined): number[] => (ranks ? ranks.map((r) => base + r) : ids.map(decode().renumber));
    const footerBase = base + (record.kept ?? decode().spans.length / 4);
    const { nums } = record;
    const leaf = nums.length > 0 ? footerBase + record.pages.length : 0;
    const count = footerBase + record.pages.length + (leaf ? 1 : 0) - base;
    nextId = base + roundUp(count, OBJECT_BLOCK);
    const keyBase = nextKey;
    nextKey = keyBase + roundUp(Math.max(record.nextKey, nums.length > 0 ? nums[nums.length - 1]![0] + 1 : 0), KEY_BLOCK);

    const key = createHash('md5').update(`${record.digest} ${base} ${keyBase} ${common}`).digest('hex');
    const start = out.offset;
    const kept = reusable.get(key);
    if (kept && kept.first === base && kept.count === count) {
      // The same bytes as renumbering would write: copied from the previous pack.
      for (let id = base; id < base + count; id++) out.offsets[id] = start + (previous!.offsetOf(id) - kept.start);
      out.copyFrom(previous!, kept.start, kept.end);
    } else {
      const { spans, renumber } = decode();
      if (spans.length / 4 !== footerBase - base) throw fail('has a damaged relocation record');
      const pageIndex = new Map(record.pages.map((page, index) => [page, index]));
      const bytes = bytesOf();
      if (!/%%EOF\s*$/.test(latin1(bytes, Math.max(0, bytes.length - 16), bytes.length))) throw fail('not a complete PDF (no startxref)');
      if (bytes.length !== record.bytes) throw fail(`has ${bytes.length} bytes, its record says ${record.bytes}`);
      /** The decimal number at `at` of the part's bytes; `end` is where it ends. */
      let end = 0;
      const numberAt = (at: number): number => {
        let n = 0;
        end = at;
        for (let c = bytes[end]!; c >= 0x30 && c <= 0x39; c = bytes[++end]!) n = n * 10 + (c - 0x30);
        if (end === at) throw fail('does not match its relocation record');
        return n;
      };
      for (let s = 0; s < spans.length; s += 4) {
        const old = spans[s]!;
        const start = spans[s + 1]!;
        const stop = start + spans[s + 2]!;
        cursor = spans[s + 3]!;
        // "<old> 0 obj\n" where the record says the object starts.
        if (stop > bytes.length || numberAt(start) !== old || latin1(bytes, end, end + 7) !== ' 0 obj\n') throw fail(`object ${old} is not where its record says`);
        const newId = base + s / 4;
        out.offsets[newId] = out.offset;
        out.int(newId);
        let from = end;
        let at = end + 7;
        const patches = varint();
        for (let i = 0; i < patches; i++) {
          const code = varint();
          at += Math.floor(code / 8);
          const kind = (code % 8) as Patch;
          out.copy(bytes, from, at);
          if (kind === Patch.Ref) {
            out.int(renumber(numberAt(at)));
            from = end;
          } else if (kind === Patch.Key) {
            out.int(keyBase + numberAt(at));
            from = end;
          } else if (kind === Patch.Contents) {
            const contents = numberAt(at + '/Contents '.length);
            out.raw(`/Contents [${save} 0 R ${renumber(contents)} 0 R ${restore} 0 R ${footerBase + pageIndex.get(old)!} 0 R]`);
            from = end + ' 0 R'.length;
          } else {
            if (fontEntries) out.raw(kind === Patch.FontsIn ? `\n${fontEntries}` : `/Font <<\n${fontEntries}\n>>\n`);
            from = at;
          }
        }
        out.copy(bytes, from, stop);
      }
      // The part's parent tree, as one leaf of the pack's.
      if (leaf) {
        const ref = (r: number): string => (r === 0 ? 'null' : `${renumber(r)} 0 R`);
        const body = nums.map(([key, value]) => `${keyBase + key} ${Array.isArray(value) ? `[${value.map(ref).join(' ')}]` : ref(value)}`).join(' ');
        out.object(leaf, `<<\n/Limits [${keyBase + nums[0]![0]} ${keyBase + nums[nums.length - 1]![0]}]\n/Nums [${body}]\n>>`);
      }
    }
    regions.push({ key, start, end: out.offset, first: base, count });
    if (leaf) treeLeaves.push({ id: leaf, low: keyBase + nums[0]![0], high: keyBase + nums[nums.length - 1]![0] });

    for (const top of placed(record.tops, record.topRanks)) articles.push(top);
    const newPages = placed(record.pages, record.pageRanks);
    for (const b of part.meta.bookmarks) bookmarks.push({ ...b, pageId: newPages[b.page]! });
    for (const a of part.meta.anchors) anchors.push({ ...a, pageId: newPages[a.page]! });
    for (const page of newPages) partPages.push(page);
    // Footers are numbered in the part's block but written after every part: they say where a
    // page lands in the pack, which an earlier part's length changes.
    for (let i = 0; i < newPages.length; i++) footers.push({ id: footerBase + i, page: plan.slot + overlay + i + 1 });
    overlay += newPages.length;
  }
  if (overlay !== plan.overlays.pages) throw new BriefsError('E_INTERNAL', `pack host made footers for ${plan.overlays.pages} pages, not ${overlay}`);
  if (partCount === 0) throw new BriefsError('E_USAGE', 'a pack needs at least one document');
  for (const footer of footers) {
    const content = footerStream(plan.overlays.footer, footer.page);
    out.object(footer.id, `<<\n/Length ${content.length}\n>>`, Buffer.from(content, 'latin1'));
  }

  // Pages: the host's before the slot, the parts', the host's after.
  const pages = [...plan.pageIds.slice(0, plan.slot), ...partPages, ...plan.pageIds.slice(plan.slot)];
  out.object(plan.pages, `<<\n/Type /Pages\n/Count ${pages.length}\n/Kids [${pages.map((p) => `${p} 0 R`).join(' ')}]\n>>`);

  // Structure: the articles in the slot; the host's parent tree entries as the first leaf.
  const documentHead = readObject(hostPdf, plan.documentElement).head;
  const slotRef = new RegExp(`(^|[\\s\\[])${plan.slotElement} 0 R`);
  if (!slotRef.test(documentHead)) throw new BriefsError('E_INTERNAL', 'pack host has no slot for its parts');
  out.object(plan.documentElement, documentHead.replace(slotRef, (_, before: string) => `${before}${articles.map((a) => `${a} 0 R`).join(' ')}`));
  out.object(plan.slotElement, 'null');
  const hostNums = numsOf(hostStructTree);
  if (hostNums.length > 0) {
    const leaf = nextId++;
    out.object(leaf, `<<\n/Limits [${hostNums[0]!.key} ${hostNums[hostNums.length - 1]!.key}]\n/Nums [${hostNums.map((n) => `${n.key} ${n.value}`).join(' ')}]\n>>`);
    treeLeaves.unshift({ id: leaf, low: hostNums[0]!.key, high: hostNums[hostNums.length - 1]!.key });
  }
  const withoutTree = withoutDictEntry(hostStructTree, 'ParentTree');
  out.object(
    plan.structTreeRoot,
    withoutTree
      .replace(/\/ParentTreeNextKey \d+/, `/ParentTreeNextKey ${nextKey}`)
      .replace(/>>\s*$/, `/ParentTree <<\n/Kids [${treeLeaves.map((l) => `${l.id} 0 R`).join(' ')}]\n>>\n>>`),
  );

  // Outline and destinations, in page order.
  const hostPage = (index: number): number => plan.pageIds[index]!;
  const before = plan.bookmarks.filter((b) => b.page < plan.slot).map((b) => ({ ...b, pageId: hostPage(b.page) }));
  const after = plan.bookmarks.filter((b) => b.page >= plan.slot).map((b) => ({ ...b, pageId: hostPage(b.page) }));
  const outline = writeOutline(out, [...before, ...bookmarks, ...after], () => nextId++);
  const dests = [...plan.anchors.map((a) => ({ ...a, pageId: hostPage(a.page) })), ...anchors].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  out.object(plan.names, `<<\n/Dests <<\n/Names [${dests.map((d) => `${pdfString(d.name)} [${d.pageId} 0 R /XYZ null ${num(d.top)} null]`).join('\n')}]\n>>\n>>`);

  let catalog = readObject(hostPdf, plan.catalog).head.replace(/\/Outlines \d+ 0 R\n?/, '').replace(/\/PageMode \/\w+\n?/, '');
  if (outline !== null) catalog = catalog.replace(/>>\s*$/, `/Outlines ${outline} 0 R\n/PageMode /UseOutlines\n>>`);
  out.object(plan.catalog, catalog);

  // Cross-reference table, a subsection per run of numbers in use (the blocks' spare numbers are
  // in none), and trailer.
  const size = nextId;
  const xref = out.offset;
  out.raw('xref\n0 1\n0000000000 65535 f \n');
  for (let id = 1; id < size; id++) {
    if (out.offsets[id] === undefined) continue;
    let run = id;
    while (run < size && out.offsets[run] !== undefined) run++;
    out.raw(`${id} ${run - id}\n`);
    for (; id < run; id++) out.xrefEntry(out.offsets[id]!);
  }
  const fileId = fileHash.digest('hex');
  out.raw(`trailer\n<<\n/Size ${size}\n/Root ${plan.catalog} 0 R\n/Info ${hostPdf.info} 0 R\n/ID [<${fileId}> <${fileId}>]\n>>\nstartxref\n${xref}\n%%EOF\n`);
  out.flush();
  return { id: fileId, bytes: out.offset, regions };
}

/**
 * The previous pack at `bytes` as `index` describes it, or null if it is not that file (another
 * file ID or length: a pack written since, or changed by hand). Reads the xref table only.
 */
export function previousPack(index: PackIndex, length: number, readAt: (start: number, end: number) => Uint8Array): PreviousPack | null {
  if (length !== index.bytes || length < 64) return null;
  const tail = latin1(Buffer.from(readAt(Math.max(0, length - 256), length)), 0, 256);
  const id = /\/ID \[<([0-9a-f]+)>/.exec(tail)?.[1];
  const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(tail)?.[1] ?? Number.NaN);
  if (id !== index.id || !(xref > 0 && xref < length)) return null;
  const table = Buffer.from(readAt(xref, length));
  // "xref", then subsections: "first count" and count entries of 20 bytes. Their headers first,
  // for the highest number: the offsets then go to a flat array (numbers start in the thousands,
  // with gaps, which would make a plain array a slow sparse one).
  const start = table.indexOf(0x0a) + 1;
  const subsections: Array<[first: number, count: number, at: number]> = [];
  let size = 0;
  for (let at = start; at < table.length && table[at] !== 0x74 /* t of trailer */; ) {
    const eol = table.indexOf(0x0a, at);
    const [first, count] = latin1(table, at, eol).split(' ').map(Number) as [number, number];
    subsections.push([first, count, eol + 1]);
    size = Math.max(size, first + count);
    at = eol + 1 + count * 20;
  }
  const offsets = new Float64Array(size).fill(-1);
  for (const [first, count, from] of subsections) {
    for (let i = 0, at = from; i < count; i++, at += 20) {
      if (table[at + 17] !== 0x6e /* n */) continue;
      let offset = 0;
      for (let d = at; d < at + 10; d++) offset = offset * 10 + (table[d]! - 0x30);
      offsets[first + i] = offset;
    }
  }
  return {
    index,
    read: readAt,
    offsetOf: (id) => {
      const offset = id < size ? offsets[id]! : -1;
      if (offset < 0) throw new BriefsError('E_INTERNAL', `the previous pack has no object ${id}`);
      return offset;
    },
  };
}

/**
 * The outline tree from bookmarks in page order (levels 1–6), as pdfkit would write it: items
 * of level 1 open, with /Count their number of children; others closed.
 */
function writeOutline(out: Writer, items: ReadonlyArray<RecordedBookmark & { pageId: number }>, allocate: () => number): number | null {
  if (items.length === 0) return null;
  interface Item {
    id: number;
    title: string;
    dest: string;
    expanded: boolean;
    children: Item[];
    parent: Item | null;
  }
  const root: Item = { id: allocate(), title: '', dest: '', expanded: false, children: [], parent: null };
  const stack: Array<{ level: number; item: Item }> = [];
  for (const b of items) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= b.level) stack.pop();
    const parent = stack[stack.length - 1]?.item ?? root;
    const item: Item = { id: allocate(), title: b.title, dest: `[${b.pageId} 0 R /XYZ 0 ${num(b.top)} 0]`, expanded: b.expanded, children: [], parent };
    parent.children.push(item);
    stack.push({ level: b.level, item });
  }
  const write = (item: Item, prev?: Item, next?: Item): void => {
    const fields: string[] = [];
    if (item.dest) fields.push(`/Dest ${item.dest}`);
    if (item.parent) fields.push(`/Parent ${item.parent.id} 0 R`);
    if (item.title) fields.push(`/Title ${pdfString(item.title)}`);
    const kids = item.children;
    if (kids.length > 0) {
      if (item.expanded) fields.push(`/Count ${kids.length}`);
      fields.push(`/First ${kids[0]!.id} 0 R`, `/Last ${kids[kids.length - 1]!.id} 0 R`);
    }
    if (prev) fields.push(`/Prev ${prev.id} 0 R`);
    if (next) fields.push(`/Next ${next.id} 0 R`);
    out.object(item.id, `<<\n${fields.join('\n')}\n>>`);
    for (let i = 0; i < kids.length; i++) write(kids[i]!, kids[i - 1], kids[i + 1]);
  };
  write(root);
  return root.id;
}
