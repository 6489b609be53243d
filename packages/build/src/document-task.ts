import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Brief, isBriefsError } from '@briefs/ast';
import { writeFileAtomic } from '@briefs/io';
import type { TablesPart } from '@briefs/tables';
import { briefDate } from './dates.js';
import { sha256 } from './fingerprint.js';
import { loadParseStage, loadPdfStage, loadTablesStage } from './stages.js';

/** One document to parse (and, in a build, render and write). */
export interface DocumentTask {
  id: string;
  /** Where to read it. */
  file: string;
  /** How to name it in messages, tables and the AST: relative to the working folder. */
  path: string;
}

/** Settings shared by every task of a run (sent once to each worker). */
export interface TaskSettings {
  /**
   * `build`: write `ast/<id>.json`, `briefs/<id>.pdf` and the document's pack part and share of
   * the tables; `tables` (export): hand its share of the tables back.
   */
  mode: 'build' | 'tables';
  outDir: string;
  packFile: string | null;
  epoch: number | null;
  maxBytes: number | null;
  /** The tool's fingerprint: what a build keeps for the next (charts drawn) is good for this tool only. */
  tool: string;
}

export interface TaskFailure {
  message: string;
  file: string;
  line: number | null;
  column: number | null;
  code: string;
  stack?: string;
}

export type TaskResult =
  | {
      ok: true;
      id: string;
      sha256: string;
      /** sha256 of the AST JSON. */
      ast: string;
      outputs: string[];
      /** `path:line:column: level: message` lines of problems in the content. */
      diagnostics: string[];
      /** The document's share of the tables, in `tables` mode. */
      part: TablesPart | null;
      parseMs: number;
      renderMs: number;
    }
  | { ok: false; id: string; error: TaskFailure };

export const astPath = (id: string): string => `ast/${id}.json`;
export const pdfPath = (id: string): string => `briefs/${id}.pdf`;
/** Where a document's pages of the pack are kept (not an output of CONTRACT.md: a build's cache). */
export const PARTS_DIR = '.briefs-parts';
export const partPdfPath = (id: string): string => `${PARTS_DIR}/${id}.pdf`;
export const partJsonPath = (id: string): string => `${PARTS_DIR}/${id}.json`;
/** Where a document's share of the tables is kept (@briefs/tables `tablesPart`), for the same reason. */
export const partTablesPath = (id: string): string => `${PARTS_DIR}/${id}.tables`;
/** Where a document's charts, as drawn, are kept (see `renderDocument`). */
export const partChartsPath = (id: string): string => `${PARTS_DIR}/${id}.charts`;
/** Every file a document can have in the output folder. */
export const documentFiles = (id: string): string[] => [astPath(id), pdfPath(id), partPdfPath(id), partJsonPath(id), partTablesPath(id), partChartsPath(id)];

/** A document parsed, before anything is written. */
export interface ParsedDocument {
  brief: Brief;
  /** The AST as `briefs parse` prints it. */
  json: string;
  result: { ok: true; id: string; sha256: string; ast: string; diagnostics: string[]; parseMs: number };
}

/** Reads and parses one document (throws a BriefsError for bad input). */
export async function parseDocument(task: DocumentTask, settings: TaskSettings): Promise<ParsedDocument> {
  const parser = await loadParseStage();
  const bytes = await readFile(task.file);
  const started = performance.now();
  const brief = parser.parse(bytes, {
    path: task.path,
    id: task.id,
    ...(settings.maxBytes ? { maxBytes: settings.maxBytes } : {}),
  });
  const json = parser.serialize(brief);
  const parseMs = performance.now() - started;
  const diagnostics = (brief.diagnostics ?? []).map((d) => {
    const at = d.position ? `:${d.position.start.line}:${d.position.start.column}` : '';
    return `${task.path}${at}: ${d.level}: ${d.message}`;
  });
  return { brief, json, result: { ok: true, id: task.id, sha256: sha256(bytes), ast: sha256(json), diagnostics, parseMs } };
}

/**
 * Draws a parsed document's PDFs and writes them: its brief, and its part of the pack (or removes
 * a part it no longer has). Returns the files written, relative to the output folder. Its charts
 * as drawn are kept (`.briefs-parts/<id>.charts`): a rebuild of the document draws only those
 * that changed, and none when none did (most edits), without loading the chart renderer.
 */
