/**
 * Page furniture around an article that carries meta: "Also available in" translation links,
 * author boxes, and tag lists (TOPICS, REGIONS & COUNTRIES, "Tags: …", "Read More On a | b").
 */
import type { Page } from './page.js';
import { AUTHOR_BOX_MARKER, REGION_MARKER, RELATED_MARKER, TOPIC_MARKER, TRANSLATION_MARKER, kindLabel } from './labels.js';
import { languageFromName, languageFromPath } from './language.js';
import { isPersonName } from './names.js';
import { closingBioName, isRoleLine } from './bios.js';
import { clean, fold, inlineUrl, isProse, withoutBioMarker, wordCount } from './text.js';
import { isPlace, splitTagLine } from './gazetteer.js';
import { parseDateLine } from './dates.js';

/** The URL a unit points at: its link, a scraped "(/path)" in its text, or the scraper link list. */
export function unitUrl(page: Page, i: number, text = page.text(i)): string | undefined {
  const u = page.unit(i);
  const link = u.links.find((l) => l.url && l.url !== '#' && !l.url.startsWith('#'));
  if (link) return link.url;
  const inline = inlineUrl(u.text);
  if (inline) return inline;
  return page.linkMap.get(fold(text));
}

export function readTranslations(page: Page): void {
  for (let i = 0; i < page.length; i++) {
    const text = page.text(i);
    const inline = /^(?:also available in|available in|read (?:this|it) in)\s*:?\s*(.+)$/i.exec(text);
    if (!TRANSLATION_MARKER.test(text) && !(inline && page.unit(i).links.length > 0)) continue;
    // The marker counts only with language links after it (or on it).
    const first = page.next(i);
    const hasLanguageLink = (j: number): boolean =>
      j < page.length && page.unit(j).links.some((l) => languageFromName(clean(l.text).replace(/\s*[/|]\s*$/, '')) ?? languageFromPath(l.url));
    if (!hasLanguageLink(i) && !hasLanguageLink(first)) continue;
    page.drop(i, 'translations');
    const take = (j: number): boolean => {
      const u = page.unit(j);
      let found = false;
      for (const link of u.links) {
        const title = clean(link.text).replace(/\s*[/|]\s*$/, '');
        const language = languageFromName(title) ?? languageFromPath(link.url);
        if (!language) continue;
        found = true;
        if (!page.meta.translations.some((t) => t.language === language)) page.meta.translations.push({ language, title, url: link.url });
      }
      return found;
    };
    if (inline) take(i);
    let j = i + 1;
    while (j < page.length && j <= i + 12) {
      const t = page.text(j);
      if (/^[/|·•,\s]*$/.test(t) && page.unit(j).links.length === 0) {
        page.drop(j, 'translations');
      } else if (take(j)) {
        page.drop(j, 'translations');
      } else break;
      j++;
    }
  }
}

/** "ABOUT THE AUTHORS" + name (link) + role + bio, repeated; also the bare "Authors" list. */
export function readAuthorBoxes(page: Page, from: number): void {
  for (let i = from; i < page.length; i++) {
    if (!page.free(i) || !AUTHOR_BOX_MARKER.test(page.text(i))) continue;
    // "Authors" alone is a marker only where names follow.
    const first = page.next(i);
    if (first >= page.length || !isPersonName(page.text(first).replace(/,$/, ''))) continue;
    page.drop(i, 'author-box');
    let current: string | null = null;
    let j = first;
    for (; j < page.length; j = page.next(j)) {
      const t = page.text(j);
      if (!page.free(j)) break;
      if (isPersonName(t.replace(/,$/, ''))) {
        current = t.replace(/,$/, '');
        const url = unitUrl(page, j, current);
        page.addAuthor({ name: current, ...(url ? { url } : {}) });
      } else if (current && isRoleLine(t)) {
        page.addAuthor({ name: current, bio: t });
      } else if (current && (closingBioName(t) || (/^(?:he|she|they)\s/i.test(t) && isProse(t)))) {
        const author = page.meta.authors.find((a) => a.name === current);
        // A full bio sentence beats the short role line.
        if (author && (!author.bio || wordCount(author.bio) < 12)) author.bio = t;
      } else break;
      page.drop(j, 'author-box');
    }
    i = j - 1;
  }
}

