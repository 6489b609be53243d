import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePaths, displayPath, findSources, formatOfPath, isAtomicTempName, openFileAtomic, writeFileAtomic } from '../src/index.js';

const scratch = () => mkdtemp(join(tmpdir(), 'briefs-io-'));

describe('findSources', () => {
  it('expands folders recursively to known extensions, sorted, without hidden entries', async () => {
    const dir = await scratch();
    await mkdir(join(dir, 'b', 'deep'), { recursive: true });
    await mkdir(join(dir, '.hidden'));
    await mkdir(join(dir, 'node_modules'));
    for (const f of ['a.md', 'b/c.TXT', 'b/deep/d.html', 'b/deep/e.markdown', 'notes.pdf', '.hidden/x.md', 'node_modules/y.md']) {
      await writeFile(join(dir, f), 'x');
    }
    const found = await findSources([dir]);
    expect(found.map((p) => p.slice(dir.length + 1))).toEqual(['a.md', 'b/c.TXT', 'b/deep/d.html', 'b/deep/e.markdown']);
  });
  it('takes files named directly whatever their extension, once', async () => {
    const dir = await scratch();
    const file = join(dir, 'odd.rst');
    await writeFile(file, 'x');
    expect(await findSources([file, file])).toEqual([file]);
  });
  it('names a missing input', async () => {
    await expect(findSources(['/no/such/input.md'])).rejects.toMatchObject({
      code: 'E_INPUT_NOT_FOUND',
      file: '/no/such/input.md',
    });
  });
});

describe('writeFileAtomic', () => {
  it('creates folders, replaces whole files and leaves no temporary file', async () => {
    const dir = await scratch();
    const path = join(dir, 'x', 'y', 'out.json');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, new TextEncoder().encode('new'));
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(join(dir, 'x', 'y'))).toEqual(['out.json']);
  });
  it('recognises its own temporary names only', () => {
    expect(isAtomicTempName('.0123456789ab.tmp')).toBe(true);
    expect(isAtomicTempName('notes.tmp')).toBe(false);
  });
});

describe('openFileAtomic', () => {
  it('shows nothing new at the path until commit, then every piece', async () => {
    const dir = await scratch();
    const path = join(dir, 'out', 'pack.pdf');
    await mkdir(join(dir, 'out'));
    await writeFile(path, 'old');
    const writer = await openFileAtomic(path);
    writer.write(Buffer.from('new '));
    writer.write(Buffer.alloc(100_000, 0x61));
    expect(await readFile(path, 'utf8')).toBe('old');
    await writer.commit();
    const bytes = await readFile(path);
    expect(bytes.length).toBe(100_004);
    expect(bytes.subarray(0, 4).toString()).toBe('new ');
    expect((await readdir(join(dir, 'out'))).filter(isAtomicTempName)).toEqual([]);
  });

  it('leaves the old file and no temporary one on abort', async () => {
    const dir = await scratch();
    const path = join(dir, 'pack.pdf');
    await writeFile(path, 'old');
    const writer = await openFileAtomic(path);
    writer.write(Buffer.from('half'));
    await writer.abort();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['pack.pdf']);
  });

  it('writes files larger than its background syncs whole, and aborts them cleanly', async () => {
    const dir = await scratch();
    const path = join(dir, 'large.bin');
    // 40 MB in 1 MB pieces, each filled with its index: two background syncs on the way.
    const piece = (i: number): Buffer => Buffer.alloc(1 << 20, i);
    const writer = await openFileAtomic(path);
    for (let i = 0; i < 40; i++) writer.write(piece(i));
    await writer.commit();
    const bytes = await readFile(path);
    expect(bytes.length).toBe(40 << 20);
    for (let i = 0; i < 40; i++) expect(bytes[(i << 20) + 12_345]).toBe(i);
    const aborted = await openFileAtomic(path);
    for (let i = 0; i < 40; i++) aborted.write(piece(7));
    await aborted.abort();
    expect((await readFile(path))[12_345]).toBe(0);
    expect(await readdir(dir)).toEqual(['large.bin']);
  });
});

describe('paths', () => {
  it('formats by extension', () => {
    expect(formatOfPath('a/b.HTML')).toBe('html');
    expect(formatOfPath('b.txt')).toBe('text');
    expect(formatOfPath('b.markdown')).toBe('markdown');
    expect(formatOfPath('b')).toBe('markdown');
  });
  it('orders by code unit, not locale', () => {
    expect(['b', 'B', 'a', 'É'].sort(comparePaths)).toEqual(['B', 'a', 'b', 'É']);
  });
  it('shows paths relative to a base with forward slashes', () => {
    expect(displayPath('/work/x/a.md', '/work')).toBe('x/a.md');
    expect(displayPath('/elsewhere/a.md', '/work')).toBe('/elsewhere/a.md');
  });
});
