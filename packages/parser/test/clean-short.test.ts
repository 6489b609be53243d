/**
 * Short documents: a page that is only its text keeps it. The head of a page ends at the first line
 * of running text, however short, and a document never comes out without body when it has sentences.
 */
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../src/parse-brief.js';
import { allClaims } from './helpers.js';

const claimsOf = (source: string, path: string): string[] => allClaims(parseBrief(source, { path })).map((c) => c.text);

describe('short documents keep their text', () => {
  const two = 'Ships were counted twice. The count rose.';

  it('a two-sentence .md', () => {
    expect(claimsOf(`${two}\n`, 'short.md')).toEqual(['Ships were counted twice.', 'The count rose.']);
  });

  it('a two-sentence .txt', () => {
    const brief = parseBrief(`${two}\n`, { path: 'short.txt' });
    expect(allClaims(brief).map((c) => c.text)).toEqual(['Ships were counted twice.', 'The count rose.']);
    expect(brief.residue).toEqual([]);
  });

  it('one short sentence alone', () => {
    expect(claimsOf('Ships were counted twice.\n', 'one.txt')).toEqual(['Ships were counted twice.']);
  });

  it('sentences on separate lines, and a short paragraph after the first', () => {
    expect(claimsOf('Ships were counted twice.\nThe count rose.\n', 'lines.md')).toEqual(['Ships were counted twice.', 'The count rose.']);
    expect(claimsOf(`${two}\n\nMore ships came.\n`, 'paras.md')).toEqual(['Ships were counted twice.', 'The count rose.', 'More ships came.']);
  });

  it('a title and one short paragraph: the title goes to meta, the paragraph stays', () => {
    const brief = parseBrief(`# Counting Ships in the Harbour\n\n${two}\n`, { path: 'titled.md' });
    expect(brief.meta.title).toBe('Counting Ships in the Harbour');
    expect(allClaims(brief).map((c) => c.text)).toEqual(['Ships were counted twice.', 'The count rose.']);
  });

  it('a plain-text label line before a short paragraph is head, the paragraph is body', () => {
    const brief = parseBrief(`Harbour Desk\n\n${two}\n`, { path: 'label.txt' });
    expect(allClaims(brief).map((c) => c.text)).toEqual(['Ships were counted twice.', 'The count rose.']);
    expect((brief.residue ?? []).map((r) => r.text)).toEqual(['Harbour Desk']);
  });

  it('a .txt title line and one short paragraph', () => {
    const brief = parseBrief(`Fleet Report on the Harbour Count\n\n${two}\n`, { path: 'titled.txt' });
    expect(brief.meta.title).toBe('Fleet Report on the Harbour Count');
    expect(allClaims(brief).map((c) => c.text)).toEqual(['Ships were counted twice.', 'The count rose.']);
  });

  it('a first-line headline in sentence case is the title, before the text or a byline', () => {
    const cases: Array<[string, string]> = [
      [`Harbour office counts the ships twice in one year\n\n${two}\n`, 'sentence-case.txt'],
      [`Harbour office counts the ships twice in one year\n\n${two}\n`, 'sentence-case.md'],
      [`\n\nHarbour office counts the ships twice in one year\nBy Mara Lind\nMarch 3, 2025\n\n${two}\n`, 'stacked.txt'],
      [`Why did 40% of the ships come twice?\n\n${two}\n`, 'question.txt'],
    ];
    for (const [source, path] of cases) {
      const brief = parseBrief(source, { path });
      expect(brief.meta.title, path).toBe(source.trim().split('\n')[0]);
      expect(allClaims(brief).map((c) => c.text), path).toEqual(['Ships were counted twice.', 'The count rose.']);
      expect(brief.residue?.map((r) => r.rule)[0], path).toBe('title');
    }
    expect(parseBrief(`\n\nHarbour office counts the ships twice in one year\nBy Mara Lind\nMarch 3, 2025\n\n${two}\n`, { path: 'stacked.txt' }).meta.authors).toEqual([{ name: 'Mara Lind' }]);
  });

  it('a first line is no sentence-case title when it reads as something else', () => {
    const untitled = (source: string, path = 'untitled.txt') => expect(parseBrief(source, { path }).meta.title, source).toBe('');
    // A sentence (closing full stop), a label (colon), too short (a site or series name), a lower-case start.
    untitled(`The harbour office counts the ships.\n\n${two}\n`);
    untitled(`Harbour office counts in one year:\n\n${two}\n`);
    untitled(`Harbour desk notes\n\n${two}\n`);
    untitled(`harbour office counts the ships twice in one year\n\n${two}\n`);
    // Not followed by sentences: a list of lines is no headline over a text.
    untitled('Harbour office counts the ships twice\nPorts and customs in the north\nFishing quotas for the coming year\n');
    // A linked line is navigation, not a title.
    untitled(`[Harbour office counts the ships twice](https://example.org/a)\n\n${two}\n`, 'linked.md');
    // Not the first line with text: a headline lower down is not the page's title.
    untitled(`${two}\n\nHarbour office counts the ships twice in one year\n\n${two}\n`);
  });

  it('a paragraph that repeats the front-matter description is the summary and still the body', () => {
    const brief = parseBrief(`---\ntitle: Counting Ships\ndescription: ${two}\n---\n\n${two}\n`, { path: 'fm.md' });
    expect(brief.meta.summary).toBe(two);
    expect(allClaims(brief).map((c) => c.text)).toEqual(['Ships were counted twice.', 'The count rose.']);
  });

  it('a single paragraph without title', () => {
    const text = 'The harbour office counted the ships twice this year. The second count was higher by a third. Officials blamed the fog.';
    expect(claimsOf(`${text}\n`, 'para.md')).toHaveLength(3);
  });

  it('an HTML page with only a <p>', () => {
    const html = `<!doctype html><html><body><p>${two}</p></body></html>`;
    expect(claimsOf(html, 'only-p.html')).toEqual(['Ships were counted twice.', 'The count rose.']);
  });

  it('short head lines before the text are still head, not body', () => {
    const brief = parseBrief(`# Counting Ships in the Harbour\n\nBy Mara Lind\n\nMarch 3, 2025\n\n${two}\n`, { path: 'head.md' });
    expect(brief.meta.authors.map((a) => a.name)).toEqual(['Mara Lind']);
    expect(brief.meta.published).toBe('2025-03-03');
    expect(allClaims(brief).map((c) => c.text)).toEqual(['Ships were counted twice.', 'The count rose.']);
  });
});
