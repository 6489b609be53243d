import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderBrief, renderPack } from '../src/index.js';
import { sampleBrief } from './fixtures/sample-brief.js';
import { readGreyPng } from './png.js';

/**
 * A few visual snapshots guard the layout: pages rendered with pdftoppm at 50 dpi in grey,
 * compared with committed PNGs with a tolerance (anti-aliasing and font hinting may differ a
 * little between poppler builds). A missing snapshot is written and the test passes; look at it
 * and commit it. `UPDATE=1` rewrites them all. Charts are left out: they belong to @briefs/charts.
 */
const SNAPSHOTS = fileURLToPath(new URL('./snapshots/', import.meta.url));
const update = process.env.UPDATE === '1';

function pages(pdf: Uint8Array, first: number, last: number): Array<{ page: number; png: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefs-snap-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-gray', '-r', '50', '-f', String(first), '-l', String(last), file, join(dir, 'p')]);
  const out = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => ({ page: Number(/(\d+)\.png$/.exec(f)?.[1]), png: readFileSync(join(dir, f)) }));
  rmSync(dir, { recursive: true, force: true });
  return out;
}

/** Share of pixels that differ by more than a quarter of the grey range. */
function difference(a: Buffer, b: Buffer): number {
  const x = readGreyPng(a);
  const y = readGreyPng(b);
  if (x.width !== y.width || x.height !== y.height) return 1;
  let off = 0;
  for (let i = 0; i < x.pixels.length; i++) if (Math.abs((x.pixels[i] ?? 0) - (y.pixels[i] ?? 0)) > 64) off++;
  return off / x.pixels.length;
}

function compare(name: string, png: Buffer): void {
  const path = join(SNAPSHOTS, `${name}.png`);
  if (update || !existsSync(path)) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(path, png);
    return;
  }
  expect(difference(readFileSync(path), png), `${name} differs from test/snapshots/${name}.png (UPDATE=1 rewrites)`).toBeLessThan(0.004);
}

describe('visual snapshots', () => {
  it('brief: first and second page', async () => {
    const pdf = await renderBrief(sampleBrief(), { charts: false, date: 0 });
    for (const { page, png } of pages(pdf, 1, 2)) compare(`brief-page-${page}`, png);
  });

  it('pack: cover, contents, at a glance', async () => {
    const pdf = await renderPack([0, 1, 2].map((i) => sampleBrief(`doc-${i}`, i)), {
      title: 'Winter Grid Briefing',
      subtitle: 'Three fictional notes',
      charts: false,
      date: '2024-03-01T00:00:00Z',
      theme: { organisation: 'Example Ministry', colours: { primary: '#2b4a3f', accent: '#b5651d' } },
    });
    for (const { page, png } of pages(pdf, 1, 3)) compare(`pack-page-${page}`, png);
  });

  it('notices a changed layout', () => {
    const a = readFileSync(join(SNAPSHOTS, 'brief-page-1.png'));
    const b = readFileSync(join(SNAPSHOTS, 'pack-page-1.png'));
    expect(difference(a, b)).toBeGreaterThan(0.004);
  });
});
