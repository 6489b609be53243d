import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { assignDocIds } from '@briefs/ast';
import { comparePaths, displayPath, findSources, isAtomicTempName } from '@briefs/io';
import type { Settings } from './config.js';
import { type DocumentTask, PARTS_DIR } from './document-task.js';
import { type DocumentRecord, type Manifest, compare } from './manifest.js';
import { type Shard, inShard } from './shard.js';

/** Why a document is (re)built. */
export type StaleReason = 'new' | 'source changed' | 'outputs missing' | 'tool changed' | 'settings changed' | 'forced';

export interface PlannedDocument extends DocumentTask {
  sha256: string;
  /** The record to keep when the document is up to date. */
  fresh: DocumentRecord | null;
  reason: StaleReason | null;
}

export interface Plan {
  documents: PlannedDocument[];
  /** Output files (relative to the output folder) of documents no longer among the sources. */
  orphans: string[];
}

/** Every source of `inputs`, with its doc id (from paths relative to `cwd`), in doc-id order. */
export async function discover(inputs: readonly string[], cwd: string, shard: Shard | null): Promise<DocumentTask[]> {
  const files = await findSources(inputs.map((input) => resolve(cwd, input)));
  const paths = files.map((file) => displayPath(file, cwd));
  // Ids come from the paths as shown (relative), so they are the same on every machine.
  const order = paths.map((path, i) => ({ path, file: files[i]! })).sort((a, b) => comparePaths(a.path, b.path));
  const ids = assignDocIds(order.map((d) => d.path));
  const tasks = order.map((d) => ({ id: ids.get(d.path)!, file: d.file, path: d.path }));
  return tasks.filter((t) => !shard || inShard(t.id, shard)).sort((a, b) => compare(a.id, b.id));
}

export async function makePlan(
  tasks: readonly DocumentTask[],
  outDir: string,
  manifest: Manifest | null,
  tool: string,
  settings: Settings,
  force: boolean,
): Promise<Plan> {
  const previous = new Map((manifest?.documents ?? []).map((r) => [r.id, r]));
  // Synchronous reads on purpose: thousands of small files go faster in one loop than through
  // the thread pool, and this is the whole cost of a rebuild with nothing to do. Whether outputs
  // are there is read from a listing of their folders, not asked file by file.
  const exists = outputLister(outDir);
  const documents = tasks.map((task): PlannedDocument => {
    const sha = hashFileSync(task.file);
    const record = previous.get(task.id);
    const reason = staleReason(task, sha, record, manifest, tool, settings, exists, force);
    return { ...task, sha256: sha, fresh: reason ? null : record!, reason };
  });
  const keep = new Set(tasks.map((t) => t.id));
  return { documents, orphans: await findOrphans(outDir, keep) };
}

function staleReason(
  task: DocumentTask,
  sha: string,
  record: DocumentRecord | undefined,
  manifest: Manifest | null,
  tool: string,
  settings: Settings,
  exists: (file: string) => boolean,
  force: boolean,
): StaleReason | null {
  if (!record || !manifest) return 'new';
  if (force) return 'forced';
  if (manifest.tool !== tool) return 'tool changed';
  if (manifest.config !== settings.documentsKey) return 'settings changed';
  if (record.sha256 !== sha || record.source !== task.path) return 'source changed';
  // Same tool, so the same stages: what they wrote is what the record lists.
  for (const file of record.outputs) if (!exists(file)) return 'outputs missing';
  return null;
}

/**
 * Whether an output (a path relative to `outDir`) is there: files directly in a folder are looked
 * up in its listing, read once (a thousand documents have six thousand outputs), others asked.
 */
function outputLister(outDir: string): (file: string) => boolean {
  const listings = new Map<string, Set<string> | null>();
  return (file) => {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    let names = listings.get(dir);
    if (names === undefined) {
      try {
        names = new Set(readdirSync(join(outDir, dir)));
      } catch {
        names = null;
      }
      listings.set(dir, names);
    }
    return names?.has(file.slice(slash + 1)) ?? existsSync(join(outDir, file));
  };
}

/** Per-document outputs whose document is not in `keep`: left by deleted or renamed sources. */
export async function findOrphans(outDir: string, keep: ReadonlySet<string>): Promise<string[]> {
  const orphans: string[] = [];
  for (const [dir, exts] of [
    ['ast', ['.json']],
    ['briefs', ['.pdf']],
    [PARTS_DIR, ['.pdf', '.json', '.tables', '.charts']],
  ] as const) {
    for (const name of await listDir(join(outDir, dir))) {
      const ext = exts.find((e) => name.endsWith(e));
      if (ext && !name.startsWith('.') && !keep.has(name.slice(0, -ext.length))) orphans.push(`${dir}/${name}`);
    }
  }
  return orphans.sort(comparePaths);
}

/** Temporary files left by writes a killed build did not finish (see `writeFileAtomic`). */
export async function removeStaleTemps(outDir: string): Promise<number> {
  let removed = 0;
  for (const dir of [outDir, join(outDir, 'ast'), join(outDir, 'briefs'), join(outDir, 'data'), join(outDir, PARTS_DIR)]) {
    for (const name of await listDir(dir)) {
      if (!isAtomicTempName(name)) continue;
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort(comparePaths);
  } catch {
    return [];
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** sha256 of a file's bytes; '' when it cannot be read (planned as changed: its task says why). */
export function hashFileSync(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return '';
  }
}
