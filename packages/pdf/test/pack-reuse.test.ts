import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PartFile, packDigest, renderPackPart, writePackFromParts } from '../src/index.js';
import type { PackOptions } from '../src/render-pack.js';
import { sampleBrief } from './fixtures/sample-brief.js';
import { qpdfCheck } from './pdf-tools.js';

const options: PackOptions = { title: 'Reuse', charts: false, date: 0 };

/** Draws document `i` (in `variant`) and keeps its part in `dir`, as a build does. */
async function keptPart(dir: string, i: number, variant = i): Promise<PartFile> {
  const brief = sampleBrief(`doc-${i}`, variant);
  const part = await renderPackPart(brief, options);
  const file = join(dir, `doc-${i}.pdf`);
  writeFileSync(file, part.pdf);
  return { file, meta: part.meta, digest: packDigest(brief) };
}

describe('a pack written again after one document changed', () => {
  it('copies the unchanged documents from the previous pack, and is the pack written afresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefs-reuse-'));
    try {
      const store = { dir: join(dir, 'store'), salt: 'test' };
      const pack = join(dir, 'pack.pdf');
      const parts = await Promise.all([0, 1, 2, 3].map((i) => keptPart(dir, i)));
      // `between` (where a caller may collect garbage) comes before each piece and the parts.
      let between = 0;
      await writePackFromParts(parts, options, pack, store, () => between++);
      expect(between).toBeGreaterThanOrEqual(3);

      // Document 1 changes. The others' parts are moved away: the pack can only be written if
      // they are copied from the previous pack rather than read.
      const changed = [...parts];
      changed[1] = await keptPart(dir, 1, 7);
      for (const i of [0, 2, 3]) copyFileSync(parts[i]!.file, `${parts[i]!.file}.kept`);
      for (const i of [0, 2, 3]) rmSync(parts[i]!.file);
      await writePackFromParts(changed, options, pack, store);
      const again = readFileSync(pack);
      expect(qpdfCheck(pack)).toMatch(/No syntax or stream encoding errors/);

      // Afresh, from every part, with nothing kept: the same bytes.
      for (const i of [0, 2, 3]) copyFileSync(`${parts[i]!.file}.kept`, parts[i]!.file);
      const fresh = join(dir, 'fresh.pdf');
      await writePackFromParts(changed, options, fresh);
      expect(again.equals(readFileSync(fresh))).toBe(true);

      // Another title moves the host's objects (its footer font among them) that every part
      // refers to: nothing is copied from the previous pack, and the pack is the fresh one.
      const retitled = { ...options, title: 'Reused parts, under a title long enough to take a second line' };
      await writePackFromParts(changed, retitled, pack, store);
      await writePackFromParts(changed, retitled, fresh);
      expect(readFileSync(pack).equals(readFileSync(fresh))).toBe(true);

      // A previous pack that is not the one the index describes is not copied from.
      writeFileSync(pack, Buffer.concat([readFileSync(pack), Buffer.from('\n')]));
      changed[2] = await keptPart(dir, 2, 9);
      await writePackFromParts(changed, options, pack, store);
      await writePackFromParts(changed, options, fresh);
      expect(readFileSync(pack).equals(readFileSync(fresh))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
