import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBriefsError } from '@briefs/ast';
import { describe, expect, it } from 'vitest';
import { loadPackFile, parsePackFile, selectPackBriefs } from '../src/index.js';
import { sampleBrief } from './fixtures/sample-brief.js';

const dir = mkdtempSync(join(tmpdir(), 'briefs-pack-file-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
// A 1×1 PNG is enough for a logo that must exist.
const logo = join(dir, 'logo.png');
writeFileSync(logo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

const YAML = `title: Ministerial briefing
subtitle: Energy and reconstruction
date: 2024-03-01
documents:
  - doc-2
  - corpus/doc-0.md
order: listed
pageSize: Letter
theme:
  organisation: Example Ministry
  colours:
    primary: "#123456"
    accent: "#A23B2A"
  logo: logo.png
`;

function failure(text: string, name = 'pack.yaml'): { message: string; line: number | undefined; file: string | undefined } {
  try {
    parsePackFile(text, join(dir, name));
  } catch (error) {
    if (!isBriefsError(error)) throw error;
    expect(error.code).toBe('E_CONFIG_INVALID');
    return { message: error.message, line: error.point?.line, file: error.file };
  }
  throw new Error('expected a validation error');
}

describe('pack files', () => {
  it('reads a YAML pack file', async () => {
    const path = join(dir, 'pack.yaml');
    writeFileSync(path, YAML);
    const config = await loadPackFile(path);
    expect(config).toMatchObject({
      title: 'Ministerial briefing',
      subtitle: 'Energy and reconstruction',
      date: '2024-03-01',
      order: 'listed',
      pageSize: 'Letter',
      theme: { organisation: 'Example Ministry', colours: { primary: '#123456', accent: '#a23b2a' }, logo },
    });
    expect(config.documents).toEqual([
      { ref: 'doc-2', line: 5, column: 5 },
      { ref: 'corpus/doc-0.md', line: 6, column: 5 },
    ]);
  });

  it('reads the same pack as JSON, with lines for errors', async () => {
    const path = join(dir, 'pack.json');
    writeFileSync(path, JSON.stringify({ title: 'J', documents: ['doc-1'], pageSize: 'A4' }, null, 2));
    const config = await loadPackFile(path);
    expect(config).toMatchObject({ title: 'J', pageSize: 'A4', documents: [{ ref: 'doc-1', line: 4 }] });
    expect(failure('{\n  "title": "J",\n  "pageSize": "A5"\n}', 'bad.json')).toMatchObject({ line: 3, message: expect.stringContaining('A4 or Letter') });
  });

  it('names the file and line of every problem', () => {
    expect(failure('title: T\nsubtitel: typo\n')).toMatchObject({ line: 2, file: join(dir, 'pack.yaml'), message: expect.stringContaining('unknown key `subtitel`') });
    expect(failure('subtitle: no title\n')).toMatchObject({ message: expect.stringContaining('`title` is required') });
    expect(failure('title: T\ndate: 1 March 2024\n')).toMatchObject({ line: 2, message: expect.stringContaining('ISO date') });
    expect(failure('title: T\ndocuments: doc-1\n')).toMatchObject({ line: 2, message: expect.stringContaining('list') });
    expect(failure('title: T\ntheme:\n  colours:\n    primary: blue\n')).toMatchObject({ line: 4, message: expect.stringContaining('hex colour') });
    expect(failure('title: T\ntheme:\n  logo: missing.png\n')).toMatchObject({ line: 3, message: expect.stringContaining('not found') });
    expect(failure('title: T\ntheme:\n  logo: logo.svg\n')).toMatchObject({ line: 3, message: expect.stringContaining('PNG or JPEG') });
    expect(failure('title: [unclosed\n')).toMatchObject({ message: expect.stringContaining('not valid YAML or JSON') });
    expect(failure('- just\n- a list\n')).toMatchObject({ line: 1, message: expect.stringContaining('mapping') });
  });

  it('reports a missing pack file', async () => {
    await expect(loadPackFile(join(dir, 'nope.yaml'))).rejects.toMatchObject({ code: 'E_INPUT_NOT_FOUND' });
  });

  it('selects documents by id or path, in pack order, and names an unknown one', () => {
    const briefs = [0, 1, 2].map((i) => sampleBrief(`doc-${i}`, i));
    const config = parsePackFile(YAML, join(dir, 'pack.yaml'));
    expect(selectPackBriefs(briefs, config, dir).map((b) => b.id)).toEqual(['doc-2', 'doc-0']);
    const everything = parsePackFile('title: All\norder: published\n', join(dir, 'all.yaml'));
    expect(selectPackBriefs([...briefs].reverse(), everything, dir).map((b) => b.id)).toEqual(['doc-0', 'doc-1', 'doc-2']);
    const unknown = parsePackFile('title: T\ndocuments:\n  - doc-0\n  - doc-9\n', join(dir, 'u.yaml'));
    expect(() => selectPackBriefs(briefs, unknown, dir)).toThrow(/no input document matches "doc-9"/);
    try {
      selectPackBriefs(briefs, unknown, dir);
    } catch (error) {
      expect(isBriefsError(error) && error.format()).toBe(`${join(dir, 'u.yaml')}:4:5: no input document matches "doc-9" (give a doc-id or a source path)`);
    }
  });
});
