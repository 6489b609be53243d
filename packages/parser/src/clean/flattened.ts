/**
 * Pages flattened into one long paragraph: page chrome, outline, header and footer run into the
 * article text. Residue becomes drop ranges inside the unit, the outline's section titles where
 * they recur in the text become inline headings, and the header and footer fill `meta`.
 */
import type { Page } from './page.js';
import { parseDateAt } from './dates.js';
import { isPersonName } from './names.js';
import { kindLabel } from './labels.js';
import { isJsSpace, moreWordsThan, wordCount } from './text.js';

const MIN_LENGTH = 1200;
/** Outline matching searches the text repeatedly: past this size only the cheap rules run. */
const MAX_OUTLINE_LENGTH = 200_000;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = `(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})`;
const KIND = '(?:Report|Comment|Commentary|Analysis|Brief Analysis|Policy Brief|Article|Interview|Q&A|Short Analysis|Op-Ed|Opinion|Explainer|Paper|Podcast)';
const SENTENCE_STARTERS = /^(?:You|The|This|These|In|After|Before|As|On|For|When|While|We|It|Our|A|An|Since|With|Over|From|During|Despite|Although)$/;
const ROLE_START = /^(?:Director|Deputy|Senior|Head|Fellow|Analyst|Researcher|Research|Associate|Professor|Editor|Chief|Program|Vice|Manager|Lead|Visiting|Non-resident|Nonresident|President|Executive|Communications|Junior|Lecturer)$/;

interface Span {
  start: number;
  end: number;
  rule: string;
}

export function readFlattened(page: Page): void {
  for (let i = 0; i < page.length; i++) {
    const d = page.decisions[i];
    if ((d && d.role !== 'body') || page.unit(i).kind === 'heading') continue;
    const text = page.unit(i).text;
    if (text.length < MIN_LENGTH || moreLinesThan(text, 3)) continue;
    cleanFlattened(page, i, text);
  }
}

/** `text.split('\n').length > lines`, without splitting a long text. */
function moreLinesThan(text: string, lines: number): boolean {
  let at = -1;
  for (let n = 1; n <= lines; n++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return false;
  }
  return true;
}

