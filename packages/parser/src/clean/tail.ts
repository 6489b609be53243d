/**
 * Where the article ends. The first end marker in the second half of the page (a closing author
 * bio, "❖", an author box, RECOMMENDED / TOPICS, "Reporting by", a disclaimer, a licence or
 * copyright line) closes it; what follows is page furniture: its meta is read, the rest dropped.
 */
import type { Page } from './page.js';
import { AUTHOR_BOX_MARKER, REGION_MARKER, RELATED_MARKER, TOPIC_MARKER } from './labels.js';
import { closingBioName } from './bios.js';
import { matchLineRule } from './line-rules.js';
import { addUnlabelledTag, readClosingBio } from './furniture.js';
import { fold, isProse, wordCount } from './text.js';
import { isPlace } from './gazetteer.js';
import { splitNames } from './names.js';

const END_RULES = new Set(['disclaimer', 'license', 'copyright', 'credit-line', 'standards', 'comments']);

function isEndMarker(page: Page, i: number): boolean {
  const t = page.text(i);
  if (!t) return false;
  if (t.includes('❖') && (/[❖]\s*$/.test(t) || /^❖$/.test(t))) return true;
  if (closingBioName(t)) return true;
  if (wordCount(t) <= 8 && (RELATED_MARKER.test(t) || TOPIC_MARKER.test(t) || REGION_MARKER.test(t) || AUTHOR_BOX_MARKER.test(t))) {
    return page.unit(i + 1) !== undefined;
  }
  const rule = page.decisions[i]?.rule ?? matchLineRule(t);
  return rule !== null && rule !== undefined && END_RULES.has(rule);
}

export function findArticleEnd(page: Page): void {
  let total = 0;
  const cumulative: number[] = [];
  for (let i = 0; i < page.length; i++) {
    total += page.text(i).length;
    cumulative.push(total);
  }
  for (let i = 0; i < page.length; i++) {
    if (cumulative[i]! < total * 0.5) continue;
    const d = page.decisions[i];
    if (d && d.role !== 'residue') continue;
    if (d && /^(?:scraper-links|scraper-header)$/.test(d.rule ?? '')) {
      page.articleEnd = i;
      return;
    }
    if (isEndMarker(page, i)) {
      // A "Name is a fellow at …" paragraph in the middle of an article is not its end: a
      // closing bio ends the article only late in the page or with little prose after it.
      if (closingBioName(page.text(i)) && cumulative[i]! < total * 0.7 && proseAfter(page, i) >= 3) continue;
      page.articleEnd = i;
      return;
    }
  }
}

function proseAfter(page: Page, i: number): number {
  let n = 0;
  for (let j = i + 1; j < page.length && n < 3; j++) if (page.free(j) && isProse(page.text(j)) && !closingBioName(page.text(j))) n++;
  return n;
}

/** After the article: bios, unlabelled tag runs, then everything else is footer. */
/** "Reporting by A, B; writing by A; Editing by C" → the reporters and writers are the authors. */
function readCreditAuthors(page: Page, i: number): void {
  if (page.meta.authors.length) return;
  for (const part of page.text(i).replace(/^\(|\)$/g, '').split(/\s*;\s*/)) {
    const m = /^(?:additional\s+)?(?:reporting|writing|written|reported|by)\b(?:\s+by)?\s+(.+)$/i.exec(part);
    if (!m) continue;
    for (const name of splitNames(m[1]!) ?? []) page.addAuthor({ name });
  }
}

export function readTail(page: Page): void {
  for (let i = page.articleEnd; i < page.length; i++) if (page.decisions[i]?.rule === 'credit-line') readCreditAuthors(page, i);
  for (let i = page.articleEnd; i < page.length; i++) if (page.free(i)) readClosingBio(page, i);
  // Unlabelled tag runs: short lines whose links (or names) say region or topic.
  for (let i = page.articleEnd; i < page.length; i++) {
    const run: number[] = [];
    for (let j = i; j < page.length && page.free(j) && isShortTag(page.text(j)); j++) run.push(j);
    if (run.length >= 2) {
      const urls = run.map((j) => page.linkMap.get(fold(page.text(j))));
      const typed = urls.filter((u) => u && /\/(?:regions?|topics?|tags?|countr|issues?)\//i.test(u)).length;
      const places = run.filter((j) => isPlace(page.text(j))).length;
      if (typed >= 2 || (page.linkMap.size === 0 && places >= 1 && places >= run.length / 3)) {
        for (const [k, j] of run.entries()) {
          const url = urls[k];
          if ((url && /\/(?:regions?|topics?|tags?|countr|issues?)\//i.test(url)) || isPlace(page.text(j))) {
            addUnlabelledTag(page, page.text(j), url);
            page.drop(j, 'tag-list');
          }
        }
      }
    }
    if (run.length) i = run[run.length - 1]!;
  }
}

const isShortTag = (t: string): boolean => t.length > 0 && wordCount(t) <= 4 && !/[.!?:,;]$/.test(t) && !/^\d|©/.test(t);

/** Everything after the article that no rule named. */
export function dropFooter(page: Page): void {
  for (let i = page.articleEnd; i < page.length; i++) {
    // Image captions after the article belong to teasers of other articles.
    if (page.decisions[i]?.role === 'caption') page.set(i, { role: 'residue', rule: 'image-caption' });
    page.drop(i, 'page-footer');
  }
}
