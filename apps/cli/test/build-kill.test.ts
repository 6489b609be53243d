import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { briefs, cleanup, put, releaseTool, sampleDoc, snapshot, start, tempProject, wholenessProblems } from './build-helpers.js';

const COUNT = 8;
let cwd = '';
afterAll(async () => {
  if (cwd) await cleanup(cwd);
  releaseTool();
});

/** Starts a build and kills it with SIGKILL after `ms` (if it is still running). */
function buildKilledAfter(ms: number): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = start(cwd, ['build', 'corpus', '--out', 'out', '--jobs', '2']);
    let killed = false;
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, ms);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ killed });
    });
  });
}

/** Files that differ between two snapshots (missing on either side, or other bytes). */
function differing(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

async function writeSources(variant: number): Promise<void> {
  // Half the documents change with each variant, so killed builds overwrite outputs, not only add them.
  for (let i = 1; i <= COUNT; i++) await put(cwd, `corpus/brief-${i}.md`, sampleDoc(i, i % 2 === 0 ? variant : 0));
}

describe('briefs build killed with SIGKILL', () => {
  it('leaves every output whole (old or new), and the next build completes', { timeout: 600_000 }, async () => {
    cwd = await tempProject({});
    await writeSources(0);
    const started = Date.now();
    const timing = await briefs(cwd, ['build', 'corpus', '--out', 'timing', '--jobs', '2']);
    expect(timing.code).toBe(0);
    const full = Date.now() - started;

    // Kill at several moments of a build: start-up, parsing and rendering, tables, pack, manifest.
    const fractions = [0.05, 0.25, 0.45, 0.65, 0.85, 0.97];
    let kills = 0;
    for (const [n, fraction] of fractions.entries()) {
      await writeSources(n + 1);
      const { killed } = await buildKilledAfter(Math.round(full * fraction));
      if (killed) kills++;
      expect(await wholenessProblems(join(cwd, 'out')), `killed at ${Math.round(fraction * 100)}%`).toEqual([]);
    }
    expect(kills).toBeGreaterThanOrEqual(3);

    // Back to the sources of the reference build: the next build completes and equals it,
    // byte for byte, whatever state the killed builds left (stale temporaries, half a manifest…).
    await writeSources(0);
    const finish = await briefs(cwd, ['build', 'corpus', '--out', 'out', '--jobs', '2']);
    expect(finish.code, finish.stderr).toBe(0);
    const reference = await briefs(cwd, ['build', 'corpus', '--out', 'reference', '--jobs', '2']);
    expect(reference.code).toBe(0);
    const [got, want] = [await snapshot(join(cwd, 'out')), await snapshot(join(cwd, 'reference'))];
    expect(differing(got, want)).toEqual([]);
    expect((await briefs(cwd, ['build', 'corpus', '--out', 'out', '--check'])).code).toBe(0);
  });
});
