import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BriefsError } from '@briefs/ast';
import { displayPath, writeFileAtomic } from '@briefs/io';
import { type AggregateState, writeAggregates } from './aggregates.js';
import { defaultJobs } from './build.js';
import { type SettingsInput, resolveSettings } from './config.js';
import { sha256, toolFingerprint } from './fingerprint.js';
import { type DocumentRecord, MANIFEST_NAME, type Manifest, compare, readManifest, writeManifest } from './manifest.js';
import { findOrphans, removeStaleTemps } from './plan.js';
import { type Reporter, silentReporter } from './progress.js';

export interface MergeOptions extends SettingsInput {
  /** Output folders of `briefs build --shard i/n` (all n of them). */
  shards: readonly string[];
  outDir: string;
  force?: boolean;
  reporter?: Reporter;
}

export interface MergeSummary {
  documents: number;
  shards: number;
  /** Per-document files copied (those already there with the same bytes are not). */
  copied: number;
  removed: string[];
  tables: AggregateState;
  pack: AggregateState;
  timings: { totalMs: number };
}

/**
 * Combines the outputs of shard builds into what one build of all the documents makes: the
 * per-document files are copied, the tables and the pack are made from every AST in doc-id
 * order, and the manifest is the one a single build writes (so later builds are incremental).
 * The shards must come from the same tool and settings, and together be every shard of one split.
 */
export async function merge(options: MergeOptions): Promise<MergeSummary> {
  const started = performance.now();
  const reporter = options.reporter ?? silentReporter;
  const settings = await resolveSettings(options);
  const outDir = resolve(settings.cwd, options.outDir);
  const tool = await toolFingerprint();
  if (options.shards.length === 0) throw new BriefsError('E_USAGE', 'merge takes at least one shard folder');

  const byId = new Map<string, { record: DocumentRecord; dir: string }>();
  const seenShards = new Map<number, string>();
  let count: number | null = null;
  for (const given of options.shards) {
    const dir = resolve(settings.cwd, given);
    const shown = displayPath(dir, settings.cwd);
    const manifest = await readManifest(dir);
    if (!manifest) throw new BriefsError('E_INPUT_INVALID', `not the output of a build (no ${MANIFEST_NAME})`, { file: shown });
    if (manifest.tool !== tool) throw new BriefsError('E_INPUT_INVALID', 'built by another version of briefs; rebuild the shard', { file: shown });
    if (manifest.config !== settings.documentsKey) {
      throw new BriefsError('E_INPUT_INVALID', 'built with other settings (pack file, SOURCE_DATE_EPOCH, limits) than this merge', { file: shown });
    }
    if (manifest.shard) {
      if (count !== null && manifest.shard.count !== count) {
        throw new BriefsError('E_INPUT_INVALID', `shard of a ${manifest.shard.count}-way split among shards of a ${count}-way split`, { file: shown });
      }
      count = manifest.shard.count;
      const other = seenShards.get(manifest.shard.index);
      if (other !== undefined && other !== dir) throw new BriefsError('E_INPUT_INVALID', `shard ${manifest.shard.index} given twice`, { file: shown });
      seenShards.set(manifest.shard.index, dir);
    }
    for (const record of manifest.documents) {
      const had = byId.get(record.id);
      if (had && (had.record.sha256 !== record.sha256 || had.record.ast !== record.ast)) {
        throw new BriefsError('E_INPUT_INVALID', `document '${record.id}' differs from the one in ${displayPath(had.dir, settings.cwd)}`, { file: shown });
      }
      if (!had) byId.set(record.id, { record, dir });
    }
  }
  if (count !== null) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seenShards.has(i));
    if (missing.length > 0) throw new BriefsError('E_USAGE', `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing`);
  }

  await removeStaleTemps(outDir);
  const previous = await readManifest(outDir);
  const records = [...byId.values()].map((v) => v.record).sort((a, b) => compare(a.id, b.id));
  const keep = new Set(records.map((r) => r.id));
  const base: Manifest = {
    format: 1,
    tool,
    config: settings.documentsKey,
    shard: null,
    documents: (previous?.documents ?? []).filter((r) => keep.has(r.id) && byId.get(r.id)?.record.ast === r.ast && byId.get(r.id)?.record.sha256 === r.sha256),
    tables: null,
    pack: null,
  };
  await writeManifest(outDir, base);

  const summary: MergeSummary = {
    documents: records.length,
    shards: options.shards.length,
    copied: 0,
    removed: [],
    tables: 'up to date',
    pack: 'up to date',
    timings: { totalMs: 0 },
  };
  for (const file of await findOrphans(outDir, keep)) {
    await rm(join(outDir, file), { force: true });
    summary.removed.push(file);
  }

  reporter.start('copy', records.length);
  for (const { record, dir } of records.map((r) => byId.get(r.id)!)) {
    for (const file of record.outputs) {
      const bytes = await readFile(join(dir, file)).catch(() => {
        throw new BriefsError('E_INPUT_INVALID', `${file} is missing from the shard`, { file: displayPath(dir, settings.cwd) });
      });
      if (file.startsWith('ast/') && sha256(bytes) !== record.ast) {
        throw new BriefsError('E_INPUT_INVALID', `${file} does not match the shard's manifest`, { file: displayPath(dir, settings.cwd) });
      }
      const target = join(outDir, file);
      const current = await readFile(target).catch(() => null);
      if (current && Buffer.compare(current, bytes) === 0) continue;
      await writeFileAtomic(target, bytes);
      summary.copied++;
    }
    reporter.tick();
  }
  reporter.end();

  const agg = await writeAggregates(outDir, records, previous, tool, settings, reporter, options.force ?? false, defaultJobs() > 1);
  summary.tables = agg.tables.state;
  summary.pack = agg.pack.state;
  await writeManifest(outDir, { ...base, documents: records, tables: agg.tables.record, pack: agg.pack.record });
  summary.timings.totalMs = performance.now() - started;
  return summary;
}
