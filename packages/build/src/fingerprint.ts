import { createHash } from 'node:crypto';
import { type Dirent, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The version of the tool, as the manifest records it: a digest of the code of this package and
 * of every workspace package it runs (parser, extract, tables, pdf, charts…), so that a change
 * in any stage rebuilds what it produced, even when no version number moved. Only shipped files
 * count (package.json `files`, less source maps and type declarations), and paths are relative,
 * so the same code gives the same digest on every machine.
 */
export async function toolFingerprint(): Promise<string> {
  fingerprint ??= Promise.resolve(bundledFingerprint() ?? computeFingerprint());
  return fingerprint;
}
let fingerprint: Promise<string> | undefined;

/**
 * The CLI's bundle carries the digest of the files it was made from, and `bin/briefs.js` runs it
 * only when every one of them (`toolFiles`) is as it was: it hands the digest over here, and the
 * files are not read again.
 */
const BUNDLED_FINGERPRINT = Symbol.for('briefs.toolFingerprint');
function bundledFingerprint(): string | null {
  const value = (globalThis as Record<symbol, unknown>)[BUNDLED_FINGERPRINT];
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value) ? value : null;
}

function computeFingerprint(): string {
  const seen = new Map<string, string>();
  // Synchronous: a few hundred small files, read in one loop, cost less than the thread pool.
  collect(selfPackageJson(), seen);
  const hash = createHash('sha256');
  for (const name of [...seen.keys()].sort()) hash.update(`${name}\0${seen.get(name)}\0`);
  return hash.digest('hex').slice(0, 32);
}

const selfPackageJson = (): string => join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');

/** Every file the fingerprint reads (absolute paths): what a bundle must be checked against. */
export function toolFiles(): string[] {
  const files: string[] = [];
  collect(selfPackageJson(), new Map(), files);
  return files;
}

interface PackageJson {
  name: string;
  version: string;
  files?: string[];
  dependencies?: Record<string, string>;
}

function collect(packageJsonPath: string, seen: Map<string, string>, files?: string[]): void {
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as PackageJson;
  if (seen.has(pkg.name)) return;
  seen.set(pkg.name, '');
  const root = dirname(packageJsonPath);
  const hash = createHash('sha256').update(`${pkg.version}\0`);
  for (const entry of (pkg.files ?? ['dist']).slice().sort()) {
    for (const file of listFiles(join(root, entry))) {
      if (file.endsWith('.map') || file.endsWith('.d.ts') || file.endsWith('.tsbuildinfo')) continue;
      if (files) files.push(file);
      else hash.update(`${relative(root, file).split('\\').join('/')}\0`).update(readFileSync(file));
    }
  }
  seen.set(pkg.name, hash.digest('hex'));
  const require = createRequire(packageJsonPath);
  for (const [name, range] of Object.entries(pkg.dependencies ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!range.startsWith('workspace:')) continue;
    collect(require.resolve(`${name}/package.json`), seen, files);
  }
}

function listFiles(path: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return [path];
    if (code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
