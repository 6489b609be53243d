/** Meta from YAML front matter, as clipping tools and static sites write it. */
import type { Page } from './page.js';
import { toIsoDate } from './dates.js';
import { languageFromName } from './language.js';
import { splitTitleSuffix, hostOf } from './publisher.js';
import { isPlace, splitTagLine } from './gazetteer.js';

const pick = (fm: Record<string, unknown>, keys: string[]): unknown => {
  for (const key of keys) {
    for (const k of Object.keys(fm)) if (k.toLowerCase() === key && fm[k] != null && fm[k] !== '') return fm[k];
  }
  return undefined;
};

const asStrings = (value: unknown): string[] => {
  if (value == null) return [];
  if (Array.isArray(value)) return value.flatMap(asStrings);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return typeof o.name === 'string' ? [o.name] : [];
  }
  const s = String(value).trim();
  if (!s) return [];
  return s.includes(',') ? s.split(',').map((x) => x.trim()).filter(Boolean) : [s];
};

export function readFrontMatter(page: Page): void {
  const fm = page.context.frontMatter;
  if (!fm) return;
  const meta = page.meta;
  const url = pick(fm, ['source', 'url', 'source_url', 'sourceurl', 'canonical', 'canonical_url', 'link', 'original_url']);
  if (typeof url === 'string' && /^https?:\/\//i.test(url.trim())) {
    meta.sourceUrl = url.trim();
    page.domain = hostOf(meta.sourceUrl);
  }
  const publisher = pick(fm, ['publisher', 'site', 'site_name', 'sitename', 'publication', 'source_name']);
  if (typeof publisher === 'string') page.publisherHints.push({ name: publisher.trim(), weight: 10 });
  const title = pick(fm, ['title', 'headline']);
  if (typeof title === 'string') {
    const split = splitTitleSuffix(title, page.domain);
    meta.title = split.title;
    if (split.publisher) page.publisherHints.push({ name: split.publisher, weight: 8 });
  }
  const published = toIsoDate(pick(fm, ['date', 'published', 'published_at', 'publishdate', 'pubdate', 'date_published', 'created']));
  if (published) meta.published = published;
  const updated = toIsoDate(pick(fm, ['updated', 'modified', 'lastmod', 'date_modified', 'updated_at']));
  if (updated) meta.updated = updated;
  const summary = pick(fm, ['description', 'summary', 'excerpt', 'subtitle', 'dek', 'abstract']);
  if (typeof summary === 'string') meta.summary = summary.trim();
  const authors = pick(fm, ['authors', 'author', 'byline', 'creator']);
  if (Array.isArray(authors)) {
    for (const a of authors) {
      if (a && typeof a === 'object') {
        const o = a as Record<string, unknown>;
        if (typeof o.name === 'string') page.addAuthor({ name: o.name, ...(typeof o.url === 'string' ? { url: o.url } : {}) });
      } else if (typeof a === 'string') page.addAuthor({ name: a.replace(/^\[\[|\]\]$/g, '') });
    }
  } else if (typeof authors === 'string') {
    for (const name of authors.split(/\s*(?:,|;|\band\b|&)\s*/)) if (name.trim()) page.addAuthor({ name: name.replace(/^\[\[|\]\]$/g, '') });
  }
  const regions = asStrings(pick(fm, ['regions', 'countries', 'region', 'places']));
  // `topics:` says what its items are; untyped `tags:` / `keywords:` mix topics and places, and a
  // place among them is a region (as in unlabelled tag runs), unless the page lists its regions.
  const typed = pick(fm, ['topics']) !== undefined;
  for (const tag of asStrings(pick(fm, ['tags', 'topics', 'categories', 'keywords', 'subjects']))) {
    for (const t of tag.includes(' ') && !tag.includes('&') && tag.split(' ').length > 4 ? splitTagLine(tag) : [tag]) {
      page.addTag(!typed && regions.length === 0 && isPlace(t) ? 'regions' : 'topics', t);
    }
  }
  for (const region of regions) page.addTag('regions', region);
  const kind = pick(fm, ['kind', 'genre', 'type', 'article_type', 'content_type']);
  if (typeof kind === 'string' && kind.length < 40 && !/^(?:post|page|article|web_answer|news)$/i.test(kind)) meta.kind = kind;
  const lang = pick(fm, ['lang', 'language', 'locale']);
  if (typeof lang === 'string') meta.language = languageFromName(lang.replace('_', '-')) ?? '';
}
