import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Brief } from '@briefs/ast';
import { type AggregateState, aggregatesFresh, pdfSettings, stateOf, writeAggregates } from './aggregates.js';
import { type SettingsInput, resolveSettings } from './config.js';
import { type DocumentTask, type RenderDocument, type TaskResult, documentFiles, formatFailure } from './document-task.js';
import { toolFingerprint } from './fingerprint.js';
import { type DocumentRecord, MANIFEST_NAME, type Manifest, compare, readManifest, writeManifest } from './manifest.js';
import { type PlannedDocument, discover, makePlan, removeStaleTemps } from './plan.js';
import { type Reporter, silentReporter } from './progress.js';
import type { Shard } from './shard.js';
import { PdfProcess } from './pdf-process.js';
import { createRunner } from './worker-pool.js';

export interface BuildOptions extends SettingsInput {
  /** Source files and folders. */
  inputs: readonly string[];
  /** Output folder (CONTRACT.md, "Output layout"). */
  outDir: string;
  /** Rebuild everything, whatever the manifest says. */
  force?: boolean;
  /** Parallel document jobs (worker threads); default the number of cores. */
  jobs?: number;
  /** Build only this share of the documents (tables and pack are left to `merge`). */
  shard?: Shard | null;
  reporter?: Reporter;
}

export interface FailedDocument {
  id: string;
  file: string;
  line: number | null;
  column: number | null;
  message: string;
  /** `file:line:column: message`. */
  text: string;
}

export interface BuildSummary {
  documents: number;
  built: string[];
  skipped: number;
  failed: FailedDocument[];
  /** Output files removed (of deleted or renamed sources, or of documents that now fail). */
  removed: string[];
  tables: AggregateState | 'shard';
  pack: AggregateState | 'shard';
  timings: { discoverMs: number; documentsMs: number; tablesMs: number; packMs: number; totalMs: number };
}

/**
 * Builds every output of CONTRACT.md for `inputs` into `outDir`, incrementally: documents whose
 * source, settings and tool are those the manifest records (and whose outputs are there) are
 * neither parsed nor rendered; tables and pack are rewritten only when an AST they are made of
 * changed. Every file is written atomically, the manifest last.
 */
