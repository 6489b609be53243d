/**
 * Related items: RECOMMENDED / "More from …" lists, promo cards set into the article
 * ("Commentary · Title · dek · authors"), "**Title** by Author" bullets and trailing headline
 * lists. Each becomes a `meta.related` entry (title, url, date, authors); the units are residue.
 */
import type { RelatedItem } from '@briefs/ast';
import type { Page } from './page.js';
import { AUTHOR_BOX_MARKER, REGION_MARKER, RELATED_MARKER, TOPIC_MARKER, cardLabel, kindLabel } from './labels.js';
import { INLINE_TAGS, dateLine, unitUrl } from './furniture.js';
import { isPersonName, splitNames } from './names.js';
import { endsSentence, fold, isHeadline, isJsSpace, isProse, titleCaseRatio, wordCount } from './text.js';
import { matchLineRule } from './line-rules.js';

const CONTACT = /^(?:phone|tel|fax|e-?mail)\b|^\d+\s+\p{Lu}.*\b(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Square|Sq|Place|Floor|Suite|Lane)\b|\b\d{5}(?:-\d{4})?$/u;
const SEPARATOR = /^[\s◆❖•·|/,-]*$/;

/**
 * `CONTACT.test(t)`, scanned only when a branch may match: the first starts with a lower-case p,
 * t, f or e, the second with a digit, the third ends the text with one (the pattern is tried at
 * every offset of a long dek otherwise).
 */
function isContact(t: string): boolean {
  const c = t.charCodeAt(0);
  const z = t.charCodeAt(t.length - 1);
  return (c === 112 || c === 116 || c === 102 || c === 101 || (c >= 48 && c <= 57) || (z >= 48 && z <= 57)) && CONTACT.test(t);
}

/** How many words of a title its URL slug repeats. */
function slugOverlap(url: string, title: string): number {
  const slug = new Set(url.toLowerCase().split(/[^a-z0-9]+/));
  return new Set(title.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2 && slug.has(w))).size;
}

/**
 * Strips bullets, the "◆" author marker, and glued section labels ("Worldcategory…"). Each
 * pattern matches at the start only: a text that starts with none of the marks and no white
 * space, and holds no "category", comes back trimmed (most do: the patterns are not run).
 */
const cardText = (t: string): string => {
  const c = t.charCodeAt(0);
  if (c !== 0x25c6 && c !== 0x2022 && c !== 0xb7 && !isJsSpace(c) && !t.includes('category')) return t.trim();
  return t.replace(/^[◆•·]\s*/, '').replace(/^(?:\p{Lu}\p{Ll}*)?category(?=\p{Lu}|\s|$|\s*·)/u, '').replace(/^[\s·•]+/, '').trim();
};

/**
 * Reads cards from `from` while units look like card parts; returns the index after the last
 * unit taken. Stops at prose that is not a dek, and at markers of other furniture.
 */
