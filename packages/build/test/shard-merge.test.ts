import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, inShard, merge, parseShard, readManifest } from '../src/index.js';
import { cleanup, sampleDoc, snapshot, tempProject } from './helpers.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(cleanup));
});

describe('--shard and merge', () => {
  it('parses i/n and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  it('puts every document in exactly one shard, spread over all of them', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `doc-${i}`);
    const counts = [1, 2, 3].map((index) => ids.filter((id) => inShard(id, { index, count: 3 })).length);
    expect(counts.reduce((a, b) => a + b)).toBe(300);
    for (const c of counts) expect(c).toBeGreaterThan(60);
  });

  it('merges shard outputs into exactly what one build makes', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 9; i++) files[`src/${i % 2 ? 'odd' : 'even'}/note ${i}.md`] = sampleDoc(i);
    // Two sources with the same slug: ids come from the whole input list, not from a shard's share.
    files['src/a/same.md'] = sampleDoc(20);
    files['src/b/same.md'] = sampleDoc(21);
    const cwd = await tempProject(files);
    dirs.push(cwd);
    const base = { cwd, inputs: ['src'], config: false as const, jobs: 2 };

    const shards = [1, 2, 3].map((index) => `shard-${index}`);
    for (const [i, outDir] of shards.entries()) await build({ ...base, outDir, shard: { index: i + 1, count: 3 } });

    const shardIds = await Promise.all(shards.map(async (s) => (await readManifest(join(cwd, s)))!.documents.map((d) => d.id)));
    expect(shardIds.flat()).toContain('a-same');
    expect(shardIds.flat()).toContain('b-same');
    expect(shardIds.flat()).toHaveLength(11);
    for (const ids of shardIds) expect(ids.length).toBeGreaterThan(0);

    const summary = await merge({ cwd, shards, outDir: 'merged', config: false });
    expect(summary.documents).toBe(11);
    await build({ ...base, outDir: 'single' });
    const [merged, single] = [await snapshot(join(cwd, 'merged')), await snapshot(join(cwd, 'single'))];
    expect(Object.keys(merged)).toEqual(Object.keys(single));
    expect(Object.keys(merged).filter((k) => merged[k] !== single[k])).toEqual([]);

    // The merged folder is a normal build output: building into it finds nothing to do.
    const again = await build({ ...base, outDir: 'merged' });
    expect(again.built).toEqual([]);
    expect(again.tables).toBe('up to date');
  });

  it('refuses an incomplete set of shards', async () => {
    const cwd = await tempProject({ 'src/a.md': sampleDoc(1), 'src/b.md': sampleDoc(2) });
    dirs.push(cwd);
    await build({ cwd, inputs: ['src'], outDir: 's1', config: false, shard: { index: 1, count: 2 } });
    await expect(merge({ cwd, shards: ['s1'], outDir: 'm', config: false })).rejects.toThrow(/shard 2 of 2 missing/);
    await expect(merge({ cwd, shards: ['nowhere'], outDir: 'm', config: false })).rejects.toThrow(/not the output of a build/);
  });
});
