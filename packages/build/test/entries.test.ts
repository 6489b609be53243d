import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryFile, pdfSnapshot, snapshotIn } from '../src/entries.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder with a snapshot as scripts/snapshot.mjs records it, changed by `record`. */
function folder(record: (dir: string) => object): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'briefs-snapshot-')));
  made.push(dir);
  writeFileSync(join(dir, 'pdf.blob'), 'blob');
  writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(record(dir)));
  return dir;
}

describe('the PDF process snapshot', () => {
  it('is used only where it was made, by the Node that made it', () => {
    const here = folder((dir) => ({ node: process.version, dir, blob: 'pdf.blob' }));
    expect(snapshotIn(here)).toBe(join(here, 'pdf.blob'));
    // Copied elsewhere, its paths are another folder's.
    const copy = realpathSync(mkdtempSync(join(tmpdir(), 'briefs-snapshot-')));
    made.push(copy);
    cpSync(here, copy, { recursive: true });
    expect(snapshotIn(copy)).toBeNull();
    expect(snapshotIn(folder((dir) => ({ node: 'v0.0.1', dir, blob: 'pdf.blob' })))).toBeNull();
    expect(snapshotIn(folder((dir) => ({ node: process.version, dir, blob: 'missing.blob' })))).toBeNull();
    const broken = folder(() => ({}));
    writeFileSync(join(broken, 'snapshot.json'), '{ not json');
    expect(snapshotIn(broken)).toBeNull();
  });

  it('is not there for the compiled modules: only the bundle has one', () => {
    expect(pdfSnapshot()).toBeNull();
    expect(entryFile('pdf-worker.js')).toMatch(/dist[/\\]pdf-worker\.js$/);
  });
});
