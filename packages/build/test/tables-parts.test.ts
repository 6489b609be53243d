import { copyFile, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, exportTables } from '../src/index.js';
import { cleanup, put, sampleDoc, snapshot, tempProject } from './helpers.js';

/**
 * The tables from each document's kept share (`.briefs-parts/<id>.tables`): a rebuild reads the
 * shares, not the ASTs, so these check that what it joins is always what a fresh build writes.
 */

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(cleanup));
});

async function project(count: number): Promise<string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) files[`src/doc-${i}.md`] = sampleDoc(i);
  const dir = await tempProject(files);
  dirs.push(dir);
  return dir;
}

const lines: string[] = [];
const reporter = { start() {}, tick() {}, end() {}, line: (text: string) => lines.push(text) };
const run = (cwd: string, outDir = 'out') => build({ cwd, inputs: ['src'], outDir, jobs: 1, config: false, reporter });

/** The files of `data/` and the shares, from `snapshot`. */
const pick = (files: Record<string, string>, prefix: string): Record<string, string> =>
  Object.fromEntries(Object.entries(files).filter(([name]) => name.startsWith(prefix)));

/** The same sources built from nothing, in another folder: the tables every rebuild must equal. */
async function freshTables(cwd: string): Promise<Record<string, string>> {
  await rm(join(cwd, 'fresh'), { recursive: true, force: true });
  await run(cwd, 'fresh');
  return pick(await snapshot(join(cwd, 'fresh')), 'data/');
}

describe('tables from the documents\' kept shares', () => {
  it('keeps one share per document; a changed document changes its share only, and the tables are a fresh build\'s', async () => {
    const cwd = await project(4);
    await run(cwd);
    const before = await snapshot(join(cwd, 'out'));
    expect(Object.keys(pick(before, '.briefs-parts/')).filter((f) => f.endsWith('.tables'))).toEqual([1, 2, 3, 4].map((i) => `.briefs-parts/doc-${i}.tables`));

    await put(cwd, 'src/doc-2.md', sampleDoc(2, 'Grid Brief Two, Revised'));
    const summary = await run(cwd);
    expect(summary.built).toEqual(['doc-2']);
    expect(summary.tables).toBe('written');
    const after = await snapshot(join(cwd, 'out'));
    for (const i of [1, 3, 4]) expect(after[`.briefs-parts/doc-${i}.tables`]).toBe(before[`.briefs-parts/doc-${i}.tables`]);
    expect(after['.briefs-parts/doc-2.tables']).not.toBe(before['.briefs-parts/doc-2.tables']);
    expect(pick(after, 'data/')).not.toEqual(pick(before, 'data/'));
    expect(pick(after, 'data/')).toEqual(await freshTables(cwd));
    // And a fresh build keeps the same shares.
    expect(pick(await snapshot(join(cwd, 'fresh')), '.briefs-parts/')).toEqual(pick(after, '.briefs-parts/'));
  });

  it('removes the share of a deleted source with its other outputs', async () => {
    const cwd = await project(3);
    await run(cwd);
    await rm(join(cwd, 'src/doc-3.md'));
    const summary = await run(cwd);
    expect(summary.removed).toContain('.briefs-parts/doc-3.tables');
    await expect(stat(join(cwd, 'out/.briefs-parts/doc-3.tables'))).rejects.toThrow();
    expect(pick(await snapshot(join(cwd, 'out')), 'data/')).toEqual(await freshTables(cwd));
  });

  it('makes a damaged, cut or foreign share again from its AST, says so, and writes the tables a fresh build does', async () => {
    const cwd = await project(4);
    await run(cwd);
    const parts = join(cwd, 'out/.briefs-parts');
    const kept = await readFile(join(parts, 'doc-1.tables'));
    kept[kept.length >> 1]! ^= 0x20; // one byte changed in the middle
    await writeFile(join(parts, 'doc-1.tables'), kept);
    await truncate(join(parts, 'doc-3.tables'), 100);
    await copyFile(join(parts, 'doc-2.tables'), join(parts, 'doc-4.tables')); // another document's
    // Another document changes, so the tables are written again from the shares.
    await put(cwd, 'src/doc-2.md', sampleDoc(2, 'Grid Brief Two, Revised'));
    lines.length = 0;
    const summary = await run(cwd);
    expect(summary.built).toEqual(['doc-2']);
    expect(lines).toEqual([
      '.briefs-parts/doc-1.tables: damaged tables part: its checksum does not match its bytes; made again from ast/doc-1.json',
      '.briefs-parts/doc-3.tables: damaged tables part: its checksum does not match its bytes; made again from ast/doc-3.json',
      '.briefs-parts/doc-4.tables: made from another version of the document; made again from ast/doc-4.json',
    ]);
    const after = await snapshot(join(cwd, 'out'));
    expect(pick(after, 'data/')).toEqual(await freshTables(cwd));
    expect(pick(after, '.briefs-parts/')).toEqual(pick(await snapshot(join(cwd, 'fresh')), '.briefs-parts/'));
  });

  it('refuses to make a share from an AST changed since it was built, naming it', async () => {
    const cwd = await project(2);
    await run(cwd);
    await writeFile(join(cwd, 'out/.briefs-parts/doc-1.tables'), 'not a share');
    await writeFile(join(cwd, 'out/ast/doc-1.json'), '{"type":"brief"}');
    await put(cwd, 'src/doc-2.md', sampleDoc(2, 'Grid Brief Two, Revised'));
    const before = pick(await snapshot(join(cwd, 'out')), 'data/');
    const error = await run(cwd).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BriefsError', code: 'E_INPUT_INVALID', file: 'ast/doc-1.json' });
    expect((error as Error).message).toContain('--force');
    expect(pick(await snapshot(join(cwd, 'out')), 'data/')).toEqual(before);
    // The way out it names.
    expect((await build({ cwd, inputs: ['src'], outDir: 'out', jobs: 1, config: false, force: true })).tables).toBe('written');
    expect(pick(await snapshot(join(cwd, 'out')), 'data/')).toEqual(await freshTables(cwd));
  });

  it('gives `export` the tables of a build', async () => {
    const cwd = await project(3);
    await run(cwd);
    await exportTables({ cwd, inputs: ['src'], outDir: 'exported', jobs: 2, config: false });
    expect(pick(await snapshot(join(cwd, 'exported')), 'data/')).toEqual(pick(await snapshot(join(cwd, 'out')), 'data/'));
  });
});
