import { resolve } from 'node:path';
import { BriefsError } from '@briefs/ast';
import type { TablesPart } from '@briefs/tables';
import { defaultJobs } from './build.js';
import { type SettingsInput, resolveSettings } from './config.js';
import { formatFailure } from './document-task.js';
import { discover } from './plan.js';
import { type Reporter, silentReporter } from './progress.js';
import { loadTablesStage } from './stages.js';
import { createRunner, runOrdered } from './worker-pool.js';
import type { FailedDocument } from './build.js';

export interface ExportOptions extends SettingsInput {
  inputs: readonly string[];
  /** Output folder: the tables go to `<outDir>/data/`. */
  outDir: string;
  jobs?: number;
  reporter?: Reporter;
}

export interface ExportSummary {
  documents: number;
  exported: number;
  failed: FailedDocument[];
  timings: { totalMs: number };
}

/**
 * Only the tables: parses every source on worker threads, where each document's share of the
 * tables is made too (as in a build), and streams the shares, in doc-id order, into the tables
 * writer, holding a bounded number of them in memory at a time.
 */
export async function exportTables(options: ExportOptions): Promise<ExportSummary> {
  const started = performance.now();
  const reporter = options.reporter ?? silentReporter;
  const settings = await resolveSettings(options);
  const outDir = resolve(settings.cwd, options.outDir);
  const tables = await loadTablesStage();
  if (!tables) throw new BriefsError('E_INTERNAL', 'this version of @briefs/tables has no table writer');
  const tasks = await discover(options.inputs, settings.cwd, null);
  const jobs = options.jobs ?? defaultJobs();
  const runner = createRunner(
    { mode: 'tables', outDir, packFile: null, epoch: settings.epoch, maxBytes: settings.maxBytes, tool: '' },
    jobs,
    tasks.length,
  );
  const summary: ExportSummary = { documents: tasks.length, exported: 0, failed: [], timings: { totalMs: 0 } };
  reporter.start('documents', tasks.length);
  async function* parts(): AsyncGenerator<TablesPart> {
    for await (const result of runOrdered(runner, tasks, Math.max(4, jobs * 4), () => reporter.tick())) {
      if (result.ok && result.part) {
        summary.exported++;
        for (const line of result.diagnostics) reporter.line(line);
        yield result.part;
      } else if (!result.ok) {
        const e = result.error;
        const text = formatFailure(e);
        summary.failed.push({ id: result.id, file: e.file, line: e.line, column: e.column, message: e.message, text });
        reporter.line(text);
      }
    }
  }
  try {
    await tables.writeTables(parts(), resolve(outDir, 'data'), settings);
  } finally {
    await runner.close();
  }
  reporter.end();
  summary.timings.totalMs = performance.now() - started;
  return summary;
}