export async function build(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const reporter = options.reporter ?? silentReporter;
  const settings = await resolveSettings(options);
  const outDir = resolve(settings.cwd, options.outDir);
  const shard = options.shard ?? null;
  const force = options.force ?? false;

  // A rebuild of one document, with more than one job, draws its PDFs and writes the pack in a
  // process of its own (see below). Whether a build is one is known only from the plan; started
  // first (when there are outputs to rebuild from), the process has loaded the renderer by then.
  const jobs = options.jobs ?? defaultJobs();
  const mayDrawApart = !shard && !force && jobs > 1;
  const early = mayDrawApart && existsSync(join(outDir, MANIFEST_NAME)) ? new PdfProcess() : null;
  try {
    return await buildWith(early);
  } finally {
    // Let go at once if the build ended before it was needed (else it is closed already).
    early?.dismiss();
  }

  async function buildWith(early: PdfProcess | null): Promise<BuildSummary> {
    await removeStaleTemps(outDir);
    const [tool, tasks, previous] = await Promise.all([toolFingerprint(), discover(options.inputs, settings.cwd, shard), readManifest(outDir)]);
    const plan = await makePlan(tasks, outDir, previous, tool, settings, force);
    const discoverMs = performance.now() - started;

    const stale = plan.documents.filter((d) => d.reason !== null);
    const fresh = plan.documents.flatMap((d) => (d.fresh ? [d.fresh] : []));
    const summary: BuildSummary = {
      documents: plan.documents.length,
      built: [],
      skipped: fresh.length,
      failed: [],
      removed: [],
      tables: shard ? 'shard' : stateOf(previous?.tables),
      pack: shard ? 'shard' : stateOf(previous?.pack),
      timings: { discoverMs, documentsMs: 0, tablesMs: 0, packMs: 0, totalMs: 0 },
    };

    const sameShard = JSON.stringify(previous?.shard ?? null) === JSON.stringify(shard);
    if (stale.length === 0 && plan.orphans.length === 0 && previous && sameShard && !force) {
      const agg = shard ? { tables: true, pack: true } : await aggregatesFresh(outDir, previous, tool, settings, fresh);
      if (agg.tables && agg.pack) {
        summary.timings.totalMs = performance.now() - started;
        return summary;
      }
    }

    // With one document to do, the PDF process loads the renderer while this one loads the parser
    // and parses; it then draws the document's PDFs and writes the pack, beside the tables written
    // here. The renderer is loaded once, not twice, and not on the way from the source to the AST.
    // With more, the documents go to workers and the process started early (if any) only writes
    // the pack: started when the pack is due, as the workers rewrite the sidecars it reads.
    const drawApart = mayDrawApart && stale.length === 1;
    const pdfProcess = drawApart ? (early ?? new PdfProcess()) : early;
    if (drawApart) pdfProcess?.start(pdfSettings(outDir, settings, tool));
    try {
      await buildOutputs();
    } finally {
      await pdfProcess?.close();
    }
    summary.timings.totalMs = performance.now() - started;
    return summary;

    async function buildOutputs(): Promise<void> {
      // Before any output changes, the manifest stops vouching for what is about to be rewritten:
      // a build killed from here on leaves a manifest that makes the next build redo that work.
      const base: Manifest = { format: 1, tool, config: settings.documentsKey, shard, documents: fresh, tables: null, pack: null };
      await writeManifest(outDir, base);

      for (const file of plan.orphans) {
        await rm(join(outDir, file), { force: true });
        summary.removed.push(file);
      }

      const documentsStarted = performance.now();
      const render = drawApart && pdfProcess ? (task: DocumentTask, brief: Brief) => pdfProcess.render(task, brief) : undefined;
      const results = await runDocuments(stale, outDir, { ...settings, tool }, jobs, reporter, 'build', render);
      summary.timings.documentsMs = performance.now() - documentsStarted;

      const records: DocumentRecord[] = [...fresh];
      for (const doc of stale) {
        const result = results.get(doc.id)!;
        if (result.ok) {
          summary.built.push(doc.id);
          records.push({ id: doc.id, source: doc.path, sha256: result.sha256, ast: result.ast, outputs: result.outputs });
          for (const line of result.diagnostics) reporter.line(line);
        } else {
          const text = formatFailure(result.error);
          summary.failed.push({ id: doc.id, file: result.error.file, line: result.error.line, column: result.error.column, message: result.error.message, text });
          reporter.line(text);
          if (result.error.stack && process.env.BRIEFS_DEBUG) reporter.line(result.error.stack);
          // No outputs of an older version of a document that fails now: out/ shows the sources as they are.
          for (const file of documentFiles(doc.id)) {
            await rm(join(outDir, file), { force: true });
          }
        }
      }
      records.sort((a, b) => compare(a.id, b.id));

      const final: Manifest = { ...base, documents: records };
      if (!shard) {
        const agg = await writeAggregates(outDir, records, previous, tool, settings, reporter, force, jobs > 1, pdfProcess);
        summary.tables = agg.tables.state;
        summary.pack = agg.pack.state;
        summary.timings.tablesMs = agg.tables.ms;
        summary.timings.packMs = agg.pack.ms;
        final.tables = agg.tables.record;
        final.pack = agg.pack.record;
      }
      await writeManifest(outDir, final);
    }
  }
}

/** Parses (and in a build renders and writes) documents on `jobs` threads; results by doc id. */
export async function runDocuments(
  docs: readonly PlannedDocument[],
  outDir: string,
  settings: { packFile: string | null; epoch: number | null; maxBytes: number | null; tool: string },
  jobs: number | undefined,
  reporter: Reporter,
  mode: 'build' | 'tables',
  render?: RenderDocument,
): Promise<Map<string, TaskResult>> {
  const results = new Map<string, TaskResult>();
  if (docs.length === 0) return results;
  const runner = createRunner(
    { mode, outDir, packFile: settings.packFile, epoch: settings.epoch, maxBytes: settings.maxBytes, tool: settings.tool },
    jobs ?? defaultJobs(),
    docs.length,
    render,
  );
  reporter.start('documents', docs.length);
  try {
    await Promise.all(
      docs.map((doc) =>
        runner.run(doc).then((result) => {
          results.set(doc.id, result);
          reporter.tick();
        }),
      ),
    );
  } finally {
    await runner.close();
  }
  reporter.end();
  return results;
}

export const defaultJobs = (): number => availableParallelism();
