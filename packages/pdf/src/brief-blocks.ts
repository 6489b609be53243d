import type { Brief, Claim, InlineContent, Section } from '@briefs/ast';
import { claimsWithSection, inlinesOf } from '@briefs/ast';
import type { Block, ChartBlock, ListEntry } from './blocks.js';
import { formatIsoDate } from './dates.js';
import { safeUrl } from './links.js';

export interface BriefBlocksOptions {
  /** Charts already drawn (from @briefs/charts), placed after the key figures. */
  charts?: readonly ChartBlock[];
  /** At most this many claims per group (forecasts, recommendations, attributed). */
  maxClaimsPerGroup?: number;
}

const LANGUAGE_NAMES: Record<string, string> = {
  ar: 'Arabic', fa: 'Persian', ur: 'Urdu', he: 'Hebrew', en: 'English', fr: 'French', de: 'German',
  es: 'Spanish', ru: 'Russian', uk: 'Ukrainian', zh: 'Chinese', tr: 'Turkish', ku: 'Kurdish', pt: 'Portuguese',
};

export const languageName = (tag: string): string => LANGUAGE_NAMES[tag.toLowerCase().split('-')[0] ?? ''] ?? tag;

/** Named destination of a brief inside a pack (contents links jump here). */
export const briefAnchor = (brief: Brief): string => `brief-${brief.id}`;

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);

/**
 * Headings scraped in capitals ("WHAT THE COALITION HAS ACHIEVED") in title case for tables and
 * the outline. A word stays in capitals when it has a dot (U.S.) or the body writes it in
 * capitals too (ISIS, NATO): `acronyms` holds those words. Mixed-case headings are left alone.
 */
export function displayHeading(heading: string, acronyms: ReadonlySet<string>): string {
  if (/\p{Ll}/u.test(heading) || !/\p{Lu}/u.test(heading)) return heading;
  let first = true;
  return heading.replace(/[\p{L}\p{N}.'’-]+/gu, (word) => {
    const lower = word.toLowerCase();
    const out = word.includes('.') || acronyms.has(word) ? word : !first && SMALL_WORDS.has(lower) ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    first = false;
    return out;
  });
}

/** Words the body writes in capitals (two letters or more): acronyms to keep in headings. */
export function acronymsOf(brief: Brief): Set<string> {
  const found = new Set<string>();
  for (const { claim } of claimsWithSection(brief)) for (const m of claim.text.matchAll(/\b\p{Lu}{2,}\b/gu)) found.add(m[0]);
  return found;
}

/** `Lead` or the section heading, shortened. */
export function sectionLabel(section: Section | undefined, acronyms: ReadonlySet<string> = new Set()): string {
  if (!section) return '';
  if (section.heading === null || section.depth === 0) return 'Lead';
  return shorten(displayHeading(section.heading, acronyms), 48);
}

