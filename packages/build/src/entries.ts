import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file of a process the build starts: a document worker (`worker.js`) or the PDF process
 * (`pdf-worker.js`), beside this module. That is `dist/`, or the CLI's bundle, where this module
 * is bundled beside the bundled entries (the bundler keeps this file's `import.meta.url` the
 * bundle's own: see apps/cli/scripts/bundle.mjs). Under vitest this module runs from `src/`, where
 * Node cannot load the TypeScript entries: the compiled ones in `dist/` are used instead.
 */
export function entryFile(name: 'worker.js' | 'pdf-worker.js'): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, name);
  return existsSync(beside) ? beside : join(here, '..', 'dist', name);
}

/**
 * The PDF process's startup snapshot (`pdf.blob`, see apps/cli/scripts/snapshot.mjs), when this
 * runs from the CLI's bundle and the snapshot beside it was made there (`snapshotIn`). Null
 * otherwise, or with `BRIEFS_NO_SNAPSHOT` set: the process is then started from its entry.
 */
export function pdfSnapshot(): string | null {
  return process.env.BRIEFS_NO_SNAPSHOT ? null : snapshotIn(dirname(fileURLToPath(import.meta.url)));
}

/**
 * The snapshot in folder `dir` if it was made there and by this version of Node, as its
 * `snapshot.json` says: a snapshot holds the absolute paths it was made with (where the chart
 * renderer is found, for one), and Node starts only from its own snapshots.
 */
export function snapshotIn(dir: string): string | null {
  try {
    const made = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as { node?: unknown; dir?: unknown; blob?: unknown };
    const blob = typeof made.blob === 'string' ? join(dir, made.blob) : '';
    return made.node === process.version && made.dir === realpathSync(dir) && existsSync(blob) ? blob : null;
  } catch {
    return null;
  }
}
