/**
 * Meta an HTML page keeps in its `<head>`: `<html lang>`, `<title>`, `<meta name|property>` (author,
 * description, dates, Open Graph) and `<link rel="canonical">`. Read with small patterns: the head
 * is not body text, so it never reaches the units.
 */
import type { Page } from './page.js';
import { toIsoDate } from './dates.js';
import { hostOf, splitTitleSuffix } from './publisher.js';
import { languageFromName } from './language.js';

const decode = (s: string): string =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, ' ')
    .trim();

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decode(m[1] ?? m[2] ?? m[3] ?? '') : null;
};

export function readHtmlHead(page: Page): void {
  if (page.context.format !== 'html') return;
  const src = page.context.source;
  const headEnd = src.search(/<\/head\s*>|<body\b/i);
  const head = src.slice(0, headEnd < 0 ? Math.min(src.length, 20000) : headEnd);
  const meta = page.meta;
  const metas = new Map<string, string>();
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const key = (attr(m[0], 'name') ?? attr(m[0], 'property') ?? attr(m[0], 'itemprop') ?? '').toLowerCase();
    const content = attr(m[0], 'content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const canonical = /<link\b[^>]*rel\s*=\s*["']?canonical["']?[^>]*>/i.exec(head);
  const url = (canonical ? attr(canonical[0], 'href') : null) ?? metas.get('og:url') ?? null;
  if (url && /^https?:\/\//i.test(url) && !meta.sourceUrl) {
    meta.sourceUrl = url;
    page.domain ||= hostOf(url);
  }
  const site = metas.get('og:site_name') ?? metas.get('application-name');
  if (site) page.publisherHints.push({ name: site, weight: 9 });
  const rawTitle = metas.get('og:title') ?? (/<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1] ? decode(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)![1]!) : '');
  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head);
  if (titleTag) {
    const split = splitTitleSuffix(decode(titleTag[1]!), page.domain);
    if (split.publisher) page.publisherHints.push({ name: split.publisher, weight: 8 });
  }
  if (rawTitle && !meta.title) meta.title = splitTitleSuffix(rawTitle, page.domain).title;
  const description = metas.get('description') ?? metas.get('og:description');
  if (description && !meta.summary) meta.summary = description;
  const author = metas.get('author') ?? metas.get('article:author');
  if (author && !/^https?:/i.test(author)) for (const name of author.split(/\s*(?:,|;|\band\b)\s*/)) if (name) page.addAuthor({ name });
  const published = toIsoDate(metas.get('article:published_time') ?? metas.get('date') ?? metas.get('datepublished') ?? metas.get('pubdate') ?? '');
  if (published) meta.published ??= published;
  const modified = toIsoDate(metas.get('article:modified_time') ?? metas.get('datemodified') ?? '');
  if (modified) meta.updated ??= modified;
  const keywords = metas.get('keywords') ?? metas.get('news_keywords');
  if (keywords) for (const k of keywords.split(/\s*,\s*/)) if (k) page.addTag('topics', k);
  const lang = /<html\b[^>]*\blang\s*=\s*["']?([A-Za-z-]+)/i.exec(src)?.[1];
  if (lang && !meta.language) meta.language = languageFromName(lang) ?? lang.toLowerCase();
}