export function readCards(page: Page, from: number, limit: number, rule: string, opts: { requireLabel?: boolean } = {}): number {
  let item: RelatedItem | null = null;
  let labelled = false;
  let deks = 0;
  let pendingUrl: string | undefined;
  const flush = (): void => {
    if (item?.title) page.addRelated(item);
    item = null;
    deks = 0;
  };
  /** Links with no text leave no unit: look for `[](url)` in the source between two units. */
  const gapUrl = (k: number): string | undefined => {
    const end = page.unit(k).end;
    const next = k + 1 < page.length ? page.unit(k + 1).start : page.context.source.length;
    const m = /\[\s*\]\(([^)\s]+)\)/.exec(page.context.source.slice(end, next));
    return m?.[1];
  };
  const takeGap = (k: number): void => {
    const url = gapUrl(k);
    if (!url) return;
    const before = item && !(item as RelatedItem).url ? slugOverlap(url, (item as RelatedItem).title) : -1;
    const after = k + 1 < limit ? slugOverlap(url, cardText(page.text(k + 1))) : -1;
    if (after > before && after >= 2) pendingUrl = url;
    else if (before >= 2) (item as unknown as RelatedItem).url = url;
  };
  if (from > 0) takeGap(from - 1);
  let j = from;
  for (; j < limit; j++) {
    if (j > from) takeGap(j - 1);
    if (!page.free(j) && page.decisions[j]?.rule !== 'separator') break;
    // A separator inside a card ("◆" before the author) belongs to the card.
    if (page.decisions[j]?.rule === 'separator') page.decisions[j] = undefined;
    const raw = page.text(j);
    const t = cardText(raw);
    if (TOPIC_MARKER.test(t) || REGION_MARKER.test(t) || AUTHOR_BOX_MARKER.test(t)) break;
    // "Topics: Energy, European Union" after a related list is the page's tags, not a card.
    if (/[,|;]/.test(t) && INLINE_TAGS.test(t)) break;
    if (page.unit(j).kind === 'heading' && !item && !isHeadline(t)) break;
    // A speaker label ("Name:") or a contact line ends the cards.
    if (t.endsWith(':') || isContact(t)) break;
    if (t === '' || SEPARATOR.test(t)) {
      // Empty-text link lines carry the URL of the headline before or after them: the slug decides.
      const url = unitUrl(page, j, t);
      if (url) {
        const next = page.next(j);
        const before = item && !(item as RelatedItem).url ? slugOverlap(url, (item as RelatedItem).title) : -1;
        const after = next < limit ? slugOverlap(url, cardText(page.text(next))) : -1;
        if (after > before && after >= 2) pendingUrl = url;
        else if (before >= 0) (item as unknown as RelatedItem).url = url;
      }
      page.drop(j, rule);
      continue;
    }
    if (cardLabel(t) || (j > from && RELATED_MARKER.test(t))) {
      if (item && (item as RelatedItem).title) flush();
      labelled = true;
      page.drop(j, rule);
      continue;
    }
    if (opts.requireLabel && !labelled) break;
    const date = dateLine(t.replace(/^\S*category\s*·?\s*/i, ''));
    if (date) {
      if (item) (item as RelatedItem).date ??= date.iso;
      page.drop(j, rule);
      continue;
    }
    const inlineUrlOnly = /^\(\s*(?:https?:\/\/|\/)[^\s]*\)$/.test(page.unit(j).text.trim());
    if (inlineUrlOnly || (t === '' && page.unit(j).links.length)) {
      const url = unitUrl(page, j);
      if (item && url) (item as RelatedItem).url ??= url;
      page.drop(j, rule);
      continue;
    }
    const by = /^by\s+(.+)$/i.exec(t);
    const names = splitNames(by ? by[1]! : t);
    if (names && item) {
      const it = item as RelatedItem;
      it.authors = [...(it.authors ?? []), ...names];
      page.drop(j, rule);
      continue;
    }
    if (isPersonName(t.replace(/,$/, '')) && item) {
      const it = item as RelatedItem;
      it.authors = [...(it.authors ?? []), t.replace(/,$/, '')];
      page.drop(j, rule);
      continue;
    }
    // A list item that is one link, all of it, is a card's headline however it is cased ("Mali's new transit rules").
    const links = page.unit(j).links;
    const wholeLink = page.unit(j).kind === 'listItem' && links.length === 1 && links[0]!.url !== '#' && fold(links[0]!.text) === fold(t) && wordCount(t) >= 2;
    const headline = (wholeLink || isHeadline(t) || (wordCount(t) >= 5 && wordCount(t) <= 30 && !endsSentence(t))) && !matchLineRule(t);
    if (headline && (!item || (item as RelatedItem).title)) {
      flush();
      item = { title: t };
      const url = unitUrl(page, j, t) ?? pendingUrl;
      pendingUrl = undefined;
      if (url) item.url = url;
      page.drop(j, rule);
      continue;
    }
    // A one-sentence dek under the headline.
    if (item && deks === 0 && wordCount(t) <= 45 && endsSentence(t) && titleCaseRatio(t) < 0.6) {
      deks++;
      page.drop(j, rule);
      continue;
    }
    // A series name under a label ("Emissary").
    if (labelled && !item && wordCount(t) <= 4 && !endsSentence(t)) {
      page.drop(j, rule);
      continue;
    }
    break;
  }
  flush();
  return j;
}

/** RECOMMENDED, "Related", "More Work from …": a marker, then cards until other furniture. */
export function readRelatedLists(page: Page, from: number): void {
  for (let i = from; i < page.length; i++) {
    if (!page.free(i) || !RELATED_MARKER.test(page.text(i)) || wordCount(page.text(i)) > 8) continue;
    // A markdown heading inside the article opens a list only when links or cards follow it.
    if (page.unit(i).kind === 'heading' && i < page.articleEnd) {
      const n = page.next(i);
      if (n >= page.length || !(page.unit(n).links.length > 0 || cardLabel(page.text(n)))) continue;
    }
    page.drop(i, 'related-list');
    i = Math.max(i, readCards(page, i + 1, page.length, 'related-list') - 1);
  }
}

/** "Related: Headline" / "Read more: Headline" lines set into the article. */
export function readInlineRelated(page: Page, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (!page.free(i)) continue;
    const m = /^(?:related|read more|see also|also read|read also|more|recommended|must read)\s*:\s+(.{8,200})$/i.exec(page.text(i));
    if (!m || wordCount(m[1]!) > 30 || /[.!]$/.test(m[1]!) && !isHeadline(m[1]!)) continue;
    const url = unitUrl(page, i, m[1]!);
    page.addRelated({ title: m[1]!, ...(url ? { url } : {}) });
    page.drop(i, 'related-list');
  }
}

