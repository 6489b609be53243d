import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { BriefsError } from '@briefs/ast';

/** Extensions of source documents, and the reader each takes. */
export const SOURCE_EXTENSIONS: Readonly<Record<string, 'markdown' | 'text' | 'html'>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
};

export const formatOfPath = (path: string): 'markdown' | 'text' | 'html' =>
  SOURCE_EXTENSIONS[extname(path).toLowerCase()] ?? 'markdown';

/**
 * Expands inputs (files and folders) into source files. Folders are searched recursively for the
 * known extensions, skipping hidden entries and `node_modules`; files named directly are taken
 * whatever their extension. The result is sorted and free of duplicates, so builds are stable.
 */
export async function findSources(inputs: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch {
      throw new BriefsError('E_INPUT_NOT_FOUND', 'no such file or folder', { file: input });
    }
    if (info.isDirectory()) {
      for (const file of await walk(input)) found.add(file);
    } else {
      found.add(input);
    }
  }
  return [...found].sort(comparePaths);
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && extname(entry.name).toLowerCase() in SOURCE_EXTENSIONS) out.push(path);
  }
  return out;
}

/** Code-unit order, not locale order: the same on every machine. */
export const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A path for messages and tables: relative to `base` when inside it, with forward slashes. */
export function displayPath(path: string, base = process.cwd()): string {
  const rel = relative(base, path);
  const shown = rel && !rel.startsWith('..') ? rel : path;
  return shown.split('\\').join('/');
}
