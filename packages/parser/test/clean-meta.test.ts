/**
 * Meta recovery per source shape (fixtures under fixtures-clean/, written for these tests), and
 * the heading rules: ALL-CAPS lines, bold leads, outline titles, questions, transcripts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../src/clean/index.js';
import { cleanText, paragraphs } from './clean-helpers.js';
import { unitsFromText } from './clean-units.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures-clean/${name}`, import.meta.url), 'utf8');

describe('meta from YAML front matter (clipper shape)', () => {
  const page = cleanText(fixture('front-matter.md'));
  const meta = page.result.meta;
  it('title without the " | Publisher" suffix; publisher from the suffix', () => {
    expect(meta.title).toBe("Dredging Deal Splits Velmora's Fishers");
    expect(meta.publisher).toBe('Harbour Ledger');
  });
  it('source, date, tags, author', () => {
    expect(meta.sourceUrl).toBe('https://www.harbourledger.com/2026/03/14/velmora-dredging-deal-fishers');
    expect(meta.published).toBe('2026-03-14');
    expect(meta.topics).toEqual(['Ports', 'Fisheries']);
    expect(meta.authors.map((a) => a.name)).toEqual(['Ana Ruiz']);
  });
  it('a description cut mid-sentence is completed from the body sentence it starts', () => {
    expect(meta.summary).toMatch(/falls short of what they lost during the last dredging season\.$/);
  });
  it('the closing bio gives the author a bio and leaves the body', () => {
    expect(meta.authors[0]!.bio).toMatch(/^Ana Ruiz is a staff correspondent/);
    expect(page.ruleOf('Ana Ruiz is a staff')).toBe('author-bio');
  });
  it('trailing headlines become related items; the first paragraph stays body', () => {
    expect(meta.related.map((r) => r.title)).toEqual([
      'Why the Grain Trade Is Moving South Again',
      'Three Ports Bet on Hydrogen Ferries Before the Rules Are Written',
      'A Quiet Harbour Town Becomes the Busiest Container Stop on the Coast',
    ]);
    expect(page.ruleOf('The regional council approved')).toBe('body');
    expect(page.ruleOf('Mail')).toBe('share-bar');
  });
});

describe('meta from a scraper header (Metadata, Page Structure, Content, Links)', () => {
  const page = cleanText(fixture('scraper-header.md'));
  const meta = page.result.meta;
  it('URL from Metadata; the scrape time is not the publication date', () => {
    expect(meta.sourceUrl).toBe('https://policy-lab.example.org/analysis/velmora-channel');
    expect(meta.published).toBe('2026-03-30');
  });
  it('title, publisher from the "Title | Publisher" line, standfirst as summary', () => {
    expect(meta.title).toBe('The Velmora Channel and Its Critics');
    expect(meta.publisher).toBe('Policy Lab');
    expect(meta.summary).toMatch(/^A new channel promises more cargo/);
  });
  it('stacked byline with role; profile URL from the link list; bio from the author box', () => {
    expect(meta.authors).toEqual([
      {
        name: 'Mara Velasquez',
        url: 'https://policy-lab.example.org/people/mara-velasquez',
        bio: 'Mara Velasquez is a senior fellow in the Coastal Program at Policy Lab.',
      },
    ]);
  });
  it('unlabelled tags sorted by their /topics/ and /regions/ links', () => {
    expect(meta.topics).toEqual(['Fisheries']);
    expect(meta.regions).toEqual(['Chile']);
  });
  it('outline titles become headings; scraper chrome is residue', () => {
    expect(page.decisionOf('What the plan changes', 'last')).toMatchObject({ role: 'heading', depth: 2 });
    expect(page.ruleOf('Scraped at')).toBe('scraper-header');
    expect(page.ruleOf('Who pays')).toBe('scraper-outline');
    expect(page.bodyText).not.toMatch(/Skip to content|Research|Subscribe|© 2026|Senior Fellow/);
  });
});

describe('a flattened one-paragraph page', () => {
  const page = cleanText(fixture('flattened.md'));
  const meta = page.result.meta;
  const d = page.decisionOf('The port before the channel');
  it('header cluster → kind, date, title; footer → authors, related', () => {
    expect(meta.kind).toBe('Report');
    expect(meta.published).toBe('2026-04-02');
    expect(meta.title).toBe('Velmora: The price of a deeper channel');
    expect(meta.authors).toEqual([{ name: 'Lina Moravec', bio: 'Senior Analyst Coastal Economics' }]);
    expect(meta.related).toEqual([
      { title: 'Grain routes after the drought', date: '2026-03-30' },
      { title: 'The coastal report 2026', date: '2026-04-02' },
    ]);
  });
  it('the outline titles repeated in the text are inline headings', () => {
    expect(d.inlineHeadings?.map((h) => h.text)).toEqual([
      'The port before the channel: a town divided over its harbour',
      'Who pays: compensation and the cooperatives',
      'Outlook: a channel for the next thirty years',
      'Endnotes',
    ]);
    for (const h of d.inlineHeadings ?? []) expect(page.source.slice(h.start, h.end)).toBe(h.text);
  });
  it('residue inside the paragraph becomes drop ranges', () => {
    expect(d.drop?.map((r) => r.rule)).toEqual(['page-header', 'title', 'navigation', 'figure-placeholder', 'page-footer']);
    expect(page.bodyText).not.toMatch(/Share this Article|min read|Go back to the main page|Figure 1|Author\(s\)|Photo agency/);
    expect(page.bodyText).toContain('For decades the port handled small coastal freighters');
    expect(page.ruleOf('English Source Material')).toBe('scraper-header');
  });
});

describe('a wire story scraped as text: menu, sentence-case headline, byline, date with time zone', () => {
  const source = [
    'Skip to main content', 'World', 'Business', 'Markets', '',
    'Harbour strike halts grain exports from Velmora for a third day', '',
    'By Ana Ruiz and Tomas Berg', 'September 18, 2025 6:42 AM GMT+1', 'Updated 2 hours ago', '',
    `VELMORA, Sept 18 - ${paragraphs(2)}`, '',
    'Advertisement · Scroll to continue', '',
    paragraphs(2, 3), '',
    '(Reporting by Ana Ruiz; Editing by Lea Kim)', '',
  ].join('\n');
  const page = cleanText(source);
  it('the headline is the title, the byline the authors, the date line the publication date', () => {
    expect(page.result.meta.title).toBe('Harbour strike halts grain exports from Velmora for a third day');
    expect(page.result.meta.authors.map((a) => a.name)).toEqual(['Ana Ruiz', 'Tomas Berg']);
    expect(page.result.meta.published).toBe('2025-09-18');
    expect(page.ruleOf('September 18, 2025')).toBe('date-line');
  });
  it('chrome run together on one line is residue', () => {
    expect(page.ruleOf('Advertisement · Scroll')).toBe('advertisement');
    expect(page.bodyText).not.toContain('Scroll to continue');
  });
});

describe('a Q&A transcript', () => {
  const page = cleanText(fixture('qa-transcript.md'));
  it('label-only lines are residue; the turn that follows carries the speaker', () => {
    expect(page.ruleOf('Lea Kim:')).toBe('speaker-label');
    expect(page.decisionOf('The grain will come').speaker?.name).toBe('Tomas Berg');
    expect(page.decisionOf('I am less sure').speaker?.name).toBe('Ana Ruiz');
  });
  it('an inline "Name: answer" label ends after the colon', () => {
    const d = page.decisionOf('That is fair');
    expect(d.speaker?.name).toBe('Tomas Berg');
    expect(page.source.slice(d.speaker!.end, d.speaker!.end + 12)).toBe('That is fair');
  });
  it('title suffix " - Harbour Forum" → publisher', () => {
    expect(page.result.meta.title).toBe('Can the Channel Pay for Itself?');
    expect(page.result.meta.publisher).toBe('Harbour Forum');
  });
  it('"Q:" turns and an author\'s surname alone make a transcript: the interviewer and the full name', () => {
    const p = cleanText(
      `# Gas talk\n\nBy Ingrid Solberg\n\n${paragraphs(2)}\n\nQ: Is a shortage likely?\n\nSolberg: Not a physical one.\n\nQ: What should governments do?\n\nSolberg: Buy together, and early.\n`,
    );
    expect(p.decisionOf('Q: Is a shortage').speaker?.name).toBe('Interviewer');
    expect(p.decisionOf('Solberg: Not a').speaker?.name).toBe('Ingrid Solberg');
    expect(p.decisionOf('Solberg: Buy').speaker?.name).toBe('Ingrid Solberg');
  });
  it('repeated labels that are no names or interview sides make no transcript', () => {
    const p = cleanText(`# Notes\n\n${paragraphs(2)}\n\nNote: the plan works.\n\nSource: the port office.\n\nNote: it may change.\n\nSource: the ministry.\n`);
    expect(p.decisionOf('Note: the plan').speaker).toBeUndefined();
    // A surname alone whose bearer the page does not name is no speaker either.
    const q = cleanText(`# Notes\n\n${paragraphs(2)}\n\nQ: Why now?\n\nHarbour: Because.\n\nQ: And then?\n\nHarbour: We wait.\n`);
    expect(q.decisionOf('Harbour: Because').speaker).toBeUndefined();
  });
  it('a single "Name:" in prose is not a transcript', () => {
    const p = cleanText(`# Notes\n\n${paragraphs(2)}\n\nMara Velasquez: the plan works.\n\n${paragraphs(2, 3)}`);
    expect(p.decisionOf('Mara Velasquez').speaker).toBeUndefined();
  });
});

describe('title lines, bylines, dates and kind labels (page shape of a think-tank article)', () => {
  const src = [
    'The Velmora Channel Has Much to Prove',
    'by [Mara Velasquez \\(/experts/mara-velasquez\\)](/experts/mara-velasquez)',
    'Mar 7, 2026',
    'Policy Analysis',
    'The channel promises more trade, but the cooperatives that fish the northern shore will carry the cost unless the council acts.',
    paragraphs(5),
  ].join('\n\n');
  const page = cleanText(src);
  const meta = page.result.meta;
  it('title, author with profile url, date, kind, standfirst', () => {
    expect(meta.title).toBe('The Velmora Channel Has Much to Prove');
    expect(meta.authors).toEqual([{ name: 'Mara Velasquez', url: '/experts/mara-velasquez' }]);
    expect(meta.published).toBe('2026-03-07');
    expect(meta.kind).toBe('Policy Analysis');
    expect(meta.summary).toMatch(/^The channel promises more trade/);
  });
  it('none of it stays in the body; the first paragraph does', () => {
    for (const t of ['The Velmora Channel Has Much', 'by Mara', 'Mar 7, 2026', 'Policy Analysis', 'The channel promises more trade']) {
      expect(page.ruleOf(t)).not.toBe('body');
    }
    expect(page.ruleOf('The harbour authority in Velmora')).toBe('body');
  });
  it('"Updated" + date → updated, not published', () => {
    const p = cleanText(`# A Title For The Page\n\nUpdated\n\nJune 8, 2023 11:40 a.m.\n\n${paragraphs(4)}`);
    expect(p.result.meta.updated).toBe('2023-06-08');
    expect(p.result.meta.published).toBeNull();
  });
  it('a dated URL corrects a front-matter date that the dateline contradicts', () => {
    const p = cleanText(
      `---\ntitle: Port strike ends\nsource: https://news.example.com/world/port-strike-ends-2026-02-23\ndate: 2026-01-19\n---\n\nVELMORA, Feb 23 (Wire) - ${paragraphs(3)}`,
    );
    expect(p.result.meta.published).toBe('2026-02-23');
  });
});

describe('heading rules', () => {
  const page = cleanText(
    `# The Velmora Channel Plan\n\n${paragraphs(2)}\n\nWHAT THE PLAN CHANGES\n\n${paragraphs(1, 2)}\n\n**Who pays.** The council has promised compensation to the cooperatives, but nothing is signed.\n\n**Outlook**\n\n${paragraphs(2, 3)}\n\nRECOMMENDED\n\n[A Second Look at Coastal Dredging](/a/second-look)\n\nMar 2, 2022`,
  );
  it('ALL-CAPS line → heading depth 2; "RECOMMENDED" stays a marker', () => {
    expect(page.decisionOf('WHAT THE PLAN CHANGES')).toMatchObject({ role: 'heading', depth: 2, rule: 'caps-heading' });
    expect(page.ruleOf('RECOMMENDED')).toBe('related-list');
  });
  it('bold run-in lead → inline heading at the start of the unit', () => {
    const d = page.decisionOf('Who pays.');
    expect(d.role).toBe('body');
    expect(d.inlineHeadings?.[0]?.text).toBe('Who pays');
    expect(page.source.slice(d.inlineHeadings![0]!.end).startsWith('The council')).toBe(true);
  });
  it('a bold line alone → heading', () => {
    expect(page.decisionOf('Outlook')).toMatchObject({ role: 'heading', rule: 'bold-heading' });
  });
  it('a markdown heading in the article stays a heading; the first # line is the title', () => {
    const p = cleanText(`# The Velmora Channel Plan\n\n${paragraphs(2)}\n\n## Who pays\n\n${paragraphs(3, 2)}`);
    expect(p.ruleOf('The Velmora Channel Plan')).toBe('title');
    expect(p.decisionOf('Who pays')).toMatchObject({ role: 'heading', depth: 2 });
  });
  it('question subheads where a page has several', () => {
    const p = cleanText(`# The Channel\n\n${paragraphs(1)}\n\nWho pays for the channel?\n\n${paragraphs(1, 1)}\n\nWhen will the work end?\n\n${paragraphs(2, 2)}`);
    expect(p.decisionOf('Who pays for the channel?')).toMatchObject({ role: 'heading', rule: 'question-heading' });
  });
});

describe('meta from an HTML head', () => {
  const html = `<!DOCTYPE html>
<html lang="fr">
<head>
<title>Le chenal de Velmora | Revue Portuaire</title>
<meta name="author" content="Ana Ruiz">
<meta name="description" content="Un nouveau chenal divise les pêcheurs du port.">
<meta property="article:published_time" content="2026-03-14T08:00:00Z">
<meta name="keywords" content="ports, pêche">
<link rel="canonical" href="https://revue.example.org/2026/03/chenal">
</head>
<body><p>Texte.</p></body>
</html>`;
  const { units, context } = unitsFromText(html, 'html');
  const meta = cleanPage(units, context).meta;
  it('title, publisher, author, summary, date, tags, canonical URL and lang', () => {
    expect(meta).toMatchObject({
      title: 'Le chenal de Velmora',
      publisher: 'Revue Portuaire',
      summary: 'Un nouveau chenal divise les pêcheurs du port.',
      published: '2026-03-14',
      sourceUrl: 'https://revue.example.org/2026/03/chenal',
      language: 'fr',
      topics: ['ports', 'pêche'],
    });
    expect(meta.authors.map((a) => a.name)).toEqual(['Ana Ruiz']);
  });
});