/** Cards closed by "Learn More" / "Read more": walk back to the label that opened them. */
export function readLearnMoreCards(page: Page): void {
  for (let i = 0; i < page.length; i++) {
    if (!/^(?:learn more|read more|more)\s*[›»→>]*$/i.test(page.text(i))) continue;
    let k = i - 1;
    while (k >= 0 && k >= i - 4 && page.free(k) && !cardLabel(page.text(k))) k--;
    if (k >= 0 && k >= i - 4 && page.free(k) && cardLabel(page.text(k))) {
      for (let j = k; j <= i; j++) page.drop(j, 'promo-card');
    } else page.drop(i, 'learn-more');
  }
}

/** A promo card set into the article: a label alone, a headline, a dek (and authors). */
export function readInlineCards(page: Page, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (!page.free(i) || !cardLabel(page.text(i)) || page.unit(i).kind === 'heading') continue;
    // The label must be followed, within two units, by a headline: else it is a word in the text.
    let h = page.next(i);
    if (h < to && wordCount(page.text(h)) <= 4 && !isHeadline(page.text(h))) h = page.next(h);
    if (h >= to || !isHeadline(page.text(h)) || isProse(page.text(h))) continue;
    i = Math.max(i, readCards(page, i, to, 'promo-card', { requireLabel: true }) - 1);
  }
}

/** Bullets of "**Title** _by Author_" in the body: a reading list. */
export function readByBullets(page: Page, from: number, to: number): void {
  const parse = (i: number): RelatedItem | null => {
    if (page.unit(i).kind !== 'listItem') return null;
    const m = /^(.{10,160}?)\s+by\s+(.+)$/.exec(page.text(i));
    if (!m || !isHeadline(m[1]!)) return null;
    const names = splitNames(m[2]!);
    if (!names) return null;
    const url = unitUrl(page, i, m[1]!);
    return { title: m[1]!, authors: names, ...(url ? { url } : {}) };
  };
  for (let i = from; i < to; i++) {
    if (!page.free(i)) continue;
    const run: Array<[number, RelatedItem]> = [];
    for (let j = i; j < to && page.free(j); j++) {
      const item = parse(j);
      if (!item) break;
      run.push([j, item]);
    }
    if (run.length >= 2) {
      for (const [j, item] of run) {
        page.addRelated(item);
        page.drop(j, 'related-list');
      }
      i = run[run.length - 1]![0];
    }
  }
}

/** After the article: runs of headline lines (with link lines, dates, bylines) are related items. */
export function readTrailingHeadlines(page: Page, from: number): void {
  for (let i = from; i < page.length; i++) {
    if (!page.free(i)) continue;
    const t = cardText(page.text(i));
    const n = wordCount(t);
    if (n < 4 || n > 35 || (endsSentence(t) && !/[?!]$/.test(t) && titleCaseRatio(t) < 0.6) || kindLabel(t)) continue;
    i = Math.max(i, readCards(page, i, page.length, 'related-list') - 1);
  }
}

/** Drops related items that are the article itself (a page lists its own headline). */
export function dropSelfFromRelated(page: Page): void {
  // Bare short lines without link, date or authors are more likely a site name than a headline.
  page.meta.related = page.meta.related.filter(
    (r) => (r.url || r.date || r.authors?.length || wordCount(r.title) >= 5) && fold(r.title) !== fold(page.meta.publisher),
  );
  const own = page.meta.title.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').split(/\s+/);
  if (own.length < 3) return;
  // Words are looked up among a title's tokens: an own word is never empty unless the title
  // starts or ends with white space once stripped, and a word other than '' is a token of
  // `split(/\s+/)` when it is one of `split(' ')` (stripping leaves no other white space).
  const anyEmpty = own.includes('');
  page.meta.related = page.meta.related.filter((r) => {
    const lower = r.title.toLowerCase();
    // Without a wider character, the letters and digits are a–z and 0–9.
    const stripped = WIDER.test(lower) ? lower.replace(/[^\p{L}\p{N} ]/gu, '') : lower.replace(/[^a-z0-9 ]/g, '');
    const ws = anyEmpty ? stripped.split(/\s+/) : stripped.split(' ');
    let shared = 0;
    for (const w of own) if (ws.includes(w)) shared++;
    return shared / own.length < 0.7;
  });
}

const WIDER = /[^\x00-\x7f]/;

export { isPersonName };
