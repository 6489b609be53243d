import type { Bidi } from 'bidi-js';
import bidiModule from 'bidi-js';

/**
 * Right-to-left text (Arabic and Persian titles and names) for pdfkit. pdfkit hands each string to
 * fontkit, which shapes Arabic and reverses a run written in an RTL script, but it picks one
 * script per string and knows nothing of the Unicode Bidirectional Algorithm (UAX #9). So mixed
 * text is split here into directional runs, the runs put in visual order (UAX #9 rule L2), and
 * each run drawn on its own with a font that has its glyphs.
 */
// bidi-js ships CommonJS with an ESM-style `default`; Node's interop hands us either shape.
const bidiFactory = ((bidiModule as unknown as { default?: () => Bidi }).default ?? bidiModule) as unknown as () => Bidi;
const bidi = bidiFactory();

/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo…, presentation forms). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Characters that need the Arabic face (letters, Arabic-Indic digits, presentation forms). */
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Hebrew letters and presentation forms. */
const HEBREW_SCRIPT = /[\u0590-\u05FF\uFB1D-\uFB4F]/;

/** The face a run of text needs beyond the Latin/Greek/Cyrillic Noto faces. */
export type Face = 'latin' | 'arabic' | 'hebrew';

export const hasRtl = (text: string): boolean => RTL_LETTER.test(text);
export const needsArabicFont = (text: string): boolean => ARABIC_SCRIPT.test(text);
/** Text with letters the Latin faces lack. */
export const needsFallback = (text: string): boolean => ARABIC_SCRIPT.test(text) || HEBREW_SCRIPT.test(text);
export const faceOf = (text: string): Face => (ARABIC_SCRIPT.test(text) ? 'arabic' : HEBREW_SCRIPT.test(text) ? 'hebrew' : 'latin');
/** Runs of one non-Latin script with the spaces inside them (for measuring mixed text). */
export const FALLBACK_RUNS = /([\u0590-\u05FF\uFB1D-\uFB4F]+(?:\s+[\u0590-\u05FF\uFB1D-\uFB4F]+)*|[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:\s+[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*)/;

export interface VisualRun {
  /** Text to hand to fontkit: logical order for RTL-script runs (fontkit reverses those itself). */
  text: string;
  /** Resolved embedding level is odd. */
  rtl: boolean;
  /** Needs the Arabic face. */
  arabic: boolean;
  /** The face of the run. */
  face: Face;
}

export interface VisualLine {
  runs: VisualRun[];
  /** Base direction of the paragraph, for alignment. */
  rtl: boolean;
}

/**
 * One line of text (logical order, already broken) as runs in left-to-right drawing order.
 * `direction` is the paragraph's base direction; `auto` takes it from the first strong letter.
 */
export function visualLine(line: string, direction: 'ltr' | 'rtl' | 'auto' = 'auto'): VisualLine {
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const levels = embedding.levels;
  const base = embedding.paragraphs[0]?.level ?? 0;
  const logical: Array<{ start: number; end: number; level: number }> = [];
  for (let i = 0; i < line.length; i++) {
    const level = levels[i] ?? base;
    const last = logical[logical.length - 1];
    // Keep a UTF-16 surrogate pair in one run.
    if (last && (last.level === level || isLowSurrogate(line.charCodeAt(i)))) last.end = i + 1;
    else logical.push({ start: i, end: i + 1, level });
  }
  // UAX #9 L2: from the highest level down to the lowest odd level, reverse every maximal
  // sequence of runs at that level or higher.
  const order = logical.map((_, i) => i);
  const max = Math.max(base, ...logical.map((r) => r.level));
  const minOdd = Math.min(...logical.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0;
    while (i < order.length) {
      if ((logical[order[i]!]!.level ?? 0) >= level) {
        let j = i;
        while (j + 1 < order.length && logical[order[j + 1]!]!.level >= level) j++;
        const slice = order.slice(i, j + 1).reverse();
        order.splice(i, slice.length, ...slice);
        i = j + 1;
      } else i++;
    }
  }
  const runs: VisualRun[] = [];
  for (const index of order) {
    const run = logical[index]!;
    let text = line.slice(run.start, run.end);
    const rtl = run.level % 2 === 1;
    // fontkit reverses only runs whose script is right-to-left; a run of neutrals resolved to
    // RTL (brackets, dashes between Arabic words) is reversed and mirrored here instead.
    if (rtl && !hasRtl(text)) text = [...text].reverse().map((ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');
    if (text === '') continue;
    runs.push({ text, rtl, arabic: needsArabicFont(text), face: faceOf(text) });
  }
  return { runs, rtl: base % 2 === 1 };
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
