import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PartFile, packDigest, planPackSections, renderPackPart, writePackFromParts } from '../src/index.js';
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

  it('takes its cross-document pages as another process planned them, when the plan fits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefs-plan-'));
    try {
      const store = { dir: join(dir, 'store'), salt: 'test' };
      const pack = join(dir, 'pack.pdf');
      const fresh = join(dir, 'fresh.pdf');
      const parts = await Promise.all([0, 1, 2, 3].map((i) => keptPart(dir, i)));
      await writePackFromParts(parts, options, pack, store);
      const changed = [...parts];
      changed[1] = await keptPart(dir, 1, 7);
      const ids = changed.map((p) => p.meta.id);
      await writePackFromParts(changed, options, fresh);
      const plan = async () => planPackSections(changed.map((p) => p.digest), ids, options, store);

      // Document 1's new title is in "at a glance" and the appendix: both pieces are to be drawn,
      // and the plan says what they show; a piece found kept would carry only its key.
      const planned = await plan();
      expect([...planned.glance.pieces, ...planned.appendix.pieces].map((p) => p.draw !== undefined)).toEqual([true, true]);
      await writePackFromParts(changed, options, pack, store, undefined, planned);
      expect(readFileSync(pack).equals(readFileSync(fresh))).toBe(true);
      const kept = await plan();
      expect([...kept.glance.pieces, ...kept.appendix.pieces].map((p) => p.draw)).toEqual([undefined, undefined]);
      await writePackFromParts(changed, options, pack, store, undefined, kept);
      expect(readFileSync(pack).equals(readFileSync(fresh))).toBe(true);

      // The plan is followed, not made again: one that names the appendix's piece for "at a
      // glance" gives a pack that shows it there.
      const swapped = await plan();
      swapped.glance.pieces[0]!.key = swapped.appendix.pieces[0]!.key;
      await writePackFromParts(changed, options, pack, store, undefined, swapped);
      expect(readFileSync(pack).equals(readFileSync(fresh))).toBe(false);

      // A plan of other documents, or of another salt, is not used; nor one whose kept piece is gone since.
      const others = await plan();
      const otherSalt = { ...(await plan()), salt: 'other' };
      const gone = await plan();
      for (const wrong of [{ ...others, ids: [...ids].reverse() }, otherSalt]) {
        wrong.glance.pieces[0]!.key = wrong.appendix.pieces[0]!.key;
        await writePackFromParts(changed, options, pack, store, undefined, wrong);
        expect(readFileSync(pack).equals(readFileSync(fresh))).toBe(true);
      }
      rmSync(join(store.dir, `.section-${gone.glance.pieces[0]!.key}.json`));
      await writePackFromParts(changed, options, pack, store, undefined, gone);
      expect(readFileSync(pack).equals(readFileSync(fresh))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