function cleanFlattened(page: Page, i: number, text: string): void {
  const spans: Span[] = [];
  const head = text.slice(0, Math.min(text.length, 3000));
  // Header cluster: [Download …] [Share this Article] KIND DATE [N min read].
  const cluster = new RegExp(
    `(?:Download \\([^)]*\\)\\s*)?(?:Share this (?:Article|Page)\\s*)?(?:Print this (?:Article|Page)\\s*)?(${KIND})?\\s*(${DATE})\\s*(\\d+\\s*min(?:ute)?s? read)?`,
  ).exec(head);
  let bodyFrom = 0;
  let outlineText = '';
  const postItems: string[] = [];
  if (cluster?.[2] && (cluster[3] || cluster[1])) {
    const start = cluster.index;
    const end = start + cluster[0].length;
    if (cluster[1]) page.meta.kind ||= kindLabel(cluster[1]) ?? cluster[1];
    page.meta.published ??= parseDateAt(cluster[2])?.iso ?? null;
    outlineText = text.slice(0, start);
    spans.push({ start: 0, end, rule: 'page-header' });
    const after = text.slice(end).replace(/^\s+/, '');
    const offset = text.length - after.length;
    // The title: the head before the cluster repeated right after it, or the words up to the
    // first one that starts a sentence.
    let titleEnd = repeatedPrefix(after, outlineText);
    if (titleEnd < 0) titleEnd = sentenceStart(after);
    bodyFrom = end;
    if (titleEnd > 0) {
      const title = after.slice(0, titleEnd).trim();
      page.meta.title ||= title;
      spans.push({ start: offset, end: offset + titleEnd, rule: 'title' });
      bodyFrom = offset + titleEnd;
      outlineText = outlineText.replace(title, ' ');
    }
    // An outline may follow the title: titles the text repeats later, each followed by a capital.
    const rest = text.slice(bodyFrom);
    let at = rest.length - rest.trimStart().length;
    for (let guard = 0; guard < 30 && text.length <= MAX_OUTLINE_LENGTH; guard++) {
      const item = repeatedItem(rest.slice(at), rest.slice(at));
      if (!item) break;
      postItems.push(item);
      at += item.length;
      at += rest.slice(at).length - rest.slice(at).trimStart().length;
    }
    if (at > 0) {
      spans.push({ start: bodyFrom, end: bodyFrom + at, rule: 'page-header' });
      bodyFrom += at;
    }
  }
  // Footer: "Author(s) Name Role Name Role … Download … Share … related items" to the end.
  const footer = /\b(?:Author\(s\)|About the authors?|Authors?:)\s/.exec(text.slice(Math.floor(text.length * 0.5)));
  let bodyTo = text.length;
  if (footer) {
    bodyTo = Math.floor(text.length * 0.5) + footer.index;
    readFlatFooter(page, text.slice(bodyTo), `${outlineText} ${postItems.join(' ')}`);
    spans.push({ start: bodyTo, end: text.length, rule: 'page-footer' });
  }
  // Endnotes run into the end of the text ("… a difference. 1 Source. 3 Source. 7 Source."):
  // notes, not claims; their numbers glued to sentence ends ("in 2000.3 Most") are markers.
  const endnotes = endnotesAt(text.slice(bodyFrom, bodyTo));
  if (endnotes) {
    spans.push({ start: bodyFrom + endnotes.start, end: bodyTo, rule: 'endnotes' });
    for (const m of noteMarkers(text.slice(bodyFrom, bodyFrom + endnotes.start))) {
      if (endnotes.numbers.has(Number(m[1]))) spans.push({ start: bodyFrom + m.index, end: bodyFrom + m.index + m[0].length, rule: 'footnote-ref' });
    }
    bodyTo = bodyFrom + endnotes.start;
  }
  // Residue inside the text.
  const inner: Array<[RegExp, string]> = [
    [/\bGo back to the (?:main|previous) page\s*\.?/g, 'navigation'],
    [/\bDownload \((?:pdf|PDF)[^)]*\)\s*/g, 'share-bar'],
    [/\b(?:Share|Print) this (?:Article|Page)\s*/g, 'share-bar'],
    [/\b\d+\s*min(?:ute)?s? read\b/g, 'read-time'],
    [/\b(?:Figure|Chart|Graphic|Map) \d+(?:\s+(?:Figure|Chart|Graphic|Map) \d+)*(?=\s+\p{Lu}|\s*$)/gu, 'figure-placeholder'],
    [/\b(?:Graphics?|Charts?|Maps?|Photos?) (?:provided|produced|created) by\b[^.]*\.\s*/g, 'credit-line'],
  ];
  const innerText = text.slice(bodyFrom, bodyTo);
  for (const [k, [re, rule]] of inner.entries()) {
    // A pattern whose words the text lacks is not run over it (see INNER_NEEDS).
    if (!INNER_NEEDS[k]!.some((needle) => innerText.includes(needle))) continue;
    for (const m of innerText.matchAll(re)) {
      spans.push({ start: bodyFrom + m.index, end: bodyFrom + m.index + m[0].length, rule });
    }
  }
  // Inline headings: the outline's titles where the article text repeats them.
  const body = text.slice(bodyFrom, bodyTo);
  const headings: Array<{ start: number; end: number; text: string }> = [];
  const preItems = text.length <= MAX_OUTLINE_LENGTH ? outlineItems(outlineText, body) : [];
  for (const title of [...preItems, ...postItems]) {
    const at = body.indexOf(title);
    if (at >= 0) headings.push({ start: bodyFrom + at, end: bodyFrom + at + title.length, text: title });
  }
  // Every match holds a `|`: a body without one is not searched.
  const notes = body.includes('|') ? /\b(Endnotes|Footnotes|Notes|References|Sources)\s+(?=1\s*\|)/.exec(body) : null;
  if (notes) headings.push({ start: bodyFrom + notes.index, end: bodyFrom + notes.index + notes[1]!.length, text: notes[1]! });
  headings.sort((a, b) => a.start - b.start);

  const merged = mergeSpans(spans);
  for (const s of merged) page.dropRange(i, page.sourceOffset(i, s.start), page.sourceOffset(i, s.end), s.rule);
  if (headings.length) {
    const d = page.decisions[i] ?? { role: 'body' as const };
    d.inlineHeadings = headings.map((h) => ({ start: page.sourceOffset(i, h.start), end: page.sourceOffset(i, h.end), text: h.text }));
    d.rule ??= 'inline-headings';
    page.set(i, d);
  }
}

