/**
 * The five example briefs in /examples (one per input shape), read as a careful reader would:
 * meta, sections, and a body with no page residue and nothing of the article lost.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../src/parse-brief.js';
import { endnotesAt } from '../src/clean/flattened.js';
import { allClaims, repoRoot } from './helpers.js';

const example = (name: string) => {
  const file = path.join(repoRoot, 'examples', name);
  return parseBrief(readFileSync(file), { path: file });
};
const headings = (brief: ReturnType<typeof parseBrief>): string[] =>
  brief.children.flatMap((s) => (s.heading ? [s.heading] : []));

describe('example briefs', () => {
  it('plain text with title, byline and date lines', () => {
    const brief = example('fisheries-pacific.txt');
    expect(brief.meta.title).toBe('Rebuilding Tuna Stocks in the Western Pacific');
    expect(brief.meta.authors.map((a) => a.name)).toEqual(['Keoni Alapai']);
    expect(brief.meta.published).toBe('2024-06-03');
    expect(brief.meta.publisher).toBe('Pacific Resource Watch');
    expect(allClaims(brief)[0]!.text).toMatch(/^Pacific island states earn more/);
  });

  it('HTML page with nav, meta and footer', () => {
    const brief = example('arctic-shipping.html');
    expect(brief.meta.title).toBe('Thin Ice, Busy Lanes: Arctic Shipping and Search-and-Rescue Gaps');
    expect(brief.meta.publisher).toBe('Borealis Center');
    expect(brief.meta.authors.map((a) => a.name)).toEqual(['Sigrid Halvorsen']);
    expect(brief.meta.published).toBe('2025-01-21');
    expect(brief.meta.sourceUrl).toBe('https://borealis-center.example.org/commentary/arctic-shipping-sar');
    const texts = allClaims(brief).map((c) => c.text).join('\n');
    expect(texts).not.toMatch(/Home Research|Share this article|Privacy Policy/);
    expect(headings(brief)).toEqual(['A route that is no longer marginal', 'Who would answer a mayday', 'Closing the gap']);
  });

  it('flattened page: header chrome, outline headings, footer and endnotes are not body', () => {
    const brief = example('semiconductor-alliances.txt');
    expect(brief.meta.title).toBe("Semiconductors: Europe's alliance dilemma");
    expect(brief.meta.kind).toBe('Report');
    expect(brief.meta.published).toBe('2025-10-14');
    expect(brief.meta.authors.map((a) => a.name)).toEqual(['Lena Vogt']);
    expect(headings(brief)).toEqual(['Outlook: Supply chains', 'Recommendations for Brussels']);
    const claims = allClaims(brief).map((c) => c.text);
    const all = claims.join('\n');
    expect(all).not.toMatch(/Download \(pdf|Share this Article|min read|Author\(s\)|Print this Article/);
    expect(all).not.toMatch(/Chips Act impact report|Industry association data|Special report 12/);
    // Note markers glued to sentence ends are not part of the claims.
    expect(claims).toContain("Europe currently produces about 10% of the world's semiconductors, down from 24% in 2000.");
    expect(claims.some((c) => c.startsWith('According to the European Court of Auditors') && c.endsWith('met.'))).toBe(true);
    expect((brief.residue ?? []).some((r) => r.rule === 'endnotes')).toBe(true);
  });

  it('markdown with front matter: the title without its publisher suffix', () => {
    const brief = example('water-security-sahel.md');
    expect(brief.meta.title).toBe('Water Stress and Migration in the Central Sahel');
    expect(brief.meta.publisher).toBe('Meridian Policy Forum');
    expect(brief.meta.published).toBe('2024-09-18');
    expect(brief.meta.topics).toEqual(['Climate', 'Migration']);
    expect(brief.meta.regions).toEqual(['Sahel']);
  });
});

describe('front-matter tags', () => {
  const body = 'The harbour office counted the ships twice this year, and the second count was higher by a third.';
  const parse = (fm: string) => parseBrief(`---\ntitle: Counting Ships\n${fm}\n---\n\n${body}\n`, { path: 'fm.md' }).meta;
  it('untyped tags: places are regions, the rest topics', () => {
    const meta = parse('tags: [Fisheries, West Africa, Trade]');
    expect(meta.topics).toEqual(['Fisheries', 'Trade']);
    expect(meta.regions).toEqual(['West Africa']);
  });
  it('typed lists are taken as they say', () => {
    const meta = parse('topics: [Fisheries, West Africa]\nregions: [Senegal]');
    expect(meta.topics).toEqual(['Fisheries', 'West Africa']);
    expect(meta.regions).toEqual(['Senegal']);
  });
});

describe('endnotes at the end of a flattened text', () => {
  it('finds a run of rising numbered notes', () => {
    const body = 'The plan will need more money. 1 Ministry report. 3 Trade data. 7 Audit office, report 12.';
    const notes = endnotesAt(body);
    expect(notes?.start).toBe(body.indexOf('1 Ministry'));
    expect([...(notes?.numbers ?? [])]).toEqual([1, 3, 7]);
  });
  it('leaves numbers inside running text alone', () => {
    expect(endnotesAt('The port handled more ships. 3 Ministers visited it. 2 Vessels sank in May.')).toBeNull();
    expect(endnotesAt('Costs rose sharply in 2024. 12 Countries signed the pact, the ministry said, and more will follow.')).toBeNull();
  });
});
