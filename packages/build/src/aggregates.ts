import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Brief, BriefsError, isBriefsError } from '@briefs/ast';
import { writeFileAtomic } from '@briefs/io';
import type { TablesPart } from '@briefs/tables';
import type { Settings } from './config.js';
import { type TaskSettings, astPath, partPdfPath, partTablesPath } from './document-task.js';
import { type PackJob, removePackFile, writePackFile } from './pack-task.js';
import { PdfProcess } from './pdf-process.js';
import { sha256 } from './fingerprint.js';
import type { AggregateRecord, DocumentRecord, Manifest } from './manifest.js';
import { exists } from './plan.js';
import type { Reporter } from './progress.js';
import { type TablesStage, loadTablesStage } from './stages.js';

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
 * Writes `data/*` and `pack.pdf` from the ASTs in `ast/` and the kept pack parts, each only when
 * what it contains changed (its key differs from the manifest's) or a file of it is missing.
 * With `parallel`, the pack is written by a child process while this one writes the tables: by
 * `pdfProcess` when the build started one (forked before the plan, it is up by now), else by a
 * new one.
 */
export async function writeAggregates(
  outDir: string,
  records: readonly DocumentRecord[],
  previous: Manifest | null,
  tool: string,
  settings: Settings,
  reporter: Reporter,
  force: boolean,
  parallel = false,
  pdfProcess: PdfProcess | null = null,
): Promise<AggregatesResult> {
  const fresh = force ? { tables: false, pack: false } : await aggregatesFresh(outDir, previous, tool, settings, records);
  const result: AggregatesResult = {
    tables: { record: previous?.tables ?? null, state: stateOf(previous?.tables), ms: 0 },
    pack: { record: previous?.pack ?? null, state: stateOf(previous?.pack), ms: 0 },
  };

  // The pack first: in a child process (under way while the tables are written here) when the
  // build has one already, or there are tables to write and more than one job; else here.
  const packStarted = performance.now();
  const packKey = packKeyOf(tool, settings, records);
  let packInChild: Promise<void> | null = null;
  if (!fresh.pack && records.length === 0) {
    // A pack of nothing is no pack: none is left claiming to hold deleted documents, nor pieces of one.
    await removePackFile(outDir, tool);
    result.pack = { record: { key: packKey, files: [] }, state: 'written', ms: 0 };
  } else if (!fresh.pack) {
    // Documents a pack file cannot name have no part; one it names but that has none is its error.
    const job: PackJob = {
      outDir,
      ids: records.filter((r) => r.outputs.includes(partPdfPath(r.id))).map((r) => r.id),
      epoch: settings.epoch,
      packFile: settings.packFile,
      tool,
    };
    const written = () => ({ record: { key: packKey, files: ['pack.pdf'] }, state: 'written' as const, ms: performance.now() - packStarted });
    // The build's PDF process, unless it died drawing a document (that document failed): then a new one.
    const child = pdfProcess?.alive ? pdfProcess : parallel && !fresh.tables ? new PdfProcess() : null;
    if (child) {
      child.start(pdfSettings(outDir, settings, tool));
      packInChild = child.writePack(job).then(() => {
        result.pack = written();
      });
      if (child !== pdfProcess) packInChild = packInChild.finally(() => child.close());
      // Handled here so that a failure before the tables are done is not an unhandled
      // rejection; it is thrown where the pack is awaited below.
      packInChild.catch(() => undefined);
    } else {
      reporter.start('pack', 1);
      await writePackFile(job);
      result.pack = written();
      reporter.tick();
      reporter.end();
    }
  }

  if (!fresh.tables) {
    const key = tablesKeyOf(tool, settings, records);
    const tables = await loadTablesStage();
    try {
      if (!tables) {
        result.tables = { record: { key, files: [] }, state: 'unavailable', ms: 0 };
      } else {
        const started = performance.now();
        reporter.start('tables', 1);
        const written = await tables.writeTables(readTablesParts(outDir, records, tables, reporter), join(outDir, 'data'), settings);
        reporter.tick();
        reporter.end();
        const files = written.map((f) => `data/${f}`);
        result.tables = { record: { key, files }, state: 'written', ms: performance.now() - started };
      }
    } catch (error) {
      // The pack's process is not left writing after a failure here.
      await packInChild?.catch(() => undefined);
      throw error;
    }
  }

  if (packInChild) {
    reporter.start('pack', 1);
    await packInChild;
    reporter.tick();
    reporter.end();
  }
  return result;
}

/** What a PDF process of a build needs to know. */
export const pdfSettings = (outDir: string, settings: Settings, tool: string): TaskSettings => ({
  mode: 'build',
  outDir,
  packFile: settings.packFile,
  epoch: settings.epoch,
  maxBytes: settings.maxBytes,
  tool,
});

/**
 * Each document's share of the tables, as its worker kept it (`.briefs-parts/<id>.tables`), in
 * record (doc-id) order. Read synchronously: a thousand small files go faster in one loop than
 * through the thread pool, and this is most of the tables' cost in a rebuild. A share that is
 * missing, damaged or made from another AST than the manifest records is made again from the
 * AST and kept, and said so: the tables are never made of a wrong share.
 */
async function* readTablesParts(outDir: string, records: readonly DocumentRecord[], tables: TablesStage, reporter: Reporter): AsyncGenerator<TablesPart> {
  for (const record of records) {
    const file = partTablesPath(record.id);
    let why: string;
    try {
      const part = tables.decodePart(readFileSync(join(outDir, file)), file);
      if (part.key === record.ast && part.id === record.id) {
        yield part;
        continue;
      }
      why = 'made from another version of the document';
    } catch (error) {
      if (!isBriefsError(error) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      why = isBriefsError(error) ? error.message : 'missing';
    }
    reporter.line(`${file}: ${why}; made again from ${astPath(record.id)}`);
    yield await remakePart(outDir, record, tables);
  }
}

/** A document's share of the tables made again from its AST, which must be the one the manifest records. */
async function remakePart(outDir: string, record: DocumentRecord, tables: TablesStage): Promise<TablesPart> {
  const ast = astPath(record.id);
  const json = await readFile(join(outDir, ast)).catch(() => null);
  if (!json || sha256(json) !== record.ast) {
    throw new BriefsError('E_INPUT_INVALID', `${json ? 'changed' : 'missing'} since it was built; build again with --force`, { file: ast });
  }
  const part = tables.part(JSON.parse(json.toString('utf8')) as Brief, record.ast);
  await writeFileAtomic(join(outDir, partTablesPath(record.id)), tables.encodePart(part));
  return part;
}

async function allExist(outDir: string, files: readonly string[]): Promise<boolean> {
  for (const file of files) if (!(await exists(join(outDir, file)))) return false;
  return true;
}