/** Words up to the first one that starts a sentence (a title has no full stop): offset or -1. */
function sentenceStart(after: string): number {
  // Word by word from the start (splitting all of a long flattened text for 30 words was waste).
  const word = /\S+/g;
  let previous = '';
  for (let count = 0; count < 30; count++) {
    const m = word.exec(after);
    if (!m) break;
    if (count >= 4 && SENTENCE_STARTERS.test(m[0]) && !/:$/.test(previous)) return m.index;
    previous = m[0];
  }
  return -1;
}

/** Length of the longest word-prefix (3+ words) of `after` that `before` contains, or -1. */
function repeatedPrefix(after: string, before: string): number {
  // Only the first 25 words are read: a split with a limit stops there (same words).
  const ws = after.split(/\s+/, 25);
  let best = -1;
  for (let k = 3; k <= Math.min(ws.length, 25); k++) {
    const phrase = ws.slice(0, k).join(' ');
    if (before.includes(phrase)) best = after.indexOf(ws[k - 1]!, k > 1 ? after.indexOf(ws[k - 2]!) : 0) + ws[k - 1]!.length;
    else if (best > 0) break;
  }
  return best;
}

/**
 * The outline title at the start of `text`: its longest word-prefix (3–20 words, capitalised)
 * that the text repeats further on, where both copies are followed by a capitalised word.
 */
function repeatedItem(text: string, whole: string): string | null {
  // Words 0–20 and whether there are more are all that is read: split no further than that.
  // Empty strings come only first and last, so the first 21 words are the same.
  const ws = text.split(/\s+/, 22).filter(Boolean);
  if (!ws[0] || !/^\p{Lu}/u.test(ws[0])) return null;
  let found: string | null = null;
  for (let k = 3; k <= Math.min(20, ws.length - 1); k++) {
    const phrase = ws.slice(0, k).join(' ');
    const later = whole.indexOf(phrase, phrase.length);
    // No longer phrase can recur where this one does not.
    if (later < 0) break;
    const nextHere = ws[k] ?? '';
    const nextThere = firstWordFrom(whole, later + phrase.length);
    if (/^\p{Lu}/u.test(nextHere) && /^\p{Lu}/u.test(nextThere)) found = phrase;
  }
  return found;
}

/**
 * `text.slice(from).trimStart().split(/\s+/)[0] ?? ''` without splitting the rest of the text:
 * trimStart drops the white space \s matches, and the word runs to the next such character.
 */
