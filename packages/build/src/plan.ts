import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { assignDocIds } from '@briefs/ast';
import { comparePaths, displayPath, findSources, isAtomicTempName } from '@briefs/io';
import type { Settings } from './config.js';
import type { DocumentTask } from './document-task.js';
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
  // A source that cannot be read is planned as changed: its task then reports why.
  const hashes = await mapLimit(tasks, 16, (t) => hashFile(t.file).catch(() => ''));
  const documents = await mapLimit(tasks, 16, async (task, i): Promise<PlannedDocument> => {
    const sha = hashes[i]!;
    const record = previous.get(task.id);
    const reason = await staleReason(task, sha, record, manifest, tool, settings, outDir, force);
    return { ...task, sha256: sha, fresh: reason ? null : record!, reason };
  });
  const keep = new Set(tasks.map((t) => t.id));
  return { documents, orphans: await findOrphans(outDir, keep) };
}

async function staleReason(
  task: DocumentTask,
  sha: string,
  record: DocumentRecord | undefined,
  manifest: Manifest | null,
  tool: string,
  settings: Settings,
  outDir: string,
  force: boolean,
): Promise<StaleReason | null> {
  if (!record || !manifest) return 'new';
  if (force) return 'forced';
  if (manifest.tool !== tool) return 'tool changed';
  if (manifest.config !== settings.documentsKey) return 'settings changed';
  if (record.sha256 !== sha || record.source !== task.path) return 'source changed';
  // Same tool, so the same stages: what they wrote is what the record lists.
  for (const file of record.outputs) if (!(await exists(join(outDir, file)))) return 'outputs missing';
  return null;
}

/** Per-document outputs whose document is not in `keep`: left by deleted or renamed sources. */
export async function findOrphans(outDir: string, keep: ReadonlySet<string>): Promise<string[]> {
  const orphans: string[] = [];
  for (const [dir, ext] of [
    ['ast', '.json'],
    ['briefs', '.pdf'],
  ] as const) {
    for (const name of await listDir(join(outDir, dir))) {
      if (name.endsWith(ext) && !name.startsWith('.') && !keep.has(name.slice(0, -ext.length))) orphans.push(`${dir}/${name}`);
    }
  }
  return orphans.sort(comparePaths);
}

/** Temporary files left by writes a killed build did not finish (see `writeFileAtomic`). */
export async function removeStaleTemps(outDir: string): Promise<number> {
  let removed = 0;
  for (const dir of [outDir, join(outDir, 'ast'), join(outDir, 'briefs'), join(outDir, 'data')]) {
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

export async function hashFile(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** `map` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