const urlKind = (url: string | undefined): 'topics' | 'regions' | null => {
  if (!url) return null;
  if (/\/(?:regions?|countr(?:y|ies)|locations?|geograph(?:y|ies)|places?)\//i.test(url)) return 'regions';
  if (/\/(?:topics?|tags?|issues?|subjects?|categor(?:y|ies)|themes?|keywords?)\//i.test(url)) return 'topics';
  return null;
};

/** Sorts a tag without a label: its link says /regions/ or /topics/, else a gazetteer decides. */
export function addUnlabelledTag(page: Page, tag: string, url?: string): void {
  page.addTag(urlKind(url) ?? (isPlace(tag) ? 'regions' : 'topics'), tag);
}

const isTagText = (t: string): boolean => t.length > 0 && t.length <= 60 && wordCount(t) <= 6 && !/[.!?:]$/.test(t) && !/^\d/.test(t);

/** An inline tag line's label and tags: "Topics: a, b", "Regions a | b", "Read more on: a, b". */
export const INLINE_TAGS = /^(?:(topics?|tags?|filed under|categories|issues|subjects)|(regions?|countries)|read more on)\s*:?\s+(.+)$/i;

/** TOPICS / REGIONS & COUNTRIES markers followed by one tag per unit; inline "Tags: a, b" lines. */
export function readTagLists(page: Page, from: number): void {
  for (let i = from; i < page.length; i++) {
    if (!page.free(i)) continue;
    const text = page.text(i);
    const inline = INLINE_TAGS.exec(text);
    if (inline && /[,|;]/.test(inline[3]!) && wordCount(text) <= 40) {
      const kind = inline[1] ? 'topics' : inline[2] ? 'regions' : null;
      for (const tag of inline[3]!.split(/\s*[,|;]\s*/)) {
        if (!isTagText(tag)) continue;
        if (kind) page.addTag(kind, tag);
        else addUnlabelledTag(page, tag, page.linkMap.get(fold(tag)));
      }
      page.drop(i, 'tag-list');
      continue;
    }
    const kind = TOPIC_MARKER.test(text) ? 'topics' : REGION_MARKER.test(text) ? 'regions' : null;
    if (!kind) continue;
    // "## Issues" inside the article is a section of it, not a tag list.
    if (page.unit(i).kind === 'heading' && i < page.articleEnd) continue;
    const first = page.next(i);
    if (first >= page.length || !isTagText(page.text(first)) || kindLabel(page.text(first))) continue;
    page.drop(i, 'tag-list');
    let j = first;
    for (; j < page.length; j = page.next(j)) {
      const t = page.text(j);
      if (!page.free(j) || !isTagText(t) || TOPIC_MARKER.test(t) || REGION_MARKER.test(t) || RELATED_MARKER.test(t) || AUTHOR_BOX_MARKER.test(t)) break;
      page.addTag(kind, t);
      page.drop(j, 'tag-list');
    }
    i = j - 1;
  }
}

/**
 * A tag line with spaces only ("Conflict Europe & Eurasia Human Rights"): every token
 * capitalised or "&", no small words, and long enough or naming a place not to be a headline.
 */
const FUNCTION_WORDS = new Set(
  "the a an after before can could his her its their our own is isn't are aren't was were be been of to in on for with by from at why how what who when will would not never no has have had it this that these those as into than".split(' '),
);

export function isTagLine(text: string): boolean {
  // Punctuation refuses most texts before they are split.
  if (text.length > 240 || /[.,;:!?"“”()]/.test(text)) return false;
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 3) return false;
  if (!tokens.every((t) => t === '&' || /^\p{Lu}[\p{L}'’-]*$/u.test(t))) return false;
  if (tokens.every((t) => t === '&' || t === t.toUpperCase())) return false;
  // Headlines in title case have function words; tag lines do not.
  if (tokens.some((t) => FUNCTION_WORDS.has(t.toLowerCase().replace(/[’']/g, "'")))) return false;
  return tokens.length >= 6 || (tokens.includes('&') && tokens.length >= 4) || splitTagLine(text).some(isPlace);
}

export function readTagLines(page: Page, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (!page.free(i) || page.unit(i).kind === 'heading' || !isTagLine(page.text(i))) continue;
    for (const tag of splitTagLine(page.text(i))) addUnlabelledTag(page, tag);
    page.drop(i, 'tag-list');
  }
}

/** Closing bio lines ("X is a fellow at …"; "❖"): the author gets the bio, the line leaves the body. */
export function readClosingBio(page: Page, i: number): boolean {
  const text = page.text(i);
  const name = closingBioName(text);
  if (!name || !page.free(i)) return false;
  const bio = withoutBioMarker(text);
  const names = name.split(/\s+and\s+/);
  for (const n of names) {
    if (page.meta.authors.length === 0 || page.meta.authors.some((a) => a.name.toLowerCase() === n.toLowerCase())) {
      page.addAuthor({ name: n, bio });
    }
  }
  page.drop(i, 'author-bio');
  return true;
}

const HAS_DIGIT = /\d/;

/** A date on its own line ("Nov 7, 2019", "Published on Feb 27, 2026", "Updated June 8, 2023 11:40 a.m."). */
export function dateLine(text: string): { iso: string; updated: boolean } | null {
  // Every date pattern reads digits (a year at least): a text without one holds no date.
  if (text.length > 120 || !HAS_DIGIT.test(text)) return null;
  const m = /^(?:(published|posted|updated|last updated|modified|date)(?: on)?\s*:?\s*)?(.*)$/i.exec(text.trim());
  if (!m) return null;
  const iso = parseDateLine(m[2]!);
  return iso ? { iso, updated: /updated|modified/i.test(m[1] ?? '') } : null;
}
