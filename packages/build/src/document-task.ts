import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isBriefsError } from '@briefs/ast';
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
/** Every file a document can have in the output folder. */
export const documentFiles = (id: string): string[] => [astPath(id), pdfPath(id), partPdfPath(id), partJsonPath(id), partTablesPath(id)];

/** Parse one document and, in a build, write its outputs. Never throws: failures are values. */
export async function runDocumentTask(task: DocumentTask, settings: TaskSettings): Promise<TaskResult> {
  try {
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
    const base = { ok: true as const, id: task.id, sha256: sha256(bytes), ast: sha256(json), diagnostics, parseMs };
    const tables = await loadTablesStage();
    if (settings.mode === 'tables') return { ...base, outputs: [], part: tables?.part(brief, base.ast) ?? null, renderMs: 0 };

    const outputs = [astPath(task.id)];
    const pdf = await loadPdfStage();
    const renderStarted = performance.now();
    const pack = await packOptions(pdf.loadPackFile, settings.packFile);
    await writeFileAtomic(join(settings.outDir, pdfPath(task.id)), await pdf.renderBrief(brief, { date: briefDate(settings.epoch, brief.meta), pack }));
    outputs.push(pdfPath(task.id));
    if (pdf.packMayInclude(brief, pack)) {
      const part = await pdf.renderPackPart(brief, pack);
      await writeFileAtomic(join(settings.outDir, partPdfPath(task.id)), part.pdf);
      await writeFileAtomic(join(settings.outDir, partJsonPath(task.id)), `${JSON.stringify(part.sidecar)}\n`);
      outputs.push(partPdfPath(task.id), partJsonPath(task.id));
    } else {
      for (const file of [partPdfPath(task.id), partJsonPath(task.id)]) await rm(join(settings.outDir, file), { force: true });
    }
    const renderMs = performance.now() - renderStarted;
    if (tables) {
      await writeFileAtomic(join(settings.outDir, partTablesPath(task.id)), tables.encodePart(tables.part(brief, base.ast)));
      outputs.push(partTablesPath(task.id));
    }
    await writeFileAtomic(join(settings.outDir, astPath(task.id)), json);
    return { ...base, outputs, part: null, renderMs };
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
