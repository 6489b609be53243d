import { existsSync } from 'node:fs';
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
