import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, build, check, readManifest } from '../src/index.js';
import { loadPdfStage } from '../src/stages.js';
import { cleanup, put, sampleDoc, snapshot, tempProject } from './helpers.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(cleanup));
});

async function project(count: number, extra: Record<string, string> = {}): Promise<string> {
  const files: Record<string, string> = { ...extra };
  for (let i = 1; i <= count; i++) files[`src/doc-${i}.md`] = sampleDoc(i);
  const dir = await tempProject(files);
  dirs.push(dir);
  return dir;
}

const run = (cwd: string, more: Partial<Parameters<typeof build>[0]> = {}) => build({ cwd, inputs: ['src'], outDir: 'out', jobs: 1, config: false, ...more });

describe('build', () => {
  it('writes the layout of CONTRACT.md and a manifest', async () => {
    const cwd = await project(3);
    const summary = await run(cwd);
    expect(summary.built).toEqual(['doc-1', 'doc-2', 'doc-3']);
    expect(summary.failed).toEqual([]);
    const files = Object.keys(await snapshot(join(cwd, 'out')));
    expect(files).toContain('ast/doc-1.json');
    expect(files).toContain(MANIFEST_NAME);
    expect(files).toContain('data/documents.csv');
    if (await loadPdfStage()) {
      expect(files).toContain('briefs/doc-1.pdf');
      expect(files).toContain('pack.pdf');
    }
    const ast = JSON.parse(await readFile(join(cwd, 'out/ast/doc-2.json'), 'utf8'));
    expect(ast.id).toBe('doc-2');
    // Paths in outputs are relative to the working folder: the same on every machine.
    const manifest = await readManifest(join(cwd, 'out'));
    expect(manifest?.documents.map((d) => d.source)).toEqual(['src/doc-1.md', 'src/doc-2.md', 'src/doc-3.md']);
    expect(await readFile(join(cwd, 'out', MANIFEST_NAME), 'utf8')).not.toContain(cwd);
    expect(await readFile(join(cwd, 'out/data/documents.csv'), 'utf8')).not.toContain(cwd);
  });

  it('skips unchanged documents and writes nothing when all is up to date', async () => {
    const cwd = await project(3);
    await run(cwd);
    const before = await snapshot(join(cwd, 'out'));
    const mtime = (await stat(join(cwd, 'out', MANIFEST_NAME))).mtimeMs;
    const again = await run(cwd);
    expect(again.built).toEqual([]);
    expect(again.skipped).toBe(3);
    expect(again.tables).toBe('up to date');
    expect(await snapshot(join(cwd, 'out'))).toEqual(before);
    expect((await stat(join(cwd, 'out', MANIFEST_NAME))).mtimeMs).toBe(mtime);
  });

  it('rebuilds only the changed document, and the tables that contain it', async () => {
    const cwd = await project(3);
    await run(cwd);
    const before = await snapshot(join(cwd, 'out'));
    await put(cwd, 'src/doc-2.md', sampleDoc(2, 'Grid Brief Two, Revised'));
    const summary = await run(cwd);
    expect(summary.built).toEqual(['doc-2']);
    expect(summary.skipped).toBe(2);
    const after = await snapshot(join(cwd, 'out'));
    expect(after['ast/doc-1.json']).toBe(before['ast/doc-1.json']);
    expect(after['ast/doc-3.json']).toBe(before['ast/doc-3.json']);
    // Tables and pack are made from the ASTs: rewritten when the AST changed, and only then.
    const astChanged = after['ast/doc-2.json'] !== before['ast/doc-2.json'];
    expect(summary.tables).toBe(astChanged ? 'written' : 'up to date');
    if (!astChanged) expect(after['data/documents.csv']).toBe(before['data/documents.csv']);
  });

  it('assembles the pack from kept parts: a changed document redraws its own part only, and the pack is the one a fresh build makes', async () => {
    const cwd = await project(3);
    await run(cwd);
    const before = await snapshot(join(cwd, 'out'));
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['.briefs-parts/doc-1.pdf', '.briefs-parts/doc-1.json', '.briefs-parts/doc-3.pdf']));
    await put(cwd, 'src/doc-2.md', sampleDoc(2, 'Grid Brief Two, Revised'));
    await run(cwd);
    const after = await snapshot(join(cwd, 'out'));
    expect(after['.briefs-parts/doc-1.pdf']).toBe(before['.briefs-parts/doc-1.pdf']);
    expect(after['.briefs-parts/doc-3.pdf']).toBe(before['.briefs-parts/doc-3.pdf']);
    expect(after['.briefs-parts/doc-2.pdf']).not.toBe(before['.briefs-parts/doc-2.pdf']);
    expect(after['pack.pdf']).not.toBe(before['pack.pdf']);
    // The contents, "at a glance" and the appendix are kept beside the parts as pieces, those of the last pack only.
    const pieces = (files: Record<string, string>): string[] => Object.keys(files).filter((f) => /^\.briefs-parts\/\.section-[0-9a-f]{64}\.(pdf|json)$/.test(f));
    expect(pieces(before)).toHaveLength(6);
    expect(pieces(after)).toHaveLength(6);
    expect(pieces(after)).not.toEqual(pieces(before));
    // The same sources built from nothing: the same pack, byte for byte.
    const fresh = await project(3);
    await put(fresh, 'src/doc-2.md', sampleDoc(2, 'Grid Brief Two, Revised'));
    await run(fresh);
    expect((await snapshot(join(fresh, 'out')))['pack.pdf']).toBe(after['pack.pdf']);
    // A deleted source takes its part with it.
    await rm(join(cwd, 'src/doc-3.md'));
    const summary = await run(cwd);
    expect(summary.removed).toEqual(expect.arrayContaining(['.briefs-parts/doc-3.json', '.briefs-parts/doc-3.pdf']));
  });

  it("keeps a document's charts as drawn, and draws again only those that changed, for the same tool only", async () => {
    const cwd = await project(2);
    await run(cwd);
    const file = join(cwd, 'out/.briefs-parts/doc-1.charts');
    const kept = JSON.parse(await readFile(file, 'utf8')) as { tool: string; svgs: Record<string, string> };
    expect(Object.keys(kept.svgs).length).toBeGreaterThan(0);
    for (const svg of Object.values(kept.svgs)) expect(svg).toContain("<svg");
    // Drawings that are not what the charts show: a rebuild that takes them is seen in its PDFs.
    const marker = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#ff0000"/></svg>';
    const tamper = (tool: string) => writeFile(file, `${JSON.stringify({ tool, svgs: Object.fromEntries(Object.keys(kept.svgs).map((k) => [k, marker])) })}\n`);
    const fresh = await project(2);
    const revise = async (title: string) => {
      for (const dir of [cwd, fresh]) await put(dir, 'src/doc-1.md', sampleDoc(1, title));
      await run(cwd);
      await run(fresh, { force: true, jobs: 2 });
      return [await snapshot(join(cwd, 'out')), await snapshot(join(fresh, 'out'))] as const;
    };
    // A new title changes no chart: every drawing is taken as kept, none drawn.
    await tamper(kept.tool);
    const [taken, drawn] = await revise('Grid Brief One, Retitled');
    expect(taken['briefs/doc-1.pdf']).not.toBe(drawn['briefs/doc-1.pdf']);
    expect(taken['.briefs-parts/doc-1.pdf']).not.toBe(drawn['.briefs-parts/doc-1.pdf']);
    expect(Object.values((JSON.parse(await readFile(file, 'utf8')) as typeof kept).svgs)).toEqual(Object.keys(kept.svgs).map(() => marker));
    // Kept by another tool: not taken.
    await tamper('another tool');
    const [again, anew] = await revise('Grid Brief One, Retitled Again');
    expect(again['briefs/doc-1.pdf']).toBe(anew['briefs/doc-1.pdf']);
    expect(again['.briefs-parts/doc-1.charts']).toBe(anew['.briefs-parts/doc-1.charts']);
    expect(again['pack.pdf']).toBe(anew['pack.pdf']);
    // A deleted source takes its charts with it.
    await rm(join(cwd, 'src/doc-1.md'));
    expect((await run(cwd)).removed).toContain('.briefs-parts/doc-1.charts');
  });

  it('leaves the pack alone when only a document its pack file leaves out changed', async () => {
    const cwd = await project(3, { 'pack.yaml': 'title: Two of three\ndocuments:\n  - doc-1\n  - src/doc-2.md\n' });
    await run(cwd, { pack: 'pack.yaml' });
    const before = await snapshot(join(cwd, 'out'));
    expect(Object.keys(before)).not.toContain('.briefs-parts/doc-3.pdf');
    await put(cwd, 'src/doc-3.md', sampleDoc(3, 'Grid Brief Three, Revised'));
    const summary = await run(cwd, { pack: 'pack.yaml' });
    expect(summary.built).toEqual(['doc-3']);
    expect(summary.pack).toBe('up to date');
    expect((await snapshot(join(cwd, 'out')))['pack.pdf']).toBe(before['pack.pdf']);
    await put(cwd, 'src/doc-2.md', sampleDoc(2, 'Grid Brief Two, Revised'));
    expect((await run(cwd, { pack: 'pack.yaml' })).pack).toBe('written');
  });

  it('reports a pack file error from the pack process as it would from this one', async () => {
    const cwd = await project(2, { 'pack.yaml': 'title: Wrong\ndocuments:\n  - doc-1\n  - no-such-doc\n' });
    // Two jobs: the pack is written by its own process while the tables are written here.
    const failure = await run(cwd, { pack: 'pack.yaml', jobs: 2 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'BriefsError', code: 'E_CONFIG_INVALID', point: { line: 4 } });
    expect((failure as Error).message).toContain('no-such-doc');
    expect((await snapshot(join(cwd, 'out')))['pack.pdf']).toBeUndefined();
  });

  it('rebuilds a document whose output was deleted, and everything with --force', async () => {
    const cwd = await project(2);
    await run(cwd);
    await rm(join(cwd, 'out/ast/doc-1.json'));
    expect((await run(cwd)).built).toEqual(['doc-1']);
    expect((await run(cwd, { force: true })).built).toEqual(['doc-1', 'doc-2']);
  });

  it('removes the outputs of deleted sources', async () => {
    const cwd = await project(3);
    await run(cwd);
    await rm(join(cwd, 'src/doc-3.md'));
    const summary = await run(cwd);
    expect(summary.built).toEqual([]);
    expect(summary.removed).toContain('ast/doc-3.json');
    expect(await readdir(join(cwd, 'out/ast'))).toEqual(['doc-1.json', 'doc-2.json']);
    expect(await readFile(join(cwd, 'out/data/documents.csv'), 'utf8')).not.toContain('doc-3');
    const manifest = await readManifest(join(cwd, 'out'));
    expect(manifest?.documents.map((d) => d.id)).toEqual(['doc-1', 'doc-2']);
  });

  it('removes the pack and its kept pieces when every document is removed', async () => {
    const cwd = await project(2);
    await run(cwd);
    const pieces = async (): Promise<string[]> => (await readdir(join(cwd, 'out/.briefs-parts'))).filter((f) => f.startsWith('.section-'));
    expect(await pieces()).toHaveLength(6);
    await rm(join(cwd, 'src/doc-1.md'));
    await rm(join(cwd, 'src/doc-2.md'));
    await put(cwd, 'src/notes.bin', 'not a source');
    const summary = await run(cwd);
    expect(summary.removed).toEqual(expect.arrayContaining(['.briefs-parts/doc-1.pdf', '.briefs-parts/doc-2.json']));
    expect((await snapshot(join(cwd, 'out')))['pack.pdf']).toBeUndefined();
    expect(await pieces()).toEqual([]);
  });

  it('reports a bad document with its file and builds the others', async () => {
    const cwd = await project(2, { 'src/bad.md': '  \n\n' });
    const summary = await run(cwd, { jobs: 2 });
    expect(summary.built).toEqual(['doc-1', 'doc-2']);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]?.file).toBe('src/bad.md');
    expect(summary.failed[0]?.text).toMatch(/^src\/bad\.md(:\d+:\d+)?: /);
    await expect(stat(join(cwd, 'out/ast/bad.json'))).rejects.toThrow();
    // The failure is not recorded: the next build tries it again, and fixing it builds it.
    expect((await run(cwd)).failed).toHaveLength(1);
    await put(cwd, 'src/bad.md', sampleDoc(9));
    const fixed = await run(cwd);
    expect(fixed.built).toEqual(['bad']);
    expect(fixed.failed).toEqual([]);
  });

  it('cleans temporary files a killed build left behind', async () => {
    const cwd = await project(1);
    await run(cwd);
    await writeFile(join(cwd, 'out/ast/.0123456789ab.tmp'), 'half a fi');
    await writeFile(join(cwd, 'out/data/.ba9876543210.tmp'), 'half');
    await run(cwd);
    expect(await readdir(join(cwd, 'out/ast'))).toEqual(['doc-1.json']);
    expect((await readdir(join(cwd, 'out/data'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('gives identical bytes with 1 and 2 jobs', async () => {
    const cwd = await project(6);
    await run(cwd, { outDir: 'one', jobs: 1 });
    await run(cwd, { outDir: 'two', jobs: 2 });
    const one = await snapshot(join(cwd, 'one'));
    expect(Object.keys(one).length).toBeGreaterThan(6);
    expect(await snapshot(join(cwd, 'two'))).toEqual(one);
  });

  it('draws a one-document rebuild in the PDF process, byte for byte as in this one, errors alike', async () => {
    // With two jobs and one document to build, its PDFs and the pack are drawn by a process
    // started first; with one job, all of it here. The outputs are the same.
    const two = await project(3);
    const one = await project(3);
    await run(two);
    await run(one);
    for (const cwd of [two, one]) await put(cwd, 'src/doc-2.md', sampleDoc(2, 'Grid Brief Two, Revised'));
    expect((await run(two, { jobs: 2 })).built).toEqual(['doc-2']);
    expect((await run(one, { jobs: 1 })).built).toEqual(['doc-2']);
    const drawn = await snapshot(join(two, 'out'));
    expect(drawn['briefs/doc-2.pdf']).toBeDefined();
    expect(drawn).toEqual(await snapshot(join(one, 'out')));

    // Two documents to build: the workers draw them, and the process started first writes the
    // pack from the sidecars as the workers left them.
    for (const cwd of [two, one]) {
      await put(cwd, 'src/doc-1.md', sampleDoc(1, 'Grid Brief One, Revised'));
      await put(cwd, 'src/doc-3.md', sampleDoc(3, 'Grid Brief Three, Revised'));
    }
    expect((await run(two, { jobs: 2 })).built).toEqual(['doc-1', 'doc-3']);
    expect((await run(one, { jobs: 1 })).built).toEqual(['doc-1', 'doc-3']);
    expect(await snapshot(join(two, 'out'))).toEqual(await snapshot(join(one, 'out')));

    // A pack file that cannot be read fails the document, named with its file and line.
    const failed = [];
    for (const jobs of [2, 1]) {
      const cwd = await project(1, { 'pack.yaml': 'title: Broken\ndocuments: [doc-1\n' });
      failed.push((await run(cwd, { jobs, pack: 'pack.yaml' })).failed.map((f) => ({ ...f, file: f.file.replace(cwd, ''), text: f.text.replace(cwd, '') })));
    }
    expect(failed[0]).toHaveLength(1);
    expect(failed[0]![0]).toMatchObject({ id: 'doc-1', file: '/pack.yaml', line: expect.any(Number) });
    expect(failed[0]).toEqual(failed[1]);
  });

  it('replaces worker processes that grew past the memory bound, with the same bytes', async () => {
    const cwd = await project(5);
    await run(cwd, { outDir: 'one', jobs: 1 });
    // A bound every worker passes: each document is drawn by a fresh process.
    process.env.BRIEFS_WORKER_MAX_RSS_MB = '1';
    try {
      const summary = await run(cwd, { outDir: 'two', jobs: 2 });
      expect(summary.built).toHaveLength(5);
      expect(summary.failed).toEqual([]);
    } finally {
      delete process.env.BRIEFS_WORKER_MAX_RSS_MB;
    }
    expect(await snapshot(join(cwd, 'two'))).toEqual(await snapshot(join(cwd, 'one')));
  });

  it('does not depend on the clock, and honours SOURCE_DATE_EPOCH', async () => {
    const cwd = await project(2);
    await run(cwd, { outDir: 'a' });
    await new Promise((r) => setTimeout(r, 1100));
    await run(cwd, { outDir: 'b' });
    expect(await snapshot(join(cwd, 'b'))).toEqual(await snapshot(join(cwd, 'a')));
    // A different epoch is a different setting: everything is rebuilt.
    const again = await run(cwd, { outDir: 'a', env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(again.built).toEqual(['doc-1', 'doc-2']);
  });
});

describe('build --check', () => {
  it('is up to date after a build, stale after a change, and writes nothing', async () => {
    const cwd = await project(2);
    expect((await check({ cwd, inputs: ['src'], outDir: 'out', config: false })).upToDate).toBe(false);
    await expect(stat(join(cwd, 'out'))).rejects.toThrow();
    await run(cwd);
    const fresh = await check({ cwd, inputs: ['src'], outDir: 'out', config: false });
    expect(fresh).toEqual({ upToDate: true, stale: [] });

    await put(cwd, 'src/doc-1.md', sampleDoc(1, 'Changed'));
    await put(cwd, 'src/doc-new.md', sampleDoc(5));
    const before = await snapshot(join(cwd, 'out'));
    const stale = await check({ cwd, inputs: ['src'], outDir: 'out', config: false });
    expect(stale.upToDate).toBe(false);
    const paths = stale.stale.map((s) => s.path);
    expect(paths).toContain('ast/doc-1.json');
    expect(paths).toContain('ast/doc-new.json');
    expect(paths).toContain('data/');
    expect(paths).not.toContain('ast/doc-2.json');
    expect(await snapshot(join(cwd, 'out'))).toEqual(before);

    await rm(join(cwd, 'src/doc-2.md'));
    await run(cwd);
    await put(cwd, 'src/doc-2.md', sampleDoc(2));
    await rm(join(cwd, 'src/doc-new.md'));
    const removed = await check({ cwd, inputs: ['src'], outDir: 'out', config: false });
    expect(removed.stale.map((s) => `${s.path} ${s.reason}`)).toEqual(expect.arrayContaining(['ast/doc-new.json source removed']));
  });

  it('is stale when a table file is missing', async () => {
    const cwd = await project(1);
    await run(cwd);
    await rm(join(cwd, 'out/data/claims.csv'));
    expect((await check({ cwd, inputs: ['src'], outDir: 'out', config: false })).stale).toEqual([{ path: 'data/', reason: 'missing or stale' }]);
    expect((await run(cwd)).tables).toBe('written');
  });
});
