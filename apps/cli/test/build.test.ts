import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { briefs, cleanup, listFiles, put, releaseTool, sampleDoc, snapshot, tempProject } from './build-helpers.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(cleanup));
});
afterAll(releaseTool);

async function project(count: number, extra: Record<string, string> = {}): Promise<string> {
  const files: Record<string, string> = { ...extra };
  for (let i = 1; i <= count; i++) files[`corpus/brief-${i}.md`] = sampleDoc(i);
  const dir = await tempProject(files);
  dirs.push(dir);
  return dir;
}

describe('briefs build', { timeout: 300_000 }, () => {
  it('builds, then skips what is up to date, with a --json summary', async () => {
    const cwd = await project(3);
    const first = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--json']);
    expect(first.stderr).toContain('briefs build: built 3');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.built).toEqual(['brief-1', 'brief-2', 'brief-3']);
    expect(summary.timings.totalMs).toBeGreaterThan(0);
    expect(await listFiles(join(cwd, 'out'))).toEqual(expect.arrayContaining(['ast/brief-1.json', 'data/documents.csv', 'data/datapackage.json']));

    const second = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ built: [], skipped: 3, failed: [], removed: [] });
  });

  it('exits 1 naming the bad file, and builds the good ones', async () => {
    const cwd = await project(2, { 'corpus/empty.md': '\n \n' });
    const run = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--jobs', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^corpus\/empty\.md(:\d+:\d+)?: .+$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const files = await listFiles(join(cwd, 'out'));
    expect(files).toEqual(expect.arrayContaining(['ast/brief-1.json', 'ast/brief-2.json']));
    expect(files).not.toContain('ast/empty.json');
  });

  it('--check exits 1 listing what is missing or stale, 0 when up to date', async () => {
    const cwd = await project(2);
    const missing = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--check']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('out/ast/brief-1.json: missing (corpus/brief-1.md)');
    expect(await listFiles(join(cwd, 'out'))).toEqual([]);

    expect((await briefs(cwd, ['build', 'corpus', '--out', 'out'])).code).toBe(0);
    const fresh = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--check']);
    expect(fresh).toMatchObject({ code: 0, stdout: '' });

    await put(cwd, 'corpus/brief-2.md', sampleDoc(2, 1));
    const stale = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('out/ast/brief-2.json: source changed (corpus/brief-2.md)');
    expect(stale.stdout).not.toContain('brief-1');

    await rm(join(cwd, 'corpus/brief-1.md'));
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'out'])).code).toBe(0);
    expect(await listFiles(join(cwd, 'out/ast'))).toEqual(['brief-2.json']);
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'out', '--check'])).code).toBe(0);
  });

  it('gives the same bytes for --jobs 1 and --jobs 2', async () => {
    const cwd = await project(8);
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'one', '--jobs', '1'])).code).toBe(0);
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'two', '--jobs', '2'])).code).toBe(0);
    const one = await snapshot(join(cwd, 'one'));
    expect(Object.keys(one).length).toBeGreaterThan(8);
    expect(await snapshot(join(cwd, 'two'))).toEqual(one);
  });

  it('exits 2 on usage mistakes', async () => {
    const cwd = await project(1);
    for (const args of [
      ['build', 'corpus'],
      ['build', 'corpus', '--out', 'out', '--jobs', '0'],
      ['build', 'corpus', '--out', 'out', '--shard', '3/2'],
      ['build', 'corpus', '--out', 'out', '--no-such-flag'],
    ]) {
      const run = await briefs(cwd, args);
      expect(run.code, args.join(' ')).toBe(2);
    }
    const missing = await briefs(cwd, ['build', 'nowhere', '--out', 'out']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere');
  });

  it('reads the pack file and config from briefs.config.json, and rebuilds when they change', async () => {
    const cwd = await project(2, { 'briefs.config.json': JSON.stringify({ bom: true }) });
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'out'])).code).toBe(0);
    const csv = await readFile(join(cwd, 'out/data/documents.csv'));
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await put(cwd, 'briefs.config.json', JSON.stringify({ bom: false }));
    const again = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ built: [], tables: 'written' });
    await put(cwd, 'briefs.config.json', JSON.stringify({ colour: 'red' }));
    const bad = await briefs(cwd, ['build', 'corpus', '--out', 'out']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("unknown key 'colour'");
  });
});

describe('briefs build --pack', { timeout: 300_000 }, () => {
  it('renders the pack the pack file describes, and rebuilds when it changes', async () => {
    const cwd = await project(2, { 'pack.yaml': 'title: Storage desk\ndocuments:\n  - brief-2\n  - corpus/brief-1.md\n' });
    const first = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--pack', 'pack.yaml', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const pdf = await readFile(join(cwd, 'out/pack.pdf')).catch(() => null);
    if (JSON.parse(first.stdout).pack === 'written') expect(pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'out', '--pack', 'pack.yaml', '--check'])).code).toBe(0);
    await put(cwd, 'pack.yaml', 'title: Storage desk, revised\n');
    const stale = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--pack', 'pack.yaml', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('settings changed');
    await put(cwd, 'pack.yaml', 'title: Storage desk\ndocuments:\n  - no-such-brief\n');
    const bad = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--pack', 'pack.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/pack\.yaml:3:\d+: .*no-such-brief/);
  });
});

describe('briefs export and merge', { timeout: 300_000 }, () => {
  it('export writes only the tables', async () => {
    const cwd = await project(3);
    const run = await briefs(cwd, ['export', 'corpus', '--out', 'out']);
    expect(run.code).toBe(0);
    const files = await listFiles(join(cwd, 'out'));
    expect(files.every((f) => f.startsWith('data/'))).toBe(true);
    expect(files).toContain('data/claims.csv');
    // The same tables a build makes.
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'full'])).code).toBe(0);
    const full = await snapshot(join(cwd, 'full'));
    const exported = await snapshot(join(cwd, 'out'));
    for (const [file, hash] of Object.entries(exported)) expect(full[file], file).toBe(hash);
  });

  it('merge of shards equals one build', async () => {
    const cwd = await project(7);
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'single'])).code).toBe(0);
    for (const i of [1, 2]) expect((await briefs(cwd, ['build', 'corpus', '--out', `s${i}`, '--shard', `${i}/2`])).code).toBe(0);
    const merged = await briefs(cwd, ['merge', 's1', 's2', '--out', 'merged']);
    expect(merged.code).toBe(0);
    expect(await snapshot(join(cwd, 'merged'))).toEqual(await snapshot(join(cwd, 'single')));
    expect((await briefs(cwd, ['merge', 's1', '--out', 'm2'])).code).toBe(2);
  });
});
