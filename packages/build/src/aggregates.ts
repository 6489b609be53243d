import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Brief } from '@briefs/ast';
import type { Settings } from './config.js';
import { latestDate } from './dates.js';
import { packOptions, partJsonPath, partPdfPath } from './document-task.js';
import { sha256 } from './fingerprint.js';
import type { AggregateRecord, DocumentRecord, Manifest } from './manifest.js';
import { exists } from './plan.js';
import type { Reporter } from './progress.js';
import { type PackPartOnDisk, type PackPartSidecar, loadPdfStage, loadTablesStage } from './stages.js';

/** What became of an output made from every document. */
export type AggregateState = 'written' | 'up to date' | 'unavailable';

export interface AggregatesResult {
  tables: { record: AggregateRecord | null; state: AggregateState; ms: number };
  pack: { record: AggregateRecord | null; state: AggregateState; ms: number };
}

/** State of an output the manifest records as fresh: none written means its stage is not in this version. */
export const stateOf = (record: AggregateRecord | null | undefined): AggregateState =>
  record && record.files.length === 0 ? 'unavailable' : 'up to date';

/** Key of the inputs of the tables: the tool, their settings, and every AST (by digest), in order. */
export const tablesKeyOf = (tool: string, settings: Settings, records: readonly DocumentRecord[]): string =>
  sha256(JSON.stringify(['tables', tool, settings.tablesKey, records.map((r) => [r.id, r.ast])]));

/**
 * Key of the inputs of the pack: the tool, its settings, and the documents it may hold (those with
 * pack pages: a pack file that cannot name a document gives it none), by AST digest, in order. A
 * change to a document the pack leaves out does not redraw the pack.
 */
export const packKeyOf = (tool: string, settings: Settings, records: readonly DocumentRecord[]): string =>
  sha256(JSON.stringify(['pack', tool, settings.packKey, records.filter((r) => r.outputs.includes(partPdfPath(r.id))).map((r) => [r.id, r.ast])]));

/**
 * Whether the tables and the pack of `outDir` are those of `records`. Needs no stage: when the
 * tool is the same, what its stages write is what the manifest lists.
 */
export async function aggregatesFresh(
  outDir: string,
  previous: Manifest | null,
  tool: string,
  settings: Settings,
  records: readonly DocumentRecord[],
): Promise<{ tables: boolean; pack: boolean }> {
  if (!previous || previous.tool !== tool) return { tables: false, pack: false };
  return {
    tables: await isFresh(outDir, previous.tables, tablesKeyOf(tool, settings, records)),
    pack: await isFresh(outDir, previous.pack, packKeyOf(tool, settings, records)),
  };
}

async function isFresh(outDir: string, record: AggregateRecord | null, key: string): Promise<boolean> {
  return record?.key === key && (await allExist(outDir, record.files));
}

/**
 * Writes `data/*` and `pack.pdf` from the ASTs in `ast/`, each only when what it contains
 * changed (its key differs from the manifest's) or a file of it is missing.
 */
export async function writeAggregates(
  outDir: string,
  records: readonly DocumentRecord[],
  previous: Manifest | null,
  tool: string,
  settings: Settings,
  reporter: Reporter,
  force: boolean,
): Promise<AggregatesResult> {
  const fresh = force ? { tables: false, pack: false } : await aggregatesFresh(outDir, previous, tool, settings, records);
  const result: AggregatesResult = {
    tables: { record: previous?.tables ?? null, state: stateOf(previous?.tables), ms: 0 },
    pack: { record: previous?.pack ?? null, state: stateOf(previous?.pack), ms: 0 },
  };

  if (!fresh.tables) {
    const key = tablesKeyOf(tool, settings, records);
    const tables = await loadTablesStage();
    if (!tables) {
      result.tables = { record: { key, files: [] }, state: 'unavailable', ms: 0 };
    } else {
      const started = performance.now();
      reporter.start('tables', 1);
      const written = await tables.writeTables(readBriefs(outDir, records), join(outDir, 'data'), settings);
      reporter.tick();
      reporter.end();
      const files = written.map((f) => `data/${f}`);
      result.tables = { record: { key, files }, state: 'written', ms: performance.now() - started };
    }
  }

  if (!fresh.pack) {
    const key = packKeyOf(tool, settings, records);
    // Documents a pack file cannot name have no part; one it names but that has none is its error.
    const parts = records.filter((r) => r.outputs.includes(partPdfPath(r.id)));
    if (records.length === 0) {
      // A pack of nothing is no pack: none is left claiming to hold deleted documents.
      await rm(join(outDir, 'pack.pdf'), { force: true });
      result.pack = { record: { key, files: [] }, state: 'written', ms: 0 };
    } else {
      const started = performance.now();
      reporter.start('pack', 1);
      const pdf = await loadPdfStage();
      const onDisk: PackPartOnDisk[] = [];
      for (const r of parts) {
        const shown = partJsonPath(r.id);
        onDisk.push({ file: join(outDir, partPdfPath(r.id)), shown: partPdfPath(r.id), sidecar: JSON.parse(await readFile(join(outDir, shown), 'utf8')) as PackPartSidecar });
      }
      const date =
        settings.epoch !== null
          ? new Date(settings.epoch * 1000)
          : (latestDate(onDisk.flatMap((p) => [p.sidecar.digest.brief.meta?.published, p.sidecar.digest.brief.meta?.updated])) ?? new Date(0));
      const pack = await packOptions(pdf.loadPackFile, settings.packFile);
      await pdf.writePack(onDisk, { date, pack }, join(outDir, 'pack.pdf'));
      reporter.tick();
      reporter.end();
      result.pack = { record: { key, files: ['pack.pdf'] }, state: 'written', ms: performance.now() - started };
    }
  }
  return result;
}

/** The ASTs of `records`, read back one at a time, in record (doc-id) order. */
export async function* readBriefs(outDir: string, records: readonly DocumentRecord[]): AsyncGenerator<Brief> {
  for (const record of records) {
    yield JSON.parse(await readFile(join(outDir, 'ast', `${record.id}.json`), 'utf8')) as Brief;
  }
}

async function allExist(outDir: string, files: readonly string[]): Promise<boolean> {
  for (const file of files) if (!(await exists(join(outDir, file)))) return false;
  return true;
}
