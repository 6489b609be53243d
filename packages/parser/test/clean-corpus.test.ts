/**
 * Page cleaning on the real corpus through the whole parser (`parseBrief`). Expectations are what
 * a careful reader of each page finds; the texts are read from the shared folder, never copied.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlockContent, Brief } from '@briefs/ast';
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../src/index.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const shared = process.env.BRIEFS_SHARED ?? path.resolve(repoRoot, '../shared');
const corpus = path.join(shared, 'corpus/real');
const available = existsSync(corpus);
const files = available ? readdirSync(corpus).filter((f) => /^\d\d-.*\.md$/.test(f)).sort() : [];

const cache = new Map<string, Brief>();
const parse = (prefix: string): Brief => {
  const file = files.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no corpus file ${prefix}`);
  if (!cache.has(file)) cache.set(file, parseBrief(readFileSync(path.join(corpus, file)), { path: path.join(corpus, file) }));
  return cache.get(file)!;
};

const blockText = (b: BlockContent): string[] => {
  switch (b.type) {
    case 'paragraph':
      return b.children.map((c) => c.text);
    case 'list':
      return b.children.flatMap((li) => li.children.flatMap(blockText));
    case 'blockquote':
      return b.children.flatMap(blockText);
    case 'table':
      return b.children.flatMap((r) => r.children.map((c) => c.text));
    default:
      return [];
  }
};
/** Headings and sentences of the body (illustration captions are not body text). */
const bodyOf = (brief: Brief): string =>
  brief.children.flatMap((s) => [s.heading ?? '', ...s.children.flatMap(blockText)]).join('\n');
const headings = (brief: Brief): string[] => brief.children.flatMap((s) => (s.heading ? [s.heading] : []));
const notInBody = (brief: Brief, strings: string[]): void => {
  const body = bodyOf(brief);
  for (const s of strings) expect(body, `body contains ${JSON.stringify(s)}`).not.toContain(s);
};

