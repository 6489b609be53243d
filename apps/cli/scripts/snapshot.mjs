#!/usr/bin/env node
/**
 * Makes the PDF process's startup snapshot in a bundle folder of the CLI (default: this
 * checkout's `dist/bundle/`, which scripts/bundle.mjs made): Node's snapshot builder runs
 * `pdf-snapshot.cjs`, which loads the renderer and draws a made-up brief, and keeps the heap as
 * `pdf.blob`. A PDF process started from it draws its first document warm (see @briefs/build
 * `pdfSnapshot`, `PdfProcess`).
 *
 * A snapshot holds the absolute paths it was made with and starts only on the Node that made it:
 * `snapshot.json` records both, and a build uses the snapshot only where and with what it was made.
 * A bundle copied elsewhere (the build bench's frozen tool) runs this again in its new place.
 * Where the snapshot cannot be made (no fonts, a Node without the builder), it is left out with a
 * warning, and the PDF process starts from its entry as before.
 *
 *   node scripts/snapshot.mjs [bundleDir]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = realpathSync(resolve(process.argv[2] ?? fileURLToPath(new URL('../dist/bundle/', import.meta.url))));
const entry = join(dir, 'pdf-snapshot.cjs');
const blob = join(dir, 'pdf.blob');
const record = join(dir, 'snapshot.json');
rmSync(record, { force: true });
rmSync(blob, { force: true });
if (!existsSync(entry)) {
  console.error(`snapshot: no ${entry} (run scripts/bundle.mjs first)`);
  process.exit(1);
}
const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', entry], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
// Node warns that the builder's support of some built-in modules is not verified: the snapshot is
// checked by the build's tests (the same bytes from it as without it), not by that warning.
const errors = (made.stderr ?? '').split('\n').filter((l) => l.trim() && !/not yet fully verified|may still work|issue tracker|--trace-warnings/.test(l));
if (made.status !== 0 || !existsSync(blob)) {
  rmSync(blob, { force: true });
  console.warn(`snapshot: not made (the PDF process will start without it): ${errors.join(' ').slice(0, 600) || `exit ${made.status}`}`);
  process.exit(0);
}
writeFileSync(record, `${JSON.stringify({ node: process.version, dir, blob: 'pdf.blob' })}\n`);
