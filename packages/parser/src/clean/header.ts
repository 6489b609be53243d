/**
 * The head of an article: title line, byline, date lines, genre label and standfirst. These go to
 * `meta` and leave the body; other short chrome before the first paragraph of running text
 * (site name, series name, tag word) is dropped as `page-header`.
 */
import type { Page } from './page.js';
import { kindLabel, TRANSLATION_MARKER } from './labels.js';
import { dateLine, unitUrl } from './furniture.js';
import { isPersonName, splitNames } from './names.js';
import { isRoleLine } from './bios.js';
import { endsSentence, fold, foldHead, isHeadline, isProse, isSentences, titleCaseRatio, wordCount } from './text.js';
import { matchLineRule } from './line-rules.js';
import { spellsDomain, splitTitleSuffix } from './publisher.js';

/**
 * Whether a text holds at least `n` ASCII letters and digits. Each of them stays a letter or digit
 * in `fold(text)`, so this bounds the folded length from below without folding.
 */
function asciiAlnumAtLeast(text: string, n: number): boolean {
  if (text.length < n) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      count++;
      if (count >= n) return true;
    }
  }
  return false;
}

/** Finds the title (unless front matter gave one) and drops the lines that repeat it. */
export function readTitle(page: Page): void {
  const firstFree = (): number[] => {
    const out: number[] = [];
    // The head of the page: up to the first paragraph of running text.
    for (let i = 0; i < page.length && out.length < 8; i++) {
      if (!page.free(i) || !page.text(i)) continue;
      if (isProse(page.text(i))) break;
      out.push(i);
    }
    return out;
  };
  // "Title | Publisher" as a browser tab prints it, at the top of scraped content.
  for (const i of firstFree()) {
    const text = page.text(i);
    if (!/\s[|–—-]\s/.test(text) || isProse(text)) continue;
    const split = splitTitleSuffix(text, page.domain);
    if (!split.publisher) continue;
    if (page.meta.title && fold(split.title) !== fold(page.meta.title)) continue;
    page.meta.title ||= split.title;
    page.publisherHints.push({ name: split.publisher, weight: page.domain && spellsDomain(split.publisher, page.domain) ? 9 : 7 });
    page.drop(i, 'title');
    break;
  }
  if (!page.meta.title && page.outline.length) {
    page.meta.title = (page.outline.find((o) => o.depth === 1) ?? page.outline[0]!).text;
  }
  if (!page.meta.title) {
    const h1 = page.units.findIndex((u, i) => u.kind === 'heading' && u.depth === 1 && page.free(i));
    if (h1 >= 0 && h1 < Math.max(10, page.length / 3)) page.meta.title = page.text(h1);
  }
  if (!page.meta.title) {
    for (const i of firstFree()) {
      const text = page.text(i);
      if (isProse(text) || !isHeadline(text) || wordCount(text) < 4 || page.unit(i).links.length) continue;
      if (isHeadFurniture(text)) continue;
      page.meta.title = text;
      break;
    }
  }
  page.meta.title ||= leadingHeadline(page) ?? '';
  if (!page.meta.title) return;
  const want = fold(page.meta.title);
  const wantFirst = want.charCodeAt(0);
  for (let i = 0; i < page.articleEnd; i++) {
    // A text that starts with an ASCII letter or digit folds to a text starting with it (lower-cased):
    // one starting with another than the title's first folded character is not the title.
    const c = page.text(i).charCodeAt(0);
    const head = (c | 32) >= 97 && (c | 32) <= 122 ? c | 32 : c >= 48 && c <= 57 ? c : -1;
    if (head >= 0 && head !== wantFirst && want !== '') continue;
    // A text with 50 ASCII letters and digits more than the title folds too long to match. Both
    // tests below need the folded text to start with the title: its head is read first.
    if (!page.free(i) || asciiAlnumAtLeast(page.text(i), want.length + 50) || foldHead(page.text(i), want.length) !== want) continue;
    const t = fold(page.text(i));
    if (t === want || (t.startsWith(want) && t.length - want.length < 50 && /\s[|–—-]\s/.test(page.text(i)))) page.drop(i, 'title');
  }
}

/** Head lines that are never the title: chrome a line rule takes, a genre label, a byline, a date line. */
const isHeadFurniture = (text: string): boolean => matchLineRule(text) !== null || kindLabel(text) !== null || /^by\s/i.test(text) || dateLine(text) !== null;

/**
 * A headline in sentence case on the page's first line ("Power drought tips Ukraine's economy
 * into worst crisis"): news sites and plain-text clippings print titles so, and `isHeadline` wants
 * most words capitalised. Taken only where a title stands: the first line with text (all before
 * it empty, already residue, or menu words), of 4–24 words, starting with a capital or a digit, without a
 * closing full stop, comma, colon or semicolon, links, a line rule, a genre label, a date or a
 * byline, and followed by sentences or by a byline or date line. Shorter lines stay what the
 * header rules make of them: two or three words are as often a site or series name.
 */
