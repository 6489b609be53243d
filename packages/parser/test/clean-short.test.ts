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
