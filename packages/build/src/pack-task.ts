import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefsError, type BriefsErrorCode, isBriefsError } from '@briefs/ast';
import { latestDate } from './dates.js';
import { PARTS_DIR, packOptions, partJsonPath, partPdfPath } from './document-task.js';
import type { PartFile } from '@briefs/pdf';
import { type PackPartSidecar, loadPdfStage } from './stages.js';

/** What writing `pack.pdf` needs: plain data, so it can be handed to another process. */
export interface PackJob {
  outDir: string;
  /** Documents with pack pages, in doc-id order. */
  ids: string[];
  epoch: number | null;
  packFile: string | null;
  /** Digest of the tool: the pieces of the pack's cross-document pages kept by it are its own. */
  tool: string;
}

/**
 * Writes `pack.pdf` from the kept parts of `job.ids` (see @briefs/pdf `writePackFromParts`); the
 * pieces of its cross-document pages are kept beside the parts, so the next pack redraws only
 * those whose documents changed.
 */
export async function writePackFile(job: PackJob): Promise<void> {
  const pdf = await loadPdfStage();
  const parts: PartFile[] = [];
  for (const id of job.ids) {
    const sidecar = JSON.parse(await readFile(join(job.outDir, partJsonPath(id)), 'utf8')) as PackPartSidecar;
    parts.push({ file: join(job.outDir, partPdfPath(id)), shown: partPdfPath(id), ...sidecar });
  }
  const date =
    job.epoch !== null
      ? new Date(job.epoch * 1000)
      : (latestDate(parts.flatMap((p) => [p.digest.brief.meta?.published, p.digest.brief.meta?.updated])) ?? new Date(0));
  const pack = await packOptions(pdf.loadPackFile, job.packFile);
  await pdf.writePack(parts, { date, pack, store: { dir: join(job.outDir, PARTS_DIR), salt: job.tool } }, join(job.outDir, 'pack.pdf'));
}

/** A failure as it crosses processes. */
export interface PackFailure {
  code: string;
  message: string;
  file?: string | undefined;
  point?: { line: number; column: number } | undefined;
  stack?: string | undefined;
}

export function toPackFailure(error: unknown): PackFailure {
  if (isBriefsError(error)) return { code: error.code, message: error.message, file: error.file, point: error.point };
  const e = error instanceof Error ? error : new Error(String(error));
  return { code: 'E_INTERNAL', message: e.message, stack: e.stack };
}

/**
 * `writePackFile` in a child process of its own, so that the tables can be written meanwhile on
 * the other core. Its errors come back as the same `BriefsError`s; a child that dies (a crash in
 * native code) is an `E_INTERNAL` error. The child leaves with its parent.
 */
export function writePackFileInChild(job: PackJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(packWorkerFile(), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    let settled = false;
    const settle = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      if (child.connected) child.disconnect();
      if (error) reject(error);
      else resolve();
    };
    child.on('message', (message: { ok: true } | { ok: false; error: PackFailure }) => {
      if (message.ok) return settle(null);
      const { error } = message;
      if (error.code === 'E_INTERNAL' && error.stack) {
        const internal = new Error(error.message);
        internal.stack = error.stack;
        return settle(internal);
      }
      settle(new BriefsError(error.code as BriefsErrorCode, error.message, { ...(error.file ? { file: error.file } : {}), ...(error.point ? { point: error.point } : {}) }));
    });
    child.on('error', (error) => settle(error));
    child.on('exit', (code, signal) => settle(new BriefsError('E_INTERNAL', `the pack process ended (${signal ? `killed by ${signal}` : `exit code ${code}`}) before the pack was written`)));
    child.send(job);
  });
}

function packWorkerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'pack-worker.js');
  return existsSync(beside) ? beside : join(here, '..', 'dist', 'pack-worker.js');
}
