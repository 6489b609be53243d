import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isBriefsError } from '@briefs/ast';
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
export async function writePackFile(job: PackJob, read?: SidecarReader): Promise<void> {
  const pdf = await loadPdfStage();
  const parts: PartFile[] = [];
  for (const id of job.ids) {
    const sidecar = read?.(id) ?? (JSON.parse(await readFile(join(job.outDir, partJsonPath(id)), 'utf8')) as PackPartSidecar);
    parts.push({ file: join(job.outDir, partPdfPath(id)), shown: partPdfPath(id), ...sidecar });
  }
  const date =
    job.epoch !== null
      ? new Date(job.epoch * 1000)
      : (latestDate(parts.flatMap((p) => [p.digest.brief.meta?.published, p.digest.brief.meta?.updated])) ?? new Date(0));
  const pack = await packOptions(pdf.loadPackFile, job.packFile);
  const store = { dir: join(job.outDir, PARTS_DIR), salt: job.tool };
  await pdf.writePack(parts, { date, pack, store, between: collectAfterGrowth(HEAP_GROWTH) }, join(job.outDir, 'pack.pdf'));
}

/** A part's sidecar read ahead of time, or undefined to read it now. */
export type SidecarReader = (id: string) => PackPartSidecar | undefined;

/**
 * Reads and parses every part's sidecar of `outDir`, as they are now: the PDF process does this
 * while it waits for the document it is to draw (a thousand files are a tenth of a second of the
 * pack). Synchronously, in one loop: that is faster than the thread pool, and done before the
 * process starts drawing. `forget` drops what a part drawn since then replaced.
 */
export function readSidecarsAhead(outDir: string): { read: SidecarReader; forget(id: string): void } {
  const dir = join(outDir, PARTS_DIR);
  const sidecars = new Map<string, PackPartSidecar>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // No parts yet: each is read when the pack needs it.
  }
  for (const name of names) {
    if (name.startsWith('.') || !name.endsWith('.json')) continue;
    try {
      sidecars.set(name.slice(0, -'.json'.length), JSON.parse(readFileSync(join(dir, name), 'utf8')) as PackPartSidecar);
    } catch {
      // Being written, or damaged: read again (and reported) when the pack needs it.
    }
  }
  return {
    read: (id) => {
      // Each is read once: handed over and let go.
      const sidecar = sidecars.get(id);
      sidecars.delete(id);
      return sidecar;
    },
    forget: (id) => {
      sidecars.delete(id);
    },
  };
}

/** Removes `pack.pdf` and the pieces of its cross-document pages: the pack of no documents. */
export async function removePackFile(outDir: string, tool: string): Promise<void> {
  const pdf = await loadPdfStage();
  await pdf.removePack(join(outDir, 'pack.pdf'), { dir: join(outDir, PARTS_DIR), salt: tool });
}

/** A failure as it crosses processes (the PDF process's, of a document or of the pack). */
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

/** How much the heap may grow between the pack's collections of garbage. */
const HEAP_GROWTH = 128 * 2 ** 20;

/**
 * A check that collects garbage when the heap in use has grown by `growth` bytes since the last
 * collection. What a pack of thousands of documents allocates is nearly all garbage, and V8 lets
 * the heap grow towards its limit before collecting it: a pack of 10,000 kept parts reached
 * 1,017 MiB resident, and 747 MiB collecting after every 128 MB of growth (no slower). `gc` is
 * reached as jest's leak detector does (V8's flag set at run time, the function taken from a new
 * context); where that fails, the check does nothing.
 */
function collectAfterGrowth(growth: number): () => void {
  let gc: (() => void) | null = null;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
  let floor = getHeapStatistics().used_heap_size;
  return () => {
    if (getHeapStatistics().used_heap_size < floor + growth) return;
    gc?.();
    floor = getHeapStatistics().used_heap_size;
  };
}