function leadingHeadline(page: Page): string | null {
  let i = 0;
  // Menu words before it (one to three words a line, no sentence) are page chrome the header
  // rules drop later.
  for (let menu = 0; i < page.length; i++) {
    if (!page.free(i) || !page.text(i)) continue;
    if (menu >= 12 || page.unit(i).kind !== 'line' || wordCount(page.text(i)) > 3 || endsSentence(page.text(i))) break;
    menu++;
  }
  if (i >= page.length || page.unit(i).kind !== 'line' || page.unit(i).links.length > 0) return null;
  const text = page.text(i);
  const words = wordCount(text);
  if (words < 4 || words > 24 || /[.,:;]$/.test(text) || !/^[\p{Lu}\d]/u.test(text) || isProse(text)) return null;
  if (isHeadFurniture(text)) return null;
  const next = page.next(i);
  if (next >= page.length || !(isHeaderSignal(page, next) || (page.free(next) && isSentences(page.text(next))))) return null;
  return text;
}

/** Names from "By A, B and C" / stacked "By\nA\nB" bylines, with role lines after a name. */
function readByline(page: Page, i: number): number | null {
  const text = page.text(i);
  const m = /^(?:by|written by|words by|author|authors):?\s*(.*)$/i.exec(text);
  if (!m || wordCount(text) > 30) return null;
  let rest = m[1]!.trim();
  page.drop(i, 'byline');
  // "By Name · January 21, 2025": the date part is a date line.
  const parts = rest.split(/\s+[·•|]\s+/);
  if (parts.length > 1) {
    const date = dateLine(parts[parts.length - 1]!);
    if (date) {
      if (date.updated) page.meta.updated ??= date.iso;
      else page.meta.published ??= date.iso;
      rest = parts.slice(0, -1).join(' ');
    }
  }
  if (rest) {
    const names = splitNames(rest);
    if (names) {
      for (const name of names) {
        const url = unitUrl(page, i, name);
        const link = page.unit(i).links.find((l) => fold(l.text).startsWith(fold(name)));
        page.addAuthor({ name, ...(link && link.url !== '#' ? { url: link.url } : url ? { url } : {}) });
      }
    } else {
      // "By Name, an editorial fellow at Publisher."
      const role = /^([^,]+),\s*(.+)$/.exec(rest);
      if (role && isPersonName(role[1]!)) {
        const link = page.unit(i).links.find((l) => fold(l.text).startsWith(fold(role[1]!)));
        page.addAuthor({ name: role[1]!, bio: role[2]!.replace(/\.$/, ''), ...(link && link.url !== '#' ? { url: link.url } : {}) });
        orgHint(page, role[2]!);
        // "By Name, Organisation": the organisation may be the publisher.
        if (!/^(?:an?|the)\s/i.test(role[2]!) && titleCaseRatio(role[2]!) >= 0.99) page.publisherHints.push({ name: role[2]!.replace(/\.$/, ''), weight: 3 });
      }
    }
    return i;
  }
  // Stacked: "By" alone, then one name per line, each optionally followed by a role line.
  let j = page.next(i);
  let last = i;
  let current: string | null = null;
  while (j < page.length && page.free(j)) {
    const t = page.text(j).replace(/,$/, '');
    if (isPersonName(t)) {
      current = t;
      const url = unitUrl(page, j, t);
      page.addAuthor({ name: t, ...(url ? { url } : {}) });
    } else if (current && isRoleLine(t)) {
      page.addAuthor({ name: current, bio: t });
      current = null;
    } else break;
    page.drop(j, 'byline');
    last = j;
    j = page.next(j);
  }
  return last;
}

