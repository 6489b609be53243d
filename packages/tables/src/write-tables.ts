import { mkdir, rename } from 'node:fs/promises';
import { type Brief, BriefsError, isBriefsError } from '@briefs/ast';
import { BOM, csvHeader } from './csv.js';
import { type ResourceFacts, dataPackageJson } from './datapackage.js';
import { FileSink } from './file-sink.js';
import { type TablesPart, tablesPart } from './part.js';
import { TABLES, type TableDef, type TableName } from './tables.js';
import { SheetPieces, writeWorkbook } from './xlsx/workbook.js';

export interface WriteTablesOptions {
  /** Start every CSV with a UTF-8 byte order mark (for Excel). Default false. */
  bom?: boolean | undefined;
  /** Also write `briefs.xlsx`. Default true. */
  xlsx?: boolean | undefined;
}

/** A problem in the content that did not stop the export (markdoc habit: problems are values). */
export interface TablesWarning {
  docId: string | null;
  table: TableName | null;
  column: string | null;
  message: string;
}

export interface TablesSummary {
  dataDir: string;
  documents: number;
  /** Rows written per table (CSV; the header not counted). */
  rows: Record<TableName, number>;
  /** Every file written, as absolute-or-as-given paths under `dataDir`, in a fixed order. */
  files: string[];
  /** At most `MAX_WARNINGS` warnings; `warningCount` counts them all. */
  warnings: TablesWarning[];
  warningCount: number;
}

export const DATAPACKAGE_FILE = 'datapackage.json';
export const XLSX_FILE = 'briefs.xlsx';
const MAX_WARNINGS = 1000;

interface TableOutput {
  table: TableDef;
  csv: FileSink;
  sheet: SheetPieces | null;
  rows: number;
}

/**
 * Writes `documents.csv … links.csv`, `datapackage.json` and (unless `xlsx: false`) `briefs.xlsx`
 * into `dataDir`, from briefs in the order given (then reading order within each).
 *
 * Streams: each brief is turned into its share of the tables (`tablesPart`) and written before
 * the next brief is read, so memory stays flat whatever the number of documents (pass an async
 * generator that reads `ast/*.json` one at a time to keep it so).
 *
 * All or nothing: every file is written under a temporary name in `dataDir` and renamed into
 * place only after all of them are complete; on failure the temporaries are removed and the
 * files of a previous run are left as they were. Throws `BriefsError` (`E_INPUT_INVALID` for a
 * duplicate or missing document id, `E_OUTPUT` when the folder cannot be written).
 */
export async function writeTables(
  briefs: Iterable<Brief> | AsyncIterable<Brief>,
  dataDir: string,
  options: WriteTablesOptions = {},
): Promise<TablesSummary> {
  async function* parts(): AsyncGenerator<TablesPart> {
    for await (const brief of briefs) yield tablesPart(brief);
  }
  return writeTablesFromParts(parts(), dataDir, options);
}

/**
 * `writeTables` from the documents' shares of the tables, made earlier (`tablesPart`, kept as
 * files with `encodeTablesPart`): only joins them. The same shares give the same bytes as
 * `writeTables` from the briefs they were made of.
 */
export async function writeTablesFromParts(
  parts: Iterable<TablesPart> | AsyncIterable<TablesPart>,
  dataDir: string,
  options: WriteTablesOptions = {},
): Promise<TablesSummary> {
  const withXlsx = options.xlsx !== false;
  const warnings: TablesWarning[] = [];
  let warningCount = 0;
  const warn = (warning: TablesWarning): void => {
    warningCount++;
    if (warnings.length < MAX_WARNINGS) warnings.push(warning);
  };
  const sinks: FileSink[] = [];
  const track = (sink: FileSink): FileSink => {
    sinks.push(sink);
    return sink;
  };

  try {
    await mkdir(dataDir, { recursive: true });
    const outputs: TableOutput[] = [];
    for (const table of TABLES) {
      const csv = track(await FileSink.create(dataDir, table.path));
      csv.push((options.bom ? BOM : '') + csvHeader(table));
      const sheet = withXlsx ? new SheetPieces(table, track(FileSink.scratch(dataDir))) : null;
      outputs.push({ table, csv, sheet, rows: 0 });
    }

    const seen = new Set<string>();
    let documents = 0;
    for await (const part of parts) {
      if (seen.has(part.id)) {
        throw new BriefsError('E_INPUT_INVALID', `two documents have the id "${part.id}"; document ids must be unique`, part.source ? { file: part.source } : {});
      }
      seen.add(part.id);
      documents++;
      for (const warning of part.warnings) warn(warning);
      for (const [i, out] of outputs.entries()) {
        const share = part.tables[i]!;
        if (share.rows === 0) continue;
        out.rows += share.rows;
        out.csv.push(share.csv);
        out.sheet?.add(share);
      }
      for (const sink of sinks) if (sink.full) await sink.flush();
    }

    const facts: Record<string, ResourceFacts> = {};
    for (const out of outputs) {
      await out.csv.flush();
      facts[out.table.name] = { bytes: out.csv.bytes, sha256: out.csv.digest() };
    }
    const pkg = track(await FileSink.create(dataDir, DATAPACKAGE_FILE));
    pkg.push(dataPackageJson({ bom: options.bom === true, facts }));

    let workbook: FileSink | null = null;
    if (withXlsx) {
      const sheets: SheetPieces[] = [];
      for (const out of outputs) {
        const pieces = out.sheet!;
        sheets.push(pieces);
        const { sheet } = pieces;
        for (const w of sheet.warnings) warn({ docId: null, table: out.table.name, column: w.column, message: `briefs.xlsx row ${w.row}: ${w.message}` });
        if (sheet.droppedRows > 0) {
          warn({
            docId: null,
            table: out.table.name,
            column: null,
            message: `briefs.xlsx: ${sheet.droppedRows} rows past Excel's limit of ${thousands(sheet.maxRows)} left out of the sheet (the CSV has them all)`,
          });
        }
      }
      workbook = track(await FileSink.create(dataDir, XLSX_FILE));
      await writeWorkbook(workbook, sheets);
    }

    // Every file complete, on disk (fsynced all at once: the disk serves them together), then
    // moved into place.
    const finals = [...outputs.map((o) => o.csv), pkg, ...(workbook ? [workbook] : [])];
    await Promise.all(finals.map((sink) => sink.finish()));
    for (const sink of finals) await rename(sink.tempPath, sink.path);
    for (const out of outputs) await out.sheet?.file.discard();

    const rows = Object.fromEntries(outputs.map((o) => [o.table.name, o.rows])) as Record<TableName, number>;
    return { dataDir, documents, rows, files: finals.map((s) => s.path), warnings, warningCount };
  } catch (error) {
    await Promise.all(sinks.map((s) => s.discard()));
    if (isBriefsError(error)) throw error;
    if (isSystemError(error)) {
      throw new BriefsError('E_OUTPUT', `cannot write the tables: ${error.message}`, { file: error.path ?? dataDir });
    }
    throw error;
  }
}

/** 1048576 → `1,048,576`, the same in every locale. */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
