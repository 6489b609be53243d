import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BriefsError } from '@briefs/ast';
import * as fontkit from 'fontkit';

/**
 * Fonts come from the Debian package `fonts-noto-core` (SIL Open Font Licence), installed by the
 * setup script; nothing is downloaded at build time. Every font is embedded (subset) in the PDF.
 */
export const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/noto';

/** The faces a layout asks for; each maps to one TrueType file. */
export type FontRole =
  | 'serif'
  | 'serif-bold'
  | 'serif-italic'
  | 'sans'
  | 'sans-bold'
  | 'sans-italic'
  | 'arabic'
  | 'arabic-bold'
  | 'hebrew'
  | 'hebrew-bold';

export const FONT_FILES: Readonly<Record<FontRole, string>> = {
  serif: 'NotoSerif-Regular.ttf',
  'serif-bold': 'NotoSerif-Bold.ttf',
  'serif-italic': 'NotoSerif-Italic.ttf',
  sans: 'NotoSans-Regular.ttf',
  'sans-bold': 'NotoSans-Bold.ttf',
  'sans-italic': 'NotoSans-Italic.ttf',
  // Naskh is the usual book face for Arabic and Persian running text. Latin, Greek and Cyrillic
  // are in the Noto Sans/Serif faces; other scripts would need their own entries here.
  arabic: 'NotoNaskhArabic-Regular.ttf',
  'arabic-bold': 'NotoNaskhArabic-Bold.ttf',
  hebrew: 'NotoSansHebrew-Regular.ttf',
  'hebrew-bold': 'NotoSansHebrew-Bold.ttf',
};

/** The face for text of a script, paired with a Latin role (bold stays bold). */
export const roleFor = (face: 'latin' | 'arabic' | 'hebrew', role: FontRole): FontRole =>
  face === 'latin' ? role : ((role.endsWith('-bold') ? `${face}-bold` : face) as FontRole);

const cache = new Map<string, fontkit.Font>();

/**
 * Every face, read and parsed once per process. fontkit parses tables lazily and keeps them on
 * the Font object, so sharing one object across documents makes a warm render ~10× faster than
 * handing pdfkit the bytes each time (pdfkit then subsets per document as usual).
 */
export function loadFonts(fontDir: string = process.env.BRIEFS_FONT_DIR ?? DEFAULT_FONT_DIR): Map<FontRole, fontkit.Font> {
  const out = new Map<FontRole, fontkit.Font>();
  for (const [role, file] of Object.entries(FONT_FILES) as Array<[FontRole, string]>) {
    const path = join(fontDir, file);
    let font = cache.get(path);
    if (!font) {
      try {
        font = fontkit.create(readFileSync(path));
      } catch {
        throw new BriefsError('E_INTERNAL', `font not found: ${path} (install the Debian package fonts-noto-core, or set BRIEFS_FONT_DIR)`, {
          file: path,
        });
      }
      memoiseGlyphDecoding(font);
      if (!role.startsWith('arabic') && !role.startsWith('hebrew')) skipIdleMarkPositioning(font);
      cache.set(path, font);
    }
    out.set(role, font);
  }
  return out;
}

/**
 * Whether no glyph of `text` can be a combining mark: every character is a letter, digit, symbol
 * or punctuation of Latin, Greek or Cyrillic (precomposed, as text almost always is), general
 * punctuation, currency, letterlike, arrow, maths or geometric — none a combining mark, and none
 * that the Noto faces' glyph substitutions turn into one (tested on every such character the
 * faces have, and on the corpus's words).
 */
export function withoutMarks(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300) continue;
    if (c <= 0x36f) return false;
    if (c < 0x483 || (c >= 0x48a && c <= 0x52f)) continue;
    if (c >= 0x1e00 && c <= 0x1fff) continue;
    if ((c >= 0x2000 && c <= 0x20cf) || (c >= 0x2100 && c <= 0x22ff) || (c >= 0x25a0 && c <= 0x25ff)) continue;
    return false;
  }
  return true;
}

/**
 * fontkit applies every default feature of a script to every run, and the first run of a face
 * decodes each feature's lookups: for the Latin faces, the mark-to-base and mark-to-mark lookups
 * (Noto's, for every combining mark of three scripts) are half of that first decoding, about 40 ms
 * a face, a third of a first brief's time in a fresh process. They position combining marks only,
 * so a run with none (`withoutMarks`) is laid out without them, to the same glyphs and positions.
 * Anything else, and any call that names its own features, goes through as before.
 */
function skipIdleMarkPositioning(font: fontkit.Font): void {
  const layout = font.layout.bind(font);
  font.layout = (text, features, ...rest) => layout(text, features === undefined && withoutMarks(text) ? { mark: false, mkmk: false } : features, ...rest);
}

type DecodingGlyph = { _decode(): unknown; _font: { _variationProcessor?: unknown }; _briefsDecoded?: unknown };
const memoised = new WeakSet<object>();

