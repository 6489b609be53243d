import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Brief } from '@briefs/ast';
import { BriefsError } from '@briefs/ast';
import { describe, expect, it } from 'vitest';
import { TABLES, writeTables } from '../src/index.js';
import { brief, claim, section } from './helpers/make-brief.js';
import { tempDir } from './helpers/read-csv.js';
import { sampleBriefs } from './helpers/sample-briefs.js';

const FILES = [...TABLES.map((t) => t.path), 'datapackage.json', 'briefs.xlsx'].sort();

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = (await readFile(path.join(dir, name))).toString('base64');
  return out;
}

describe('writeTables', () => {
  it('writes the ten files and reports what it wrote', async () => {
    const dir = await tempDir('files');
    const summary = await writeTables(sampleBriefs(), dir);
    expect((await readdir(dir)).sort()).toEqual(FILES);
    expect(summary.files.map((f) => path.basename(f)).sort()).toEqual(FILES);
    expect(summary.documents).toBe(3);
    expect(summary.rows.documents).toBe(3);
    expect(summary.rows.figures).toBe(5);
  });

  it('gives the same bytes from an async iterable as from an array, and for the same input twice', async () => {
    const a = await tempDir('array');
    const b = await tempDir('async');
    await writeTables(sampleBriefs(), a);
    async function* stream(): AsyncGenerator<Brief> {
      for (const item of sampleBriefs()) {
        await new Promise((resolve) => setImmediate(resolve));
        yield item;
      }
    }
    await writeTables(stream(), b);
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('leaves the previous files untouched, and no temporary file, when the input fails midway', async () => {
    const dir = await tempDir('atomic');
    await writeTables(sampleBriefs(), dir);
    const before = await snapshot(dir);
    function* failing(): Generator<Brief> {
      yield brief('other', [section('s1', 1, 'H', [claim('c1', 'One.')])]);
      throw new Error('the parser died');
    }
    await expect(writeTables(failing(), dir)).rejects.toThrow('the parser died');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses two documents with one id, naming the file', async () => {
    const dir = await tempDir('dup');
    const twin = brief('same', [], {}, { source: { path: 'b/same.md', format: 'markdown', encoding: 'utf-8', bytes: 1, sha256: '' } });
    const error = await writeTables([brief('same', []), twin], dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefsError);
    expect((error as BriefsError).code).toBe('E_INPUT_INVALID');
    expect((error as BriefsError).format()).toBe('b/same.md: two documents have the id "same"; document ids must be unique');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses what is not a brief', async () => {
    const dir = await tempDir('invalid');
    const error = await writeTables([{ type: 'section' } as unknown as Brief], dir).catch((e: unknown) => e);
    expect((error as BriefsError).code).toBe('E_INPUT_INVALID');
  });

  it('reports an unwritable folder as E_OUTPUT', async () => {
    const dir = await tempDir('blocked');
    const file = path.join(dir, 'data');
    await writeFile(file, 'not a folder');
    const error = await writeTables(sampleBriefs(), file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefsError);
    expect((error as BriefsError).code).toBe('E_OUTPUT');
  });

  it('writes header-only tables for no documents', async () => {
    const dir = await tempDir('empty');
    const summary = await writeTables([], dir);
    expect(summary.documents).toBe(0);
    expect(await readFile(path.join(dir, 'links.csv'), 'utf8')).toBe('doc_id,url,text,line,column,link_id,claim_id\r\n');
  });

  it('starts every CSV with a BOM on request, and skips the workbook on request', async () => {
    const dir = await tempDir('bom');
    await writeTables(sampleBriefs(), dir, { bom: true, xlsx: false });
    expect(await readdir(dir)).not.toContain('briefs.xlsx');
    for (const table of TABLES) expect((await readFile(path.join(dir, table.path))).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('warns, as a value, about a publication date that is not a calendar date', async () => {
    const dir = await tempDir('warn');
    const summary = await writeTables([brief('x', [], { published: 'Fall 2019' })], dir);
    expect(summary.warnings).toEqual([
      { docId: 'x', table: 'documents', column: 'published', message: '"Fall 2019" is not a calendar date; left empty' },
    ]);
    expect(summary.warningCount).toBe(1);
  });
});
