/**
 * Page cleaning: classifies every unit as body, heading, caption or page residue, and recovers
 * `meta` from wherever the page put it. The passes run from the most specific evidence (front
 * matter, scraper headers, labelled furniture) to the most general (header zone, footer zone).
 * Rule ids are listed in the package README ("Page cleaning rules").
 */
import type { CleanPage } from '../units.js';
import { clearMemoTables } from './memo.js';
import { Page } from './page.js';
import { readFrontMatter } from './front-matter.js';
import { readHtmlHead } from './html-head.js';
import { readScraperHeader } from './scraper-header.js';
import { readJsonBlobs } from './json-blob.js';
import { readAuthorBoxes, readClosingBio, readTagLines, readTagLists, readTranslations } from './furniture.js';
import { matchLineRule } from './line-rules.js';
import { readCaptions, readDuplicates, readHeadings, readInlineNoise, readQuizzes, readSpeakers } from './body.js';
import { orgHint, readHeader, readTitle } from './header.js';
import { dropFooter, findArticleEnd, readTail } from './tail.js';
import { dropSelfFromRelated, readByBullets, readInlineCards, readInlineRelated, readLearnMoreCards, readRelatedLists, readTrailingHeadlines } from './related.js';
import { readFlattened } from './flattened.js';
import { completeSummary, datelineMonthDay, finishDecisions, settleDates, settleMeta, settlePublisher } from './finish.js';
import { isProse, isSentenceLike, wordCount } from './text.js';
import { AUTHOR_BOX_MARKER, REGION_MARKER, RELATED_MARKER, TOPIC_MARKER } from './labels.js';

const FURNITURE_MARKERS = [TOPIC_MARKER, REGION_MARKER, RELATED_MARKER, AUTHOR_BOX_MARKER];

function applyLineRules(page: Page, eligible: (text: string) => boolean): void {
  for (let i = 0; i < page.length; i++) {
    if (!page.free(i) || page.unit(i).kind === 'heading') continue;
    // Most units match no rule: whether they may is asked of the few that do.
    const rule = matchLineRule(page.text(i));
    if (rule && eligible(page.text(i))) page.drop(i, rule);
  }
}

/**
 * A newsletter box spans lines: "Get more news from" / "Emissary" / "The latest … to your
 * inbox." / "Subscribe". The lines between the promo's first line and its button go with it.
 */
function extendPromoBlocks(page: Page): void {
  for (let i = 0; i < page.length; i++) {
    if (page.decisions[i]?.rule !== 'newsletter-promo') continue;
    for (let j = i + 1; j < Math.min(page.length, i + 5); j++) {
      const t = page.text(j);
      const d = page.decisions[j];
      if (d?.role === 'residue' && /^(?:navigation|newsletter-promo)$/.test(d.rule ?? '') && /^(?:subscribe|sign up)/i.test(t)) {
        for (let k = i + 1; k < j; k++) if (wordCount(page.text(k)) <= 40) page.drop(k, 'newsletter-promo');
        break;
      }
    }
  }
}

/** Rules about the page's edges: on a page that is nothing but its text they must yield. */
const EDGE_RULES = new Set(['page-header', 'page-footer', 'standfirst']);

/**
 * A document's running text is never residue only because it is short or has no title: when the
 * rules would leave no body at all, the sentence-like lines dropped as page edges stay.
 */
function keepSomeBody(page: Page): void {
  for (let i = 0; i < page.length; i++) {
    const d = page.decisions[i];
    if (!d || d.role === 'body') return;
  }
  for (let i = 0; i < page.length; i++) {
    const d = page.decisions[i];
    if (d?.role === 'residue' && EDGE_RULES.has(d.rule ?? '') && page.unit(i).kind !== 'heading' && isSentenceLike(page.text(i))) page.set(i, { role: 'body' });
  }
}

export const cleanPage: CleanPage = (units, context) => {
  clearMemoTables();
  const page = new Page(units, context);
  readFrontMatter(page);
  readHtmlHead(page);
  const frontMatterDate = page.meta.published;
  page.meta.published = null;
  const description = page.meta.summary;

  readScraperHeader(page);
  readJsonBlobs(page);
  readTranslations(page);
  readAuthorBoxes(page, 0);
  readCaptions(page);
  readLearnMoreCards(page);
  // Markers of furniture ("TOPICS", "Related") look like menu words: they wait for their readers.
  applyLineRules(page, (t) => !FURNITURE_MARKERS.some((re) => re.test(t)));
  extendPromoBlocks(page);
  readTitle(page);
  findArticleEnd(page);
  readHeader(page, description);

  // Furniture after the first paragraph: related lists, tag lists, cards, quizzes.
  readRelatedLists(page, page.bodyStart);
  readTagLists(page, page.bodyStart);
  readInlineCards(page, page.bodyStart, page.articleEnd);
  readInlineRelated(page, page.bodyStart, page.articleEnd);
  readByBullets(page, page.bodyStart, page.articleEnd);
  readTagLines(page, page.bodyStart, page.length);
  readQuizzes(page);
  readHeadings(page);
  readSpeakers(page);

  applyLineRules(page, () => true);

  // After the article.
  readTail(page);
  readTrailingHeadlines(page, page.articleEnd);
  dropFooter(page);
  // A closing bio can sit just before the end marker that follows it.
  for (let i = Math.max(page.bodyStart, page.articleEnd - 2); i < page.articleEnd; i++) readClosingBio(page, i);
  for (const a of page.meta.authors) if (a.bio) orgHint(page, a.bio);

  readDuplicates(page);
  readFlattened(page);
  readInlineNoise(page);

  keepSomeBody(page);

  const bodyTexts: string[] = [];
  for (let i = 0; i < page.length; i++) {
    const d = page.decisions[i];
    if (!d || d.role === 'body') bodyTexts.push(page.text(i));
  }
  const bodyText = bodyTexts.join('\n');
  const firstBody = bodyTexts.find((t) => isProse(t)) ?? '';
  settleDates(page, frontMatterDate, datelineMonthDay(firstBody));
  completeSummary(page, bodyTexts);
  settlePublisher(page, bodyText);
  dropSelfFromRelated(page);
  settleMeta(page, bodyText);
  const { decisions, residue } = finishDecisions(page);
  return { meta: page.meta, decisions, residue };
};
