import { mkdir, rename } from 'node:fs/promises';
import { type Brief, BriefsError, isBriefsError } from '@briefs/ast';
import { BOM, csvHeader, csvRows } from './csv.js';
import { type ResourceFacts, dataPackageJson } from './datapackage.js';
import { FileSink } from './file-sink.js';
import { calendarDate } from './format/dates.js';
import { TABLES, type TableDef, type TableName } from './tables.js';
import { SheetBuilder } from './xlsx/sheet.js';
import { writeWorkbook } from './xlsx/workbook.js';

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
  sheet: SheetBuilder | null;
  sheetRows: FileSink | null;
  rows: number;
}

/**
 * Writes `documents.csv … links.csv`, `datapackage.json` and (unless `xlsx: false`) `briefs.xlsx`
 * into `dataDir`, from briefs in the order given (then reading order within each).
 *
 * Streams: each brief's rows are encoded and written before the next brief is read, and the
 * workbook's sheets are collected in temporary files, so memory stays flat whatever the number
 * of documents (pass an async generator that reads `ast/*.json` one at a time to keep it so).
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
      await csv.write((options.bom ? BOM : '') + csvHeader(table));
      outputs.push({
        table,
        csv,
        sheet: withXlsx ? new SheetBuilder(table) : null,
        sheetRows: withXlsx ? track(await FileSink.create(dataDir, `${table.name}.rows.xml`)) : null,
        rows: 0,
      });
    }

    const seen = new Set<string>();
    let documents = 0;
    for await (const brief of briefs) {
      checkBrief(brief, seen);
      documents++;
      if (brief.meta.published && calendarDate(brief.meta.published) === null) {
        warn({ docId: brief.id, table: 'documents', column: 'published', message: `"${brief.meta.published}" is not a calendar date; left empty` });
      }
      for (const out of outputs) {
        const rows = out.table.rows(brief);
        if (rows.length === 0) continue;
        out.rows += rows.length;
        await out.csv.write(csvRows(out.table, rows));
        if (out.sheet && out.sheetRows) await out.sheetRows.write(out.sheet.rowsXml(rows));
      }
    }

    const facts: Record<string, ResourceFacts> = {};
    for (const out of outputs) {
      await out.csv.finish();
      facts[out.table.name] = { bytes: out.csv.bytes, sha256: out.csv.digest() };
    }
    const pkg = track(await FileSink.create(dataDir, DATAPACKAGE_FILE));
    await pkg.write(dataPackageJson({ bom: options.bom === true, facts }));
    await pkg.finish();

    let workbook: FileSink | null = null;
    if (withXlsx) {
      const parts = [];
      for (const out of outputs) {
        await out.sheetRows!.finish();
        const sheet = out.sheet!;
        parts.push({ builder: sheet, rowsPath: out.sheetRows!.tempPath });
        for (const w of sheet.warnings) warn({ docId: null, table: out.table.name, column: w.column, message: `briefs.xlsx row ${w.row}: ${w.message}` });
        if (sheet.droppedRows > 0) {
          warn({
            docId: null,
            table: out.table.name,
            column: null,
            message: `briefs.xlsx: ${sheet.droppedRows} rows past Excel's limit of 1,048,576 left out of the sheet (the CSV has them all)`,
          });
        }
      }
      workbook = track(await FileSink.create(dataDir, XLSX_FILE));
      await writeWorkbook(workbook, parts);
      await workbook.finish();
    }

    // Everything is complete on disk: now move it into place.
    const finals = [...outputs.map((o) => o.csv), pkg, ...(workbook ? [workbook] : [])];
    for (const sink of finals) await rename(sink.tempPath, sink.path);
    for (const out of outputs) await out.sheetRows?.discard();

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

function checkBrief(brief: Brief, seen: Set<string>): void {
  const file = brief?.source?.path;
  const where = file ? { file } : {};
  if (brief?.type !== 'brief' || typeof brief.id !== 'string' || brief.id === '' || !brief.meta || !Array.isArray(brief.children)) {
    throw new BriefsError('E_INPUT_INVALID', 'not a brief AST (needs type "brief", an id, meta and children)', where);
  }
  if (seen.has(brief.id)) {
    throw new BriefsError('E_INPUT_INVALID', `two documents have the id "${brief.id}"; document ids must be unique`, where);
  }
  seen.add(brief.id);
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