function firstWordFrom(text: string, from: number): string {
  let i = from;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  let j = i;
  while (j < text.length && !isJsSpace(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

/**
 * Splits an outline run into its titles: greedily, the longest run of outline words that the
 * article text repeats is one title (4 words at least).
 */
export function outlineItems(outline: string, body: string): string[] {
  const ws = outline.trim().split(/\s+/).filter(Boolean);
  const items: string[] = [];
  let s = 0;
  while (s < ws.length) {
    // A phrase the body holds contains every shorter prefix of it: past the first miss no longer
    // phrase can match, and a longer one can only occur where the shorter one first does or later.
    let best = 0;
    let from = 0;
    let phrase = ws.slice(s, s + 3).join(' ');
    for (let k = 4; s + k <= ws.length; k++) {
      phrase += ` ${ws[s + k - 1]!}`;
      const at = body.indexOf(phrase, from);
      if (at < 0) break;
      best = k;
      from = at;
    }
    if (best >= 4) {
      items.push(ws.slice(s, s + best).join(' '));
      s += best;
    } else s++;
  }
  return items;
}

/** A related item in a flattened footer, "Title KIND DATE" (built once: `matchAll` works on a copy). */
const FLAT_RELATED = new RegExp(`\\s*(.{8,200}?)\\s+(${KIND})\\s+(${DATE})`, 'g');

/** "Author(s) Name Role Name Role …" then related items "Title KIND DATE". */
function readFlatFooter(page: Page, footer: string, outline: string): void {
  const authorsPart = /^(?:Author\(s\)|About the authors?|Authors?:)\s+(.*?)(?=\s+(?:Author\(s\)|Download\b|Print this\b|Share this\b)|$)/.exec(footer);
  if (authorsPart) {
    const ws = authorsPart[1]!.split(/\s+/);
    let current: { name: string; role: string[] } | null = null;
    const flush = (): void => {
      if (current) page.addAuthor({ name: current.name, ...(current.role.length ? { bio: current.role.join(' ') } : {}) });
      current = null;
    };
    for (let k = 0; k < ws.length; k++) {
      const pair = `${ws[k]} ${ws[k + 1] ?? ''}`;
      if (isPersonName(pair) && ROLE_START.test(ws[k + 2] ?? '') && !ROLE_START.test(ws[k]!)) {
        flush();
        current = { name: pair, role: [] };
        k++;
      } else if (current) current.role.push(ws[k]!);
    }
    flush();
  }
  // Related: "Title KIND DATE" repeated, after the outline repeat.
  let rest = footer;
  const lastOutlineWord = outline.trim().split(/\s+/).slice(-4).join(' ');
  const cut = lastOutlineWord ? rest.lastIndexOf(lastOutlineWord) : -1;
  if (cut >= 0) rest = rest.slice(cut + lastOutlineWord.length);
  for (const m of rest.matchAll(FLAT_RELATED)) {
    const title = m[1]!.trim();
    if (wordCount(title) < 3) continue;
    page.addRelated({ title, ...(parseDateAt(m[3]!) ? { date: parseDateAt(m[3]!)!.iso } : {}) });
  }
}

/**
 * For each pattern of the residue inside a flattened text (in `cleanFlattened`'s order), words
 * every match of it holds: a text holding none of them is not searched with the pattern.
 */
const INNER_NEEDS: ReadonlyArray<readonly string[]> = [
  ['Go back to the '],
  ['Download ('],
  [' this Article', ' this Page'],
  ['min'],
  ['Figure ', 'Chart ', 'Graphic ', 'Map '],
  ['provided by', 'produced by', 'created by'],
];

/** A footnote marker glued to a sentence end ("in 2000.3 Most"): sticky, from its digits. */
const NOTE_MARKER_AT = /(?<=[\p{L}\p{N}%)"”’][.!?]["”’]?)(\d{1,3})(?=\s+["“]?\p{Lu}|\s*$)/uy;

/**
 * The matches of `/(?<=[\p{L}\p{N}%)"”’][.!?]["”’]?)(\d{1,3})(?=\s+["“]?\p{Lu}|\s*$)/gu` in order:
 * each starts at a digit right after `.`, `!`, `?` or a closing quote, so the pattern is tried only
 * at such digits, found with the mark before them (a figure-heavy text has thousands of digits,
 * few after a mark).
 */
function noteMarkers(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  MARK_DIGIT.lastIndex = 0;
  for (let d = MARK_DIGIT.exec(text); d !== null; d = MARK_DIGIT.exec(text)) {
    NOTE_MARKER_AT.lastIndex = d.index + 1;
    const m = NOTE_MARKER_AT.exec(text);
    if (m === null) continue;
    out.push(m);
    // A match ends before white space or at the end: no mark there to skip.
    MARK_DIGIT.lastIndex = NOTE_MARKER_AT.lastIndex;
  }
  return out;
}
/** A digit right after `.`, `!`, `?` or a quote (where `NOTE_MARKER_AT` may start): the pattern's index is the mark's. */
const MARK_DIGIT = /[.!?"”’]\d/g;

/** After a sentence end (`.`, `!`, `?`, `)`), white space before "N Text": sticky, from the space. */
const CUT_AT = /\s+(?=\d{1,3}\s+\p{Lu})/uy;
/** A sentence end, white space and a digit: where `CUT_AT` may match (from the space), found in one scan. */
const SENTENCE_END_SPACE = /[.!?)]\s+\d/g;

/**
 * `[...text.matchAll(/(?<=[.!?)])\s+(?=\d{1,3}\s+\p{Lu})/gu)]` as [start, end) pairs: a match is a
 * whole run of white space right after a sentence end (the lookbehind's character is not white
 * space), so the pattern is tried only where such a run starts, found by a two-character pattern.
 */
function itemCuts(text: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  SENTENCE_END_SPACE.lastIndex = 0;
  for (let m = SENTENCE_END_SPACE.exec(text); m !== null; m = SENTENCE_END_SPACE.exec(text)) {
    CUT_AT.lastIndex = m.index + 1;
    // On a failure the scan goes on past the digit: the white space before it holds no sentence end.
    if (!CUT_AT.test(text)) continue;
    out.push([m.index + 1, CUT_AT.lastIndex]);
    SENTENCE_END_SPACE.lastIndex = CUT_AT.lastIndex;
  }
  return out;
}

/** "N " after a sentence end and white space, before a capital: sticky, from the number. */
const ITEM_AT = /(?<=[.!?]["”’)]?\s+)1?\d{1,2}\s+(?=\p{Lu})/uy;
/** A digit after white space (where `ITEM_AT` may start): the pattern's index is the space's. */
const SPACE_DIGIT = /\s\d/g;

/**
 * The matches of `/(?<=[.!?]["”’)]?\s+)1?\d{1,2}\s+(?=\p{Lu})/gu` in order: each starts at a
 * digit right after white space, so the pattern is tried only at such digits, found with the space
 * before them (a figure-heavy text has thousands of digits, most inside numbers).
 */
function itemStarts(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  SPACE_DIGIT.lastIndex = 0;
  for (let d = SPACE_DIGIT.exec(text); d !== null; d = SPACE_DIGIT.exec(text)) {
    ITEM_AT.lastIndex = d.index + 1;
    const m = ITEM_AT.exec(text);
    if (m === null) continue;
    out.push(m);
    // A match ends before a capital: no space there to skip.
    SPACE_DIGIT.lastIndex = ITEM_AT.lastIndex;
  }
  return out;
}

/**
 * A run of numbered notes closing a flattened text: after a sentence end, "N Text" items with
 * rising numbers, at least two, each short, up to the end. Returns where the run starts.
 */
export function endnotesAt(body: string): { start: number; numbers: Set<number> } | null {
  const trimmed = body.trimEnd();
  // The separators between items, found once: splitting the rest of the text anew at every
  // candidate was quadratic. A separator is a whole run of white space after a sentence end, so
  // those past a candidate are exactly the ones splitting from the candidate on would find.
  const cuts = itemCuts(trimmed);
  // The number of the item after cut `c - 1` (from its end to cut `c`), or -1 when it is no
  // item: read once, when a candidate's run first reaches it (the candidates' runs share them).
  const itemNumbers = new Array<number | undefined>(cuts.length + 1);
  let next = 0;
  for (const m of itemStarts(trimmed)) {
    while (next < cuts.length && cuts[next]![0] <= m.index) next++;
    if (next === cuts.length) continue;
    // Items from the candidate on, checked in turn: the first bad one ends the run.
    const numbers: number[] = [];
    let ok = true;
    for (let c = next; c <= cuts.length && ok; c++) {
      let number = c === next ? undefined : itemNumbers[c];
      if (number === undefined) {
        number = itemNumber(trimmed.slice(c === next ? m.index : cuts[c - 1]![1], c < cuts.length ? cuts[c]![0] : trimmed.length));
        if (c !== next) itemNumbers[c] = number;
      }
      if (number < 0 || (numbers.length && number <= numbers[numbers.length - 1]!)) ok = false;
      else numbers.push(number);
    }
    if (ok && numbers[0]! <= 3) return { start: m.index, numbers: new Set(numbers) };
  }
  return null;
}

/** The number an endnote item starts with ("12 Source…"), or -1 when it starts with none or holds more than 40 words. */
function itemNumber(item: string): number {
  const n = /^(\d{1,3})\s/.exec(item);
  // Counted (to 41 words at most) without the memo, which would hash every item in full.
  return !n || moreWordsThan(item, 40) ? -1 : Number(n[1]);
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      continue;
    }
    out.push({ ...s });
  }
  return out;
}