export async function renderDocument(id: string, brief: Brief, settings: TaskSettings): Promise<string[]> {
  const pdf = await loadPdfStage();
  const pack = await packOptions(pdf.loadPackFile, settings.packFile);
  const chartsFile = join(settings.outDir, partChartsPath(id));
  const chartDrawings = { kept: await keptCharts(chartsFile, settings.tool), drawn: new Map<string, string>() };
  await writeFileAtomic(join(settings.outDir, pdfPath(id)), await pdf.renderBrief(brief, { date: briefDate(settings.epoch, brief.meta), pack, chartDrawings }));
  const outputs = [pdfPath(id)];
  if (pdf.packMayInclude(brief, pack)) {
    const part = await pdf.renderPackPart(brief, pack, chartDrawings);
    await writeFileAtomic(join(settings.outDir, partPdfPath(id)), part.pdf);
    await writeFileAtomic(join(settings.outDir, partJsonPath(id)), `${JSON.stringify(part.sidecar)}\n`);
    outputs.push(partPdfPath(id), partJsonPath(id));
  } else {
    for (const file of [partPdfPath(id), partJsonPath(id)]) await rm(join(settings.outDir, file), { force: true });
  }
  if (chartDrawings.drawn.size > 0) {
    const svgs = Object.fromEntries([...chartDrawings.drawn].sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeFileAtomic(chartsFile, `${JSON.stringify({ tool: settings.tool, svgs })}\n`);
    outputs.push(partChartsPath(id));
  } else {
    await rm(chartsFile, { force: true });
  }
  return outputs;
}

/**
 * The drawings a document's charts file keeps, when the same tool made them; none when it is not
 * there, was made by another tool, or is not whole (a damaged file only costs a redrawing).
 */
async function keptCharts(file: string, tool: string): Promise<Map<string, string>> {
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as { tool?: unknown; svgs?: unknown };
    if (kept.tool !== tool || !kept.svgs || typeof kept.svgs !== 'object') return new Map();
    return new Map(Object.entries(kept.svgs as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

/** How a document's PDFs are drawn: here, or by another process that has the renderer loaded. */
export type RenderDocument = (task: DocumentTask, brief: Brief) => Promise<string[]>;

/**
 * Parse one document and, in a build, write its outputs (the AST last). Never throws: failures
 * are values. `render` draws its PDFs (default: in this thread).
 */
export async function runDocumentTask(task: DocumentTask, settings: TaskSettings, render?: RenderDocument): Promise<TaskResult> {
  try {
    const { brief, json, result } = await parseDocument(task, settings);
    const tables = await loadTablesStage();
    if (settings.mode === 'tables') return { ...result, outputs: [], part: tables?.part(brief, result.ast) ?? null, renderMs: 0 };
    const renderStarted = performance.now();
    // Started before the share of the tables is made here, so a PDF process draws meanwhile.
    const drawing = render ? render(task, brief) : null;
    drawing?.catch(() => undefined);
    if (tables) await writeFileAtomic(join(settings.outDir, partTablesPath(task.id)), tables.encodePart(tables.part(brief, result.ast)));
    const drawn = drawing ? await drawing : await renderDocument(task.id, brief, settings);
    const renderMs = performance.now() - renderStarted;
    const outputs = [astPath(task.id), ...drawn, ...(tables ? [partTablesPath(task.id)] : [])];
    await writeFileAtomic(join(settings.outDir, astPath(task.id)), json);
    return { ...result, outputs, part: null, renderMs };
  } catch (error) {
    return { ok: false, id: task.id, error: toFailure(error, task.path) };
  }
}

const packs = new Map<string, Promise<unknown>>();
/** The pack file is read once per thread, not once per document. */
export function packOptions(load: (path: string) => Promise<unknown>, file: string | null): Promise<unknown> {
  if (!file) return Promise.resolve({});
  let pack = packs.get(file);
  if (!pack) {
    pack = load(file);
    packs.set(file, pack);
  }
  return pack;
}

export function toFailure(error: unknown, path: string): TaskFailure {
  if (isBriefsError(error)) {
    return {
      message: error.message,
      file: error.file ?? path,
      line: error.point?.line ?? null,
      column: error.point?.column ?? null,
      code: error.code,
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  const failure: TaskFailure = { message: e.message, file: path, line: null, column: null, code: 'E_INTERNAL' };
  if (e.stack) failure.stack = e.stack;
  return failure;
}

/** `file:line:column: message`, the form editors and CI logs link. */
export function formatFailure(failure: TaskFailure): string {
  const at = failure.line !== null ? `:${failure.line}${failure.column !== null ? `:${failure.column}` : ''}` : '';
  return `${failure.file}${at}: ${failure.message}`;
}