/** "… fellow at The Washington Institute" → a publisher hint. */
export function orgHint(page: Page, text: string): void {
  const all = [...text.matchAll(/\bat\s+((?:[Tt]he\s+)?\p{Lu}[\p{L}'’&.-]*(?:\s+(?:(?:of|on|for|and|&)\s+)?\p{Lu}[\p{L}'’&.-]*){0,6})/gu)];
  const m = all[all.length - 1];
  if (m) page.publisherHints.push({ name: m[1]!.replace(/^the\s/, 'The ').replace(/[’']s$/, '').replace(/\.$/, ''), weight: 3 });
}

const isHeaderSignal = (page: Page, j: number): boolean => {
  const t = page.text(j);
  const rule = page.decisions[j]?.rule;
  if (rule && /^(?:byline|date-line|share-bar|read-time|kind-label|translations)$/.test(rule)) return true;
  return (
    /^by\b/i.test(t) && wordCount(t) <= 30 ? true :
    dateLine(t) !== null || /^(?:published|posted|updated|last updated)(?: on)?:?$/i.test(t) || matchLineRule(t) === 'share-bar' || matchLineRule(t) === 'read-time' || TRANSLATION_MARKER.test(t)
  );
};

/** Is a header signal (byline, date, share bar) within the next few units? */
function signalAhead(page: Page, i: number): boolean {
  let j = page.next(i);
  for (let n = 0; n < 4 && j < page.length; n++, j = page.next(j)) {
    if (isHeaderSignal(page, j)) return true;
    if (page.free(j) && isProse(page.text(j))) return false;
  }
  return false;
}

/** What separates the parts of a header line: a middle dot, bullet, bar or dash between spaces. */
const HEADER_SEPARATOR = /\s+[·•|—–]\s+/;

/**
 * A header line of a genre label, a date and a reading time run together ("Commentary · 4
 * February 2026", "Analysis | March 3, 2026 | 6 min read"): every part one of them, one part a
 * date. The label goes to `kind`, the date to `published`, and the line is a date line.
 */
function readHeaderCluster(page: Page, i: number): boolean {
  const text = page.text(i);
  if (text.length > 120) return false;
  const parts = text.split(HEADER_SEPARATOR);
  if (parts.length < 2) return false;
  let kind: string | null = null;
  let date: ReturnType<typeof dateLine> = null;
  for (const part of parts) {
    const label: string | null = kind === null ? kindLabel(part) : null;
    if (label) {
      kind = label;
      continue;
    }
    const partDate: ReturnType<typeof dateLine> = date === null ? dateLine(part) : null;
    if (partDate) date = partDate;
    else if (matchLineRule(part) !== 'read-time') return false;
  }
  if (!date) return false;
  if (kind) page.meta.kind ||= kind;
  if (date.updated) page.meta.updated ??= date.iso;
  else page.meta.published ??= date.iso;
  page.drop(i, 'date-line');
  return true;
}

/** Walks the head of the page up to the first paragraph of running text. */
export function readHeader(page: Page, description: string): void {
  let updatedNext = false;
  let previousKind = false;
  let bodyStart = page.articleEnd;
  for (let i = 0; i < page.articleEnd; i++) {
    if (!page.free(i)) continue;
    const text = page.text(i);
    if (!text) continue;
    const wasKind = previousKind;
    previousKind = false;
    if (/^(?:by\b|written by\b|words by\b|authors?:)/i.test(text) && wordCount(text) <= 30 && !isProse(text.replace(/^by\s*/i, 'x '))) {
      const last = readByline(page, i);
      if (last !== null) {
        i = last;
        continue;
      }
    }
    if (/^(?:published|posted|updated|last updated)(?: on)?:?$/i.test(text)) {
      updatedNext = /updated/i.test(text);
      page.drop(i, 'date-line');
      continue;
    }
    if (readHeaderCluster(page, i)) continue;
    const date = dateLine(text);
    if (date) {
      if (date.updated || updatedNext) page.meta.updated ??= date.iso;
      else page.meta.published ??= date.iso;
      updatedNext = false;
      page.drop(i, 'date-line');
      continue;
    }
    const kind = kindLabel(text);
    if (kind) {
      page.meta.kind ||= kind;
      page.drop(i, 'kind-label');
      previousKind = true;
      continue;
    }
    // The head ends at the first line of running text, however short the document is.
    if (!isSentences(text) || page.unit(i).kind === 'heading') continue;
    if (description && fold(text) === fold(description)) {
      page.drop(i, 'standfirst');
      continue;
    }
    if (wasKind || signalAhead(page, i)) {
      if (!page.meta.summary && wordCount(text) <= 80) {
        page.meta.summary = text;
        page.drop(i, 'standfirst');
      } else page.drop(i, 'page-header');
      continue;
    }
    bodyStart = i;
    break;
  }
  // Running text split into lines at its links ("On this week's episode of / Carnegie Connects /
  // , Aaron … spoke"): walk back over the fragments that lead into the first paragraph.
  while (bodyStart > 0 && bodyStart < page.length) {
    const prev = bodyStart - 1;
    if (!page.free(prev) || page.unit(prev).kind === 'heading') break;
    const cur = page.text(bodyStart);
    const before = page.text(prev);
    const joins = /^[\p{Ll},;:.)\]’”]/u.test(cur) || /\b(?:of|the|a|an|to|in|on|at|by|for|with|from|and|or|as|than|that|is|are|was|were|has|have)$/i.test(before);
    if (!joins || endsSentence(before)) break;
    bodyStart = prev;
  }
  page.bodyStart = Math.min(bodyStart, page.articleEnd);
  for (let i = 0; i < page.bodyStart; i++) {
    // Only loose short lines: a list or a quote before the first paragraph is content.
    if (!page.free(i) || page.unit(i).kind !== 'line') continue;
    if (wordCount(page.text(i)) <= 5 || !page.text(i)) page.drop(i, 'page-header');
  }
}