describe.skipIf(!available)('real corpus: page cleaning', () => {
  it('has the corpus files', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it('every residue entry has a rule, a short text and a position inside the source', () => {
    for (const file of files) {
      const brief = parse(file.slice(0, 3));
      const size = readFileSync(path.join(corpus, file), 'utf8').length;
      expect(brief.residue?.length, file).toBeGreaterThan(0);
      for (const r of brief.residue ?? []) {
        expect(r.rule).toMatch(/^[a-z][a-z-]+$/);
        expect(r.text.length).toBeLessThanOrEqual(80);
        expect(r.position.start.offset).toBeLessThanOrEqual(r.position.end.offset);
        expect(r.position.end.offset).toBeLessThanOrEqual(size + 1);
      }
    }
  });

  describe('00 The Washington Institute, Brief Analysis', () => {
    const gold = JSON.parse(readFileSync(path.join(shared, 'spec/00-winep-counter-isis-coalition.gold.json'), 'utf8'));
    it('meta matches the hand annotation', () => {
      const { meta } = parse('00-');
      expect(meta.title).toBe(gold.meta.title);
      expect(meta.authors.map(({ name, url }) => ({ name, url }))).toEqual(gold.meta.authors);
      expect(meta.published).toBe(gold.meta.published);
      expect(meta.kind).toBe(gold.meta.kind);
      expect(meta.language).toBe(gold.meta.language);
      expect(meta.summary).toBe(gold.meta.summary);
      expect(meta.translations.map((t) => t.language)).toEqual(gold.meta.translations.map((t: { language: string }) => t.language));
      expect(meta.topics).toEqual(gold.meta.topics);
      expect(meta.regions).toEqual(gold.meta.regions);
      expect(meta.related.map(({ title, date, authors }) => ({ title, date, authors }))).toEqual(gold.meta.related);
    });
    it('four sections, and nothing of the page furniture in the body', () => {
      const brief = parse('00-');
      expect(headings(brief)).toEqual(gold.sections);
      notInBody(brief, [...gold.not_in_body, 'Nov 7, 2019', 'Brief Analysis', 'BRIEF ANALYSIS', 'analysis/view/repatriating']);
    });
    it('the map caption is an illustration', () => {
      const ills = parse('00-').children.flatMap((s) => s.children.filter((b) => b.type === 'illustration'));
      expect(ills.map((b) => (b.type === 'illustration' ? b.caption : ''))).toEqual([expect.stringMatching(/^U\.S\. Defense Department map showing/)]);
    });
  });

  describe('02 MERICS, one flattened paragraph', () => {
    it('header and footer run into the text go to meta', () => {
      const { meta } = parse('02-');
      expect(meta.title).toBe('Germany: From mutual benefit to existential competition with China');
      expect(meta.kind).toBe('Report');
      expect(meta.publisher).toBe('MERICS');
      expect(meta.published).toBe('2026-06-30');
      expect(meta.authors.map((a) => a.name)).toEqual(['Claudia Wessling', 'Bernhard Bartsch']);
      expect(meta.related.map((r) => r.title)).toContain('The EU must confront China’s trade challenge');
    });
    it('the outline titles become sections; chrome leaves the text', () => {
      const brief = parse('02-');
      expect(headings(brief)).toEqual(expect.arrayContaining([
        'Recent trends: Balancing more conscious risk management and staying at the competitive edge in science and tech',
        'Recent measures: Defending the competitive edge with a German high-tech agenda',
        'Outlook: Risks of innovation collaboration outweigh the opportunities for Germany',
      ]));
      notInBody(brief, ['picture alliance', 'Download (pdf', 'Share this Article', 'min read', 'Go back to the main page', 'Author(s)', 'Print this Article', 'Figure 2 Figure 3', 'English Source Material']);
    });
  });

  describe('03 Council on Foreign Relations, scraper header', () => {
    it('meta from the header, byline block and trailing lists', () => {
      const { meta } = parse('03-');
      expect(meta.title).toBe('How Bad Is Ukraine’s Humanitarian Crisis a Year Later?');
      expect(meta.publisher).toBe('Council on Foreign Relations');
      expect(meta.sourceUrl).toBe('https://cfr.org/articles/ukraine-humanitarian-crisis-refugees-aid');
      expect(meta.updated).toBe('2023-06-08');
      expect(meta.published).not.toBe('2026-02-28'); // the scrape date is not the publication date
      expect(meta.summary).toMatch(/^A year after Russia’s invasion, Ukraine is suffering/);
      expect(meta.authors).toEqual([expect.objectContaining({ name: 'Diana Roy', url: 'https://cfr.org/bios/diana-roy' })]);
      expect(meta.regions).toEqual(expect.arrayContaining(['Ukraine', 'Russia', 'Europe']));
      expect(meta.topics).toContain('Wars and Conflict');
      expect(meta.related).toContainEqual(expect.objectContaining({ title: "Sudan's War, Africa's Complicity", date: '2026-02-27', authors: ['Michelle Gavin'] }));
    });
    it('the outline questions are the sections; navigation and footer are gone', () => {
      const brief = parse('03-');
      expect(headings(brief)).toEqual([
        'What’s the current humanitarian crisis in Ukraine?',
        'Where are refugees going?',
        'How have countries responded to the crisis?',
        'What role have international organizations played?',
      ]);
      notInBody(brief, ['Skip to content', 'Member Login', 'Scraped at', 'Creative Commons', 'Privacy Policy', 'Dimitar Dilkoff', 'Will Merrow', '©2026', 'By experts and staff', 'Senior Writer/Editor', 'Council on Foreign Relations']);
    });
  });

  describe('04 Carnegie Emissary, Q&A', () => {
    it('meta from the JSON blob, byline, author box and link list', () => {
      const { meta } = parse('04-');
      expect(meta.title).toBe('Is a Conflict-Ending Solution Even Possible in Ukraine?');
      expect(meta.publisher).toBe('Carnegie Endowment for International Peace');
      expect(meta.kind).toBe('Q&A');
      expect(meta.published).toBe('2026-02-27');
      expect(meta.summary).toMatch(/^On the fourth anniversary of Russia’s full-scale invasion/);
      expect(meta.authors.map((a) => a.name)).toEqual(['Eric Ciaramella', 'Aaron David Miller', 'Alexandra Prokopenko', 'Andriy Zagorodnyuk']);
      expect(meta.authors[0]!.url).toBe('https://carnegieendowment.org/people/eric-ciaramella');
      expect(meta.authors[3]!.bio).toMatch(/defense minister of Ukraine/);
      expect(meta.topics).toEqual(['Military', 'Security', 'Foreign Policy']);
      expect(meta.regions).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'Europe', 'United States']));
      expect(meta.related).toContainEqual(expect.objectContaining({ title: 'Are All Wars Now Drone Wars?', authors: ['Jon Bateman', 'Steve Feldstein'] }));
    });
    it('answers carry their speaker; promos, JSON and the author box are out of the body', () => {
      const brief = parse('04-');
      const claims = brief.children.flatMap((s) => s.children.flatMap((b) => (b.type === 'paragraph' ? b.children : [])));
      const normalcy = claims.find((c) => c.text.startsWith('What’s amazed me'));
      expect(normalcy?.speaker).toBe('Alexandra Prokopenko');
      expect(claims.find((c) => c.text.startsWith('Frankly, Aaron'))?.speaker).toBe('Andriy Zagorodnyuk');
      notInBody(brief, ['Learn More', 'Link Copied', 'Podcast Episode', '"authors"', 'Invalid video URL', 'About the Authors', 'institutional positions', 'Subscribe', 'Massachusetts Avenue', 'The American Statecraft Program develops', 'Aaron David Miller:', 'It’s dangerous to dismiss', 'Published on', 'Global Locations']);
    });
  });

  describe('05 Atlantic Council, front matter', () => {
    it('meta from front matter, closing bio and tag lines', () => {
      const { meta } = parse('05-');
      expect(meta.title).toBe('Unable to win on the battlefield, Putin escalates war on Ukrainian civilians');
      expect(meta.publisher).toBe('Atlantic Council');
      expect(meta.published).toBe('2026-01-30');
      expect(meta.sourceUrl).toMatch(/^https:\/\/www\.atlanticcouncil\.org\/blogs\/ukrainealert\//);
      expect(meta.authors.map((a) => a.name)).toEqual(['Peter Dickinson']);
      expect(meta.summary).toMatch(/^A war crime of staggering proportions/);
      expect(meta.regions).toEqual(expect.arrayContaining(['Russia', 'Ukraine']));
      expect(meta.topics).toEqual(expect.arrayContaining(['Human Rights', 'Drones']));
    });
    it('share bar, promos, tags, cookie and error junk are out of the body', () => {
      const brief = parse('05-');
      notInBody(brief, ['Facebook', 'Online Event', 'ERROR MESSAGE', 'We use cookies', 'Google Translate', 'Peter Dickinson is editor', 'The views expressed', 'Conflict Drones', 'Geopolitics & Energy', 'mission is to enhance', 'REUTERS/Valentyn']);
      expect(bodyOf(brief)).toContain('Putin is dramatically escalating attacks');
    });
  });

  describe('06 Foreign Policy newsletter', () => {
    it('meta: byline, front matter, reading list, tags', () => {
      const { meta } = parse('06-');
      expect(meta.title).toBe('Territory Still a Deal-Breaker in Ukraine-Russia-U.S. Abu Dhabi Talks');
      expect(meta.publisher).toBe('Foreign Policy');
      expect(meta.published).toBe('2026-01-23');
      expect(meta.authors.map((a) => a.name)).toEqual(['Maxine Davey']);
      expect(meta.summary).toBe('Trilateral discussions among Russia, Ukraine, and the United States show little sign of compromise from Moscow.');
      expect(meta.related).toContainEqual(expect.objectContaining({ title: 'The Grand Strategy Behind Trump’s Foreign Policy', authors: ['A. Wess Mitchell'] }));
      expect(meta.regions).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'United Arab Emirates']));
    });
    it('bold run-in leads are sections; duplicates, quiz and chrome are gone', () => {
      const brief = parse('06-');
      expect(headings(brief)).toEqual(expect.arrayContaining(['Parliamentary dissolution', 'Continued violence', 'Growing rift']));
      const body = bodyOf(brief);
      expect(body.split('Welcome back to World Brief').length - 1).toBe(1);
      expect(body.split('Officials from Russia, Ukraine, and the United States began talks').length - 1).toBe(1);
      notInBody(brief, ['use of cookies', 'Skip to navigation', 'Sign up to receive', 'My FP', 'Accepting undisclosed gifts', 'Commenting is a benefit', 'Read More On', 'Christina Lu', 'is an editorial fellow', 'Xi Jinping Can Never Trust', 'A large crowd of people']);
    });
  });

  describe('07 Fortune, front matter', () => {
    it('meta and trailing headlines', () => {
      const { meta } = parse('07-');
      expect(meta.title).toBe('Russia’s economy is now eating its own muscle as Putin’s war on Ukraine destroys future capacity');
      expect(meta.publisher).toBe('Fortune');
      expect(meta.published).toBe('2026-02-22');
      expect(meta.authors.map((a) => a.name)).toEqual(['Jason Ma']);
      expect(meta.related.length).toBeGreaterThanOrEqual(10);
      expect(meta.related.some((r) => r.title.startsWith('Goldman Sachs says'))).toBe(true);
      expect(meta.related.some((r) => r.title.startsWith('The Russian economy is eating its own muscle'))).toBe(false);
    });
    it('promo, bio and headlines are out of the body; the photo is an illustration', () => {
      const brief = parse('07-');
      notInBody(brief, ['Fortune Workplace Innovation Summit', 'Jason Ma is the weekend editor', 'Maya MacGuineas', 'Phoebe Gates', 'Getty Images']);
      const ills = brief.children.flatMap((s) => s.children.filter((b) => b.type === 'illustration'));
      expect(ills).toHaveLength(1);
    });
  });

  describe('11 Reuters, front matter', () => {
    it('meta: the URL and dateline correct the clipped date; reporters are the authors', () => {
      const { meta } = parse('11-');
      expect(meta.title).toBe("Power drought tips Ukraine's economy into worst crisis since war's first year");
      expect(meta.publisher).toBe('Reuters');
      expect(meta.published).toBe('2026-02-23');
      expect(meta.authors.map((a) => a.name)).toEqual(['Olena Harmash', 'Pavel Polityuk']);
      expect(meta.summary).toMatch(/^Ukraine's economy is enduring its toughest period.*shrinking state revenues\.$/);
      expect(meta.related).toContainEqual({
        title: 'Far-right files no-confidence motion against French PM over new energy law',
        url: 'https://reuters.com/business/energy/far-right-files-no-confidence-motion-against-french-pm-over-new-energy-law-2026-02-23/',
      });
    });
    it('promos, credits and trailing headlines are out of the body', () => {
      const brief = parse('11-');
      notInBody(brief, ['Refinitiv', 'Purchase Licensing Rights', 'Inside Track', 'opens new tab', 'Reporting by', 'Our Standards', 'Mandelson', 'El Mencho', 'Item 1 of 2']);
      expect(bodyOf(brief)).toContain('Survey indicates 80% of firms affected by electricity outages');
    });
  });
});