export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The words of a claim around one inline node, at most `max` characters. */
export function snippetAround(claim: Claim, node: InlineContent, max = 110): string {
  const text = claim.text.replace(/\s+/g, ' ');
  if (text.length <= max) return text.trim();
  const [start, end] = node.range;
  const room = Math.max(0, max - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(text.length, from + max);
  from = Math.max(0, to - max);
  // Snap to word boundaries.
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

const lineOf = (node: { position?: { start: { line: number } } }, fallback?: { position?: { start: { line: number } } }): number | null =>
  node.position?.start.line ?? fallback?.position?.start.line ?? null;

export function whereInText(section: Section | undefined, line: number | null, acronyms?: ReadonlySet<string>): string {
  const label = sectionLabel(section, acronyms);
  return line === null ? label : `${label}, line ${line}`;
}

/** `By A and B · 7 November 2019 · Publisher · Commentary` */
export function byline(brief: Brief): string {
  const { meta } = brief;
  const names = meta.authors.map((a) => a.name).filter((n) => n.trim() !== '');
  const authors = names.length === 0 ? '' : `By ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}`;
  const date = formatIsoDate(meta.published);
  const updated = meta.updated && meta.updated !== meta.published ? `updated ${formatIsoDate(meta.updated)}` : '';
  return [authors, date, updated, meta.publisher, meta.kind].filter((p) => p && p.trim() !== '').join(' · ');
}

/**
 * The blocks of one brief, in reading order: title and byline, summary, key figures, charts, key
 * claims, quotes, the outline of sections, sources and links. Pure: same brief, same blocks.
 */
export function briefBlocks(brief: Brief, options: BriefBlocksOptions = {}): Block[] {
  const { meta } = brief;
  const maxClaims = options.maxClaimsPerGroup ?? 12;
  const sections = new Map(brief.children.map((s) => [s.id, s]));
  const acronyms = acronymsOf(brief);
  const blocks: Block[] = [];

  blocks.push({ type: 'heading', level: 1, text: meta.title.trim() || brief.id, anchor: briefAnchor(brief) });
  const by = byline(brief);
  if (by) blocks.push({ type: 'paragraph', text: by, style: 'byline' });
  for (const t of meta.translations) {
    if (!t.title.trim()) continue;
    // Scraped pages often give the language's own name as the title ("العربية"); both read well.
    blocks.push({
      type: 'paragraph',
      text: `Also in ${languageName(t.language)}: ${t.title.trim()}`,
      style: 'translation',
      link: safeUrl(t.url, meta.sourceUrl),
      lang: t.language,
      direction: 'ltr',
    });
  }
  const source = safeUrl(meta.sourceUrl);
  if (source) blocks.push({ type: 'paragraph', text: `Source: ${source}`, style: 'byline', link: source });

  // Summary: the publisher's own when there is one, else the first sentences of the lead.
  blocks.push({ type: 'heading', level: 2, text: 'Summary' });
  const claims = claimsWithSection(brief);
  const summary = meta.summary.trim() || claims.slice(0, 3).map((c) => c.claim.text).join(' ');
  blocks.push({ type: 'paragraph', text: summary || 'No summary or body text was found in the source.', style: 'summary' });

  // Key figures: value, what, where in the text.
  const figures = inlinesOf(brief, 'figure');
  if (figures.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Key figures' });
    blocks.push({
      type: 'table',
      columns: [
        { label: 'Value', width: 0.2 },
        { label: 'What', width: 0.55 },
        { label: 'Where in the text', width: 0.25 },
      ],
      rows: figures.map(({ node, claim, sectionId }) => [
        node.text,
        node.subject ? `${node.subject}: ${snippetAround(claim, node, 90)}` : snippetAround(claim, node),
        whereInText(sections.get(sectionId), lineOf(node, claim), acronyms),
      ]),
    });
  }

  const charts = options.charts ?? [];
  if (charts.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Charts' });
    blocks.push(...charts);
  }

  // Key claims, grouped.
  const groups: Array<{ title: string; kind: Claim['kind'] }> = [
    { title: 'Forecasts', kind: 'forecast' },
    { title: 'Recommendations', kind: 'recommendation' },
    { title: 'Attributed claims', kind: 'attributed' },
  ];
  const grouped = groups.map((g) => ({ ...g, items: claims.filter((c) => c.claim.kind === g.kind) })).filter((g) => g.items.length > 0);
  if (grouped.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Key claims' });
    for (const group of grouped) {
      blocks.push({ type: 'heading', level: 3, text: `${group.title} (${group.items.length})` });
      blocks.push({
        type: 'list',
        style: 'listItem',
        items: group.items.slice(0, maxClaims).map(({ claim, sectionId }): ListEntry => {
          const notes = [
            claim.kind === 'attributed' && claim.source ? `Source: ${claim.source}` : '',
            claim.hedge ? `Hedge: “${claim.hedge}”` : '',
            whereInText(sections.get(sectionId), lineOf(claim), acronyms),
          ].filter(Boolean);
          return { text: claim.text, note: notes.join(' · ') };
        }),
      });
      if (group.items.length > maxClaims) {
        blocks.push({
          type: 'paragraph',
          style: 'note',
          text: `${group.items.length - maxClaims} more ${group.title.toLowerCase()} are listed in data/claims.csv.`,
        });
      }
    }
  }

  const quotes = inlinesOf(brief, 'quote');
  if (quotes.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Quotes' });
    for (const { node, claim } of quotes) {
      blocks.push({ type: 'quote', text: node.text, speaker: node.speaker ?? claim.source ?? claim.speaker ?? null });
    }
  }

  const headed = brief.children.filter((s) => s.heading !== null && s.depth > 0);
  if (headed.length > 0) {
    const minDepth = Math.min(...headed.map((s) => s.depth));
    blocks.push({ type: 'heading', level: 2, text: 'Outline of the text' });
    blocks.push({
      type: 'list',
      style: 'outline',
      bullets: false,
      items: headed.map((s) => {
        const count = selectClaimCount(s);
        const line = lineOf(s);
        return {
          text: displayHeading(s.heading ?? '', acronyms),
          note: [line === null ? '' : `line ${line}`, `${count} sentence${count === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
          depth: Math.min(3, s.depth - minDepth),
        };
      }),
    });
  }

  const links = sourcesAndLinks(brief);
  if (links.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Sources and links' });
    blocks.push({ type: 'list', style: 'link', items: links });
  }
  return blocks;
}

function selectClaimCount(section: Section): number {
  let n = 0;
  const stack: unknown[] = [...section.children];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: string; children?: unknown[] };
    if (node.type === 'claim') n++;
    else if (Array.isArray(node.children)) stack.push(...node.children);
  }
  return n;
}

/** The source, the body's links and related reading; web and mail links only, each URL once. */
export function sourcesAndLinks(brief: Brief): ListEntry[] {
  const seen = new Set<string>();
  const out: ListEntry[] = [];
  const add = (text: string, raw: string | null | undefined, note?: string): void => {
    const url = safeUrl(raw, brief.meta.sourceUrl);
    if (!url || seen.has(url)) return;
    seen.add(url);
    const label = text.replace(/\s+/g, ' ').trim();
    out.push({ text: label && label !== url ? shorten(label, 100) : url, note: note ? `${note} · ${url}` : url, link: url });
  };
  add(brief.meta.title, brief.meta.sourceUrl, `Original at ${brief.meta.publisher || 'source'}`);
  for (const { node } of inlinesOf(brief, 'link')) add(node.text, node.url, 'Linked in the text');
  for (const a of brief.meta.authors) add(a.name, a.url, 'Author');
  for (const r of brief.meta.related) add(r.title, r.url, ['Related', formatIsoDate(r.date)].filter(Boolean).join(', '));
  return out;
}
