import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Poppler and qpdf on a PDF held in memory: the content checks of the tests. */
const dir = mkdtempSync(join(tmpdir(), 'briefs-pdf-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;

export function toFile(bytes: Uint8Array, name = `doc-${++n}.pdf`): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

export const pdftotext = (file: string, page?: number): string =>
  run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-']);

export function pdfinfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1].trim()] = m[2].trim();
  }
  return out;
}

export function pdffonts(file: string): Array<{ name: string; emb: string }> {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: emb is 5th from the end.
      return { name: cols[0] ?? '', emb: cols[cols.length - 5] ?? '' };
    });
}

/** `qpdf --check`: throws (non-zero exit) on a damaged file; returns its report. */
export const qpdfCheck = (file: string): string => run('qpdf', ['--check', file]);

/** The document as qpdf's JSON (objects resolved as `obj:N 0 R` keys). */
export function qpdfJson(file: string): { objects: Record<string, { value?: unknown }>; outlines: Outline[]; pages: Array<{ object: string }> } {
  const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=outlines', '--json-key=qpdf', '--json-key=pages', file])) as {
    qpdf: [unknown, Record<string, { value?: unknown }>];
    outlines: Outline[];
    pages: Array<{ object: string }>;
  };
  const objects = json.qpdf[1];
  return { objects, outlines: json.outlines, pages: json.pages };
}

export interface Outline {
  title: string;
  destpageposfrom1: number | null;
  kids: Outline[];
}

/** Outline titles, depth first, indented by level. */
export function outlineTitles(outlines: Outline[], depth = 0): string[] {
  return outlines.flatMap((o) => [`${'  '.repeat(depth)}${o.title}`, ...outlineTitles(o.kids, depth + 1)]);
}

/** Every /URI of a link annotation in the file. */
export function linkUris(file: string): string[] {
  const { objects } = qpdfJson(file);
  const uris: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object') {
      const dict = value as Record<string, unknown>;
      if (dict['/S'] === '/URI' && typeof dict['/URI'] === 'string') uris.push(dict['/URI'].replace(/^u:/, ''));
      for (const v of Object.values(dict)) walk(v);
    }
  };
  for (const o of Object.values(objects)) walk(o.value ?? o);
  return uris;
}
