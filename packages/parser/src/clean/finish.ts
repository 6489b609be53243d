/** Final meta touches (dates, publisher, language, URLs, summary) and the residue list. */
import type { Residue } from '@briefs/ast';
import type { UnitDecision } from '../units.js';
import type { Page } from './page.js';
import { dateInUrl, datelineMonthDay } from './dates.js';
import { detectLanguage } from './language.js';
import { domainLabel, publisherFromText, spellsDomain } from './publisher.js';
import { fold, titleCase } from './text.js';

/** Repairs scraped hrefs (`https://site/a/</b/c>`, `https:/www…`) and resolves relative ones. */
export function fixUrl(url: string, base: string): string {
  let u = url.trim();
  // Each pattern is run only where it matches: most hrefs hold no `<` and start with a full scheme.
  const inner = u.includes('<') ? /<([^<>]+)>/.exec(u) : null;
  if (inner) u = inner[1]!;
  if (u.startsWith('http:/') ? u.charCodeAt(6) !== 47 : u.startsWith('https:/') && u.charCodeAt(7) !== 47) u = u.replace(/^(https?):\/(?!\/)/, '$1://');
  if (!base || /^(?:[a-z][a-z0-9+.-]*:|#)/i.test(u)) return u;
  try {
    return new URL(u, base).href;
  } catch {
    return u;
  }
}

/** Chooses published: a page's date line, else front matter, unless the URL and a dateline agree against it. */
export function settleDates(page: Page, frontMatterDate: string | null, bodyDateline: string | null): void {
  const urlDate = page.meta.sourceUrl ? dateInUrl(page.meta.sourceUrl) : null;
  if (!page.meta.published && frontMatterDate) page.meta.published = frontMatterDate;
  if (urlDate && page.meta.published && urlDate !== page.meta.published && page.meta.published === frontMatterDate) {
    // Clippers sometimes take a date from a photo caption; the URL and the dateline both say otherwise.
    if (bodyDateline && urlDate.slice(5) === bodyDateline) page.meta.published = urlDate;
  }
  if (!page.meta.published && urlDate) page.meta.published = urlDate;
}

const ROLE_AFTER_ACRONYM = /\b(\p{Lu}{3,8})\s+(?:Senior|Associate|Fellow|Director|Analyst|Researcher|Head|Chief|Visiting|Nonresident|Non-resident)\b/gu;
/** The role words of ROLE_AFTER_ACRONYM, as it reads them (its `\b` is the same without `u`). */
const ROLE_WORD = /(?:Senior|Associate|Fellow|Director|Analyst|Researcher|Head|Chief|Visiting|Nonresident|Non-resident)\b/;

export function settlePublisher(page: Page, bodyText: string): void {
  const hints = [...page.publisherHints].sort((a, b) => b.weight - a.weight);
  if (page.domain) {
    const domain = page.domain;
    // A hint that spells the domain beats one that does not, unless a hint of weight 8 or more
    // comes first. The body's phrase is the last hint, so the whole body is searched for one only
    // when it can decide: no such strong hint and no hint before it spelling the domain.
    const strong = (hints[0]?.weight ?? 0) >= 8;
    let spelled = strong ? undefined : hints.find((h) => spellsDomain(h.name, domain) && h.weight >= 4);
    if (!strong && !spelled) {
      const found = publisherFromText(bodyText, domain);
      if (found) {
        const hint = { name: found, weight: 4 };
        hints.push(hint);
        if (spellsDomain(found, domain)) spelled = hint;
      }
    }
    if (spelled) {
      page.meta.publisher = spelled.name;
      return;
    }
  }
  // Last resort: an acronym that people hold roles at ("MERICS Senior Associate Fellow").
  if (!hints.length && !page.domain) {
    const sample = bodyText.slice(0, 200000);
    // Every match holds a role word: a body without one (most) is not scanned for capitals before one.
    const roles = ROLE_WORD.test(sample) ? [...sample.matchAll(ROLE_AFTER_ACRONYM)] : [];
    const counts = new Map<string, number>();
    for (const m of roles) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) hints.push({ name: best[0], weight: 1 });
  }
  page.meta.publisher = hints[0]?.name ?? (page.domain ? page.domain.replace(/^www\./, '') : '');
  if (!page.meta.publisher && page.domain) page.meta.publisher = domainLabel(page.domain);
}

/** Completes a front-matter summary cut mid-sentence from the body sentence it starts. */
export function completeSummary(page: Page, bodyTexts: string[]): void {
  const s = page.meta.summary.trim();
  if (!s || /[.!?…"”’]$/.test(s)) return;
  const probe = s.slice(0, Math.min(60, s.length));
  for (const t of bodyTexts) {
    const at = t.indexOf(probe);
    if (at < 0) continue;
    const rest = t.slice(at);
    if (!rest.startsWith(s)) continue;
    const end = /[.!?](?=["”’]?\s|["”’]?$)/.exec(rest.slice(s.length));
    if (end) page.meta.summary = rest.slice(0, s.length + end.index + 1);
    return;
  }
}

export function settleMeta(page: Page, bodyText: string): void {
  const meta = page.meta;
  meta.language ||= detectLanguage(bodyText);
  meta.kind = titleCase(meta.kind);
  const base = meta.sourceUrl;
  for (const a of meta.authors) if (a.url) a.url = fixUrl(a.url, base);
  for (const t of meta.translations) t.url = fixUrl(t.url, base);
  for (const r of meta.related) if (r.url) r.url = fixUrl(r.url, base);
  meta.related = meta.related.filter((r) => fold(r.title) !== fold(meta.title));
}

/** Fills undecided units and lists the residue in source order, runs of one rule merged. */
export function finishDecisions(page: Page): { decisions: UnitDecision[]; residue: Residue[] } {
  const decisions: UnitDecision[] = page.units.map((u, i) => {
    const d = page.decisions[i];
    if (d) return d;
    return u.kind === 'heading' ? { role: 'heading', depth: u.depth } : { role: 'body' };
  });
  const residue: Residue[] = [];
  let run: { rule: string; start: number; end: number; texts: string[] } | null = null;
  const flush = (): void => {
    if (!run) return;
    // residueAt's text is already the excerpt of the joined texts.
    residue.push(page.residueAt(run.rule, run.start, run.end, run.texts.join(' · ')));
    run = null;
  };
  decisions.forEach((d, i) => {
    const u = page.unit(i);
    if (d.role === 'residue') {
      const rule = d.rule ?? 'residue';
      const text = page.text(i) || u.text.trim();
      if (run && run.rule === rule) {
        run.end = u.end;
        // Only an excerpt is shown: a few texts are enough.
        if (text && run.texts.length < 6) run.texts.push(text);
      } else {
        flush();
        run = { rule, start: u.start, end: u.end, texts: text ? [text] : [] };
      }
      return;
    }
    flush();
    for (const drop of d.drop ?? []) residue.push(page.residueAt(drop.rule, drop.start, drop.end));
  });
  flush();
  residue.push(...page.extraResidue);
  residue.sort((a, b) => a.position.start.offset - b.position.start.offset);
  return { decisions, residue };
}

export { datelineMonthDay };
