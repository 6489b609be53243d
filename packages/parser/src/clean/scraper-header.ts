/**
 * Scraper output wraps the page in its own markdown: `# domain`, `## Metadata` (URL, Domain,
 * Scraped at…), `## Page Structure` (the page's heading outline), `## Content`, `## Links`. None of
 * it is article text; the URL, the outline and the link targets are kept for the other rules.
 */
import type { Page } from './page.js';
import { fold } from './text.js';
import { hostOf } from './publisher.js';
import { toIsoDate } from './dates.js';

const CHROME = /^(?:metadata|page metadata|page structure|structure|outline|content|page content|main content|extracted content|links|page links|english source material|source material|original text|full text)$/i;
const HOST = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}\/?$/i;

export function readScraperHeader(page: Page): void {
  const headings: number[] = [];
  for (let i = 0; i < page.length; i++) if (page.unit(i).kind === 'heading') headings.push(i);
  const isScraped = headings.some((i) => /^(?:metadata|page structure)$/i.test(page.text(i)));
  // A lone clipping label heading ("English Source Material") is chrome even without the rest.
  for (const i of headings) {
    if (/^(?:english |original )?source material$|^extracted content$/i.test(page.text(i))) page.drop(i, 'scraper-header');
  }
  if (!isScraped) return;

  let section: 'none' | 'metadata' | 'outline' | 'content' | 'links' = 'none';
  for (let i = 0; i < page.length; i++) {
    const u = page.unit(i);
    const text = page.text(i);
    if (u.kind === 'heading' && u.depth <= 2 && (CHROME.test(text) || (i === headings[0] && HOST.test(text)))) {
      if (HOST.test(text) && !page.domain) page.domain = hostOf(text.startsWith('http') ? text : `https://${text}`);
      section = /metadata/i.test(text) ? 'metadata' : /structure|outline/i.test(text) ? 'outline' : /links/i.test(text) ? 'links' : /content|material|text/i.test(text) ? 'content' : 'none';
      page.drop(i, 'scraper-header');
      continue;
    }
    if (section === 'metadata') {
      page.drop(i, 'scraper-header');
      const m = /^([\w .-]+?)\s*:\s*(.+)$/.exec(text);
      if (!m) continue;
      const key = m[1]!.toLowerCase().trim();
      const value = m[2]!.trim();
      if ((key === 'url' || key === 'source' || key === 'canonical') && /^https?:\/\//.test(value)) {
        page.meta.sourceUrl ||= value;
        page.domain ||= hostOf(value);
      } else if (key === 'domain') page.domain ||= value.toLowerCase();
      else if (key === 'title' && !page.meta.title) page.meta.title = value;
      else if (/^(?:published|date published|publication date|pubdate)$/.test(key)) page.meta.published ??= toIsoDate(value);
      else if (/^(?:author|authors|byline)$/.test(key)) for (const name of value.split(/\s*[,;]\s*/)) page.addAuthor({ name });
      // "Scraped at" and "timestamp" are when the page was fetched, not when it was published.
    } else if (section === 'outline') {
      page.drop(i, 'scraper-outline');
      const raw = page.context.source.slice(u.start, u.end);
      const hashes = /#+/.exec(raw)?.[0].length ?? (u.kind === 'heading' ? u.depth : 0);
      const title = text.replace(/^#+\s*/, '').trim();
      if (title) page.outline.push({ text: title, depth: hashes || 2 });
    } else if (section === 'links') {
      page.drop(i, 'scraper-links');
      for (const link of u.links) {
        const key = fold(link.text);
        if (key && !page.linkMap.has(key)) page.linkMap.set(key, link.url);
      }
    }
  }
}
