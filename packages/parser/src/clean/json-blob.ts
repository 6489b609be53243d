/**
 * Some pages dump their data layer as text: `{ "authors": [...], "regions": [...] }` across
 * several lines. The blob is residue; its authors, topics, regions and type go to `meta`.
 */
import type { Page } from './page.js';

const TYPE_KINDS: Record<string, string> = {
  questionanswer: 'Q&A', qa: 'Q&A', interview: 'Interview', commentary: 'Commentary', article: 'Article',
  report: 'Report', analysis: 'Analysis', podcast: 'Podcast', testimony: 'Testimony', paper: 'Paper',
  policybrief: 'Policy Brief', briefanalysis: 'Brief Analysis', oped: 'Op-Ed', explainer: 'Explainer',
};

const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.flatMap((x) => (typeof x === 'string' ? [x] : x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' ? [(x as { name: string }).name] : []))
    : typeof v === 'string' && v
      ? [v]
      : [];

export function readJsonBlobs(page: Page): void {
  for (let i = 0; i < page.length; i++) {
    if (!page.free(i) || !/^\s*\{\s*$|^\s*\{\s*"/.test(page.unit(i).text)) continue;
    let depth = 0;
    let end = -1;
    let body = '';
    for (let j = i; j < page.length && j < i + 400; j++) {
      const t = page.unit(j).text;
      body += `${t}\n`;
      for (const ch of t.replace(/"(?:[^"\\]|\\.)*"/g, '')) {
        if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') depth--;
      }
      if (depth <= 0) {
        end = j;
        break;
      }
    }
    if (end < 0) continue;
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      continue;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) continue;
    for (let j = i; j <= end; j++) page.drop(j, 'embedded-json');
    const o = data as Record<string, unknown>;
    for (const name of strings(o.authors ?? o.author)) page.addAuthor({ name });
    for (const t of strings(o.topics ?? o.tags)) page.addTag('topics', t);
    for (const r of strings(o.regions ?? o.countries)) page.addTag('regions', r);
    const type = typeof o.type === 'string' ? TYPE_KINDS[o.type.toLowerCase().replace(/[^a-z]/g, '')] : undefined;
    if (type && !page.meta.kind) page.meta.kind = type;
    const center = typeof o.primaryCenter === 'string' ? o.primaryCenter : typeof o.publisher === 'string' ? o.publisher : undefined;
    if (center) page.publisherHints.push({ name: center, weight: 5 });
    i = end;
  }
}
