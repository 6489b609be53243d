/**
 * The hand annotation of the reference article: every figure, date, quote and attribution it lists
 * (items marked `uncertain` may go either way) is found in its sentence with the right reading, and
 * nothing else is found in those sentences. Sentences come from the shared corpus, read in order
 * by one extractor (the document state matters: "the same source", pronouns).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExtractor, type SentenceAnalysis } from '../src/index.js';
import { publishedOf, readCorpus, sentences, specDir } from './corpus.js';

interface Gold {
  meta: { published: string };
  figures: Array<{ text: string; value: number | null; kind: string; unit: string | null; subject: string | null; approximate: boolean; uncertain?: boolean }>;
  dates: Array<{ text: string; value: string; precision: string; uncertain?: boolean }>;
  quotes: Array<{ text: string; speaker: string; uncertain?: boolean }>;
  attributions: Array<{ text: string; source: string; uncertain?: boolean }>;
}

const STOP = new Set(['the', 'and', 'of', 'at', 'to', 'in', 'on', 'for', 'unnamed', 'one', 'a', 'an']);
function tokens(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/[^\p{L}\d-]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}
/** The head noun of a phrase: the last word before its first preposition ("officials at …"). */
function head(name: string): string {
  const words = name.toLowerCase().replace(/\([^)]*\)/g, '').split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:at|of|in|from|for|on|to)$/.test(w));
  return (cut > 0 ? words.slice(0, cut) : words).at(-1)!.replace(/[^\p{L}\d-]/gu, '');
}
/**
 * Same person or body, not the same wording: the found name has at least half of the gold name's
 * significant words ("Trump" ~ "President Trump"), or the same head noun ("officials" ~ "officials
 * at the Paris D-ISIS meeting"). "Relations" is not "European Council on Foreign Relations".
 */
function sameSource(found: string | null, ...gold: string[]): boolean {
  if (!found) return false;
  const f = tokens(found);
  return gold.some((g) => {
    const t = [...tokens(g)];
    const shared = t.filter((w) => f.has(w)).length;
    return shared >= Math.max(1, Math.ceil(t.length / 2)) || head(found) === head(g);
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

for (const file of readdirSync(specDir).filter((f) => f.endsWith('.gold.json'))) {
  const gold = JSON.parse(readFileSync(path.join(specDir, file), 'utf8')) as Gold;
  const source = readCorpus(file.replace('.gold.json', '.md'));
  const extractor = createExtractor({ published: gold.meta.published ?? publishedOf(source) });
  const read: Array<{ text: string; analysis: SentenceAnalysis }> = sentences(source).map((text) => ({
    text,
    analysis: extractor.analyze(text),
  }));
  const sentenceOf = (snippet: string) => read.find((r) => squash(r.text).includes(squash(snippet).slice(0, 60)));

  describe(`gold: ${file}`, () => {
    const used = new Set<object>();
    const misses: string[] = [];
    const goldSentences = new Set<(typeof read)[number]>();

    for (const g of gold.figures) {
      const s = sentenceOf(g.text);
      if (s) goldSentences.add(s);
      const hit = s?.analysis.inlines.find(
        (n) => n.type === 'figure' && n.value === g.value && n.kind === g.kind && n.unit === g.unit,
      );
      if (hit) used.add(hit);
      if (g.uncertain) continue;
      if (hit?.type !== 'figure') misses.push(`figure ${g.text}`);
      else if (hit.subject !== g.subject || hit.approximate !== g.approximate || !g.text.includes(hit.text.replace(/^(?:some|around|about|nearly) /, '')) && !hit.text.includes(g.text)) {
        misses.push(`figure ${g.text}: got ${hit.text}|${hit.subject}|${hit.approximate}`);
      }
    }
    for (const g of gold.dates) {
      // A short date ("2018") may stand in several sentences: the one where it reads as annotated.
      const pattern = new RegExp(`(?<![\\w-])${g.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
      const matchIn = (r: (typeof read)[number]) =>
        r.analysis.inlines.find((n) => n.type === 'date' && n.value === g.value && n.precision === g.precision);
      const candidates = read.filter((r) => pattern.test(r.text));
      const s = candidates.find((r) => matchIn(r)) ?? candidates[0];
      if (s) goldSentences.add(s);
      const hit = s ? matchIn(s) : undefined;
      if (hit) used.add(hit);
      if (!hit && !g.uncertain) misses.push(`date ${g.text}`);
    }
    for (const g of gold.quotes) {
      const s = sentenceOf(g.text);
      if (s) goldSentences.add(s);
      const attribution = gold.attributions.filter((a) => s && squash(s.text).includes(squash(a.text).slice(0, 40)));
      const hit = s?.analysis.inlines.find((n) => n.type === 'quote' && squash(n.text) === squash(g.text));
      if (hit) used.add(hit);
      if (g.uncertain) continue;
      if (hit?.type !== 'quote') misses.push(`quote ${g.text.slice(0, 30)}`);
      else if (!sameSource(hit.speaker, g.speaker, ...attribution.map((a) => a.source))) {
        misses.push(`quote ${g.text.slice(0, 30)}: speaker ${hit.speaker}`);
      }
    }
    for (const g of gold.attributions) {
      const s = sentenceOf(g.text);
      if (g.uncertain) continue;
      if (!s) misses.push(`attribution ${g.text}: no sentence`);
      else if (s.analysis.kind !== 'attributed' || !sameSource(s.analysis.source, g.source)) {
        misses.push(`attribution ${g.text.slice(0, 40)}: ${s.analysis.kind} ${s.analysis.source}`);
      }
    }
    const spurious: string[] = [];
    for (const s of goldSentences) {
      for (const n of s.analysis.inlines) {
        if (n.type === 'entity' || used.has(n)) continue;
        spurious.push(`${n.type} ${n.text}`);
      }
    }
    const total = gold.figures.length + gold.dates.length + gold.quotes.length + gold.attributions.length;
    console.log(`${file}: ${total - misses.length}/${total} gold items found; ${spurious.length} spurious in their sentences`);

    it('finds every gold figure, date, quote and attribution', () => {
      expect(misses).toEqual([]);
    });
    it('finds nothing spurious in the gold sentences', () => {
      expect(spurious).toEqual([]);
    });
  });
}
