import { resolve } from 'node:path';
import { aggregatesFresh } from './aggregates.js';
import type { BuildOptions } from './build.js';
import { resolveSettings } from './config.js';
import { astPath, pdfPath } from './document-task.js';
import { toolFingerprint } from './fingerprint.js';
import { readManifest } from './manifest.js';
import { discover, makePlan } from './plan.js';

export interface StaleOutput {
  /** Output path relative to the output folder (`ast/x.json`, `data/`, `pack.pdf`). */
  path: string;
  reason: string;
}

export interface CheckResult {
  upToDate: boolean;
  stale: StaleOutput[];
}

/**
 * What `build` would do, without doing it: writes nothing, not even temporary files. For CI
 * gates (`briefs build --check` exits 1 when `stale` is not empty).
 */
export async function check(options: Omit<BuildOptions, 'jobs' | 'reporter'>): Promise<CheckResult> {
  const settings = await resolveSettings(options);
  const outDir = resolve(settings.cwd, options.outDir);
  const shard = options.shard ?? null;
  const [tool, tasks, previous] = await Promise.all([toolFingerprint(), discover(options.inputs, settings.cwd, shard), readManifest(outDir)]);
  const plan = await makePlan(tasks, outDir, previous, tool, settings, options.force ?? false);
  const stale: StaleOutput[] = [];
  const recorded = new Map((previous?.documents ?? []).map((r) => [r.id, r.outputs]));
  for (const doc of plan.documents) {
    if (!doc.reason) continue;
    const reason = doc.reason === 'new' ? 'missing' : doc.reason;
    const outputs = recorded.get(doc.id) ?? [astPath(doc.id), pdfPath(doc.id)];
    for (const path of outputs) stale.push({ path, reason: `${reason} (${doc.path})` });
  }
  for (const file of plan.orphans) stale.push({ path: file, reason: 'source removed' });
  if (JSON.stringify(previous?.shard ?? null) !== JSON.stringify(shard)) {
    stale.push({ path: '.briefs-manifest.json', reason: 'built for another shard' });
  }
  if (!shard) {
    const changed = stale.length > 0;
    const fresh = plan.documents.flatMap((d) => (d.fresh ? [d.fresh] : []));
    const agg = changed ? { tables: false, pack: false } : await aggregatesFresh(outDir, previous, tool, settings, fresh);
    if (!agg.tables) stale.push({ path: 'data/', reason: changed ? 'documents changed' : 'missing or stale' });
    if (!agg.pack) stale.push({ path: 'pack.pdf', reason: changed ? 'documents changed' : 'missing or stale' });
  }
  return { upToDate: stale.length === 0, stale };
}