/**
 * pdfkit subsets every font per document, and fontkit's TrueType subsetter decodes each glyph's
 * outline again (points and all) only to see whether it is a composite: about a tenth of a brief's
 * time. The decoded outline of a glyph of a static font never changes, so it is kept on fontkit's
 * glyph object (which fontkit itself caches per font). Variable fonts decode as before.
 */
function memoiseGlyphDecoding(font: fontkit.Font): void {
  const glyph = (font as unknown as { getGlyph?: (id: number) => object }).getGlyph?.(0);
  const proto = glyph ? (Object.getPrototypeOf(glyph) as DecodingGlyph | null) : null;
  if (!proto || typeof proto._decode !== 'function' || memoised.has(proto)) return;
  const decode = proto._decode;
  proto._decode = function (this: DecodingGlyph) {
    if (this._font._variationProcessor) return decode.call(this);
    if (!Object.hasOwn(this, '_briefsDecoded')) this._briefsDecoded = decode.call(this);
    return this._briefsDecoded;
  };
  memoised.add(proto);
}

/**
 * fontkit caches one Glyph object per glyph id, with the code points of whichever call made it
 * first. Subsetting a finished document creates glyphs (composite components) with no code points,
 * and pdfkit writes a glyph's code points into the ToUnicode map: a later document would then lose
 * those letters in copy-paste and pdftotext (seen with Arabic medial and final forms). So before
 * each document, cached glyphs without code points are dropped and made again on demand.
 */
export function forgetUnmappedGlyphs(fonts: Iterable<fontkit.Font>): void {
  for (const font of fonts) {
    const cache = (font as unknown as { _glyphs?: Record<string, { codePoints?: number[] } | undefined> })._glyphs;
    if (!cache) continue;
    for (const key of Object.keys(cache)) if ((cache[key]?.codePoints?.length ?? 0) === 0) delete cache[key];
  }
}

const layoutCaches = new Map<fontkit.Font, Record<string, unknown>>();
const LAYOUT_CACHE_LIMIT = 50_000;
const layoutCacheUses = new Map<fontkit.Font, number>();

/**
 * pdfkit keeps a per-document cache of shaped words; shaping (fontkit GSUB/GPOS) is most of a
 * brief's time, and a pack repeats the same words in every document. The cache holds only
 * glyphs and scaled positions of a font, nothing of a document, so it is shared by every
 * document that uses the font (bounded: emptied when it grows past a limit, checked every eighth
 * document, as counting the keys of a full cache takes a millisecond; a brief adds a few thousand).
 */
export function sharedLayoutCache(font: fontkit.Font): Record<string, unknown> {
  let cache = layoutCaches.get(font);
  const uses = (layoutCacheUses.get(font) ?? 0) + 1;
  layoutCacheUses.set(font, uses);
  if (!cache || (uses % 8 === 0 && Object.keys(cache).length > LAYOUT_CACHE_LIMIT)) {
    cache = Object.create(null) as Record<string, unknown>;
    layoutCaches.set(font, cache);
  }
  return cache;
}

interface LayoutRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

interface EmbeddedFontLike {
  layoutCache?: unknown;
  layoutRun(text: string, features?: unknown): LayoutRun;
  layoutCached(text: string): LayoutRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): LayoutRun | { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}

const quickened = new WeakSet<object>();

/**
 * pdfkit's embedded font lays text out word by word (a word ends after a space or tab) through
 * its layout cache, but finds the words by testing every character against a new array, and
 * joins the words' glyphs with `concat` (copying them all again per word). This is the same
 * algorithm, words taken and summed in the same order (same widths to the last bit), found with
 * `indexOf` and joined with `push`. Set once on pdfkit's class, for every document.
 */
export function quickenFontLayout(font: object): void {
  const proto = Object.getPrototypeOf(font) as EmbeddedFontLike | null;
  if (!proto || quickened.has(proto) || typeof proto.layoutCached !== 'function' || typeof proto.layout !== 'function') return;
  proto.layout = function (this: EmbeddedFontLike, text: string, features?: unknown, onlyWidth?: boolean) {
    if (features) return this.layoutRun(text, features);
    const glyphs: unknown[] | null = onlyWidth ? null : [];
    const positions: unknown[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    const n = text.length;
    let tab = text.indexOf('\t');
    let last = 0;
    while (last < n) {
      // The word runs to the next space or tab, inclusive, or to the end.
      const space = text.indexOf(' ', last);
      if (tab !== -1 && tab < last) tab = text.indexOf('\t', last);
      const end = space === -1 ? tab : tab === -1 ? space : Math.min(space, tab);
      const stop = end === -1 ? n : end + 1;
      const run = this.layoutCached(last === 0 && stop === n ? text : text.slice(last, stop));
      if (glyphs && positions) {
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p);
      }
      advanceWidth += run.advanceWidth;
      last = stop;
    }
    return { glyphs, positions, advanceWidth };
  };
  quickened.add(proto);
}
