import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
/**
 * The CLI as built when the tests start, copied aside: the manifest keys outputs to a digest of
 * the tool's code, so packages rebuilt while a test runs (a checkout being worked on) would turn
 * expected skips into rebuilds. In CI nothing is rebuilt meanwhile and the copy changes nothing.
 */
function freezeTool(): string {
  const tool = mkdtempSync(join(tmpdir(), 'briefs-tool-'));
  frozen = tool;
  symlinkSync(join(repoRoot, 'node_modules'), join(tool, 'node_modules'));
  for (const group of ['apps', 'packages']) {
    for (const name of readdirSync(join(repoRoot, group))) {
      const from = join(repoRoot, group, name);
      if (!existsSync(join(from, 'package.json'))) continue;
      const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { files?: string[] };
      for (const entry of ['package.json', 'node_modules', ...(pkg.files ?? ['dist'])]) {
        if (existsSync(join(from, entry))) cpSync(join(from, entry), join(tool, group, name, entry), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      }
    }
  }
  // The PDF process's startup snapshot holds the paths it was made with: made again in the copy,
  // as a build there would, so the tests run the tool as users do (scripts/snapshot.mjs).
  const bundle = join(tool, 'apps/cli/dist/bundle');
  if (existsSync(join(bundle, 'pdf-snapshot.cjs'))) spawnSync(process.execPath, [join(repoRoot, 'apps/cli/scripts/snapshot.mjs'), bundle], { stdio: 'inherit' });
  return join(tool, 'apps/cli/bin/briefs.js');
}
let frozen = '';
export const bin = freezeTool();
/** Removes the copy of the tool (call in afterAll). */
export const releaseTool = (): void => rmSync(frozen, { recursive: true, force: true });

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd`, as users do (CI=true: plain progress lines). */
export function briefs(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = start(cwd, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function start(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, CI: 'true', BRIEFS_DEBUG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A small made-up document; `n` and `variant` vary its numbers and names. */
export function sampleDoc(n: number, variant = 0): string {
  const title = `Storage Brief ${n}${variant ? ` (rev ${variant})` : ''}`;
  const body = Array.from(
    { length: 3 + (n % 4) },
    (_, i) => `Capacity in region ${i + 1} grew by ${5 + n + i + variant}% in 2023, the regulator said. It may reach ${100 + n * 3 + variant} MW by 2030.`,
  );
  return ['---', `title: "${title}"`, `date: 2024-03-${String((n % 27) + 1).padStart(2, '0')}`, '---', '', `# ${title}`, '', ...body, '', '## Next steps', '', `Ministers should approve ${n} projects.`, ''].join('\n');
}

export async function tempProject(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefs-cli-'));
  for (const [name, text] of Object.entries(files)) await put(dir, name, text);
  return dir;
}

export async function put(dir: string, name: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, name)), { recursive: true });
  await writeFile(join(dir, name), text);
}

export async function listFiles(dir: string, sub = ''): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(join(dir, sub), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of await listFiles(dir)) out[file] = createHash('sha256').update(await readFile(join(dir, file))).digest('hex');
  return out;
}

const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

/**
 * Problems with the files of an output folder that a half-written file would have: JSON that
 * does not parse, a PDF that is cut short (qpdf --check where there is qpdf), a CSV without
 * its last line end. Temporary files of atomic writes are allowed: the next build removes them.
 */
export async function wholenessProblems(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await listFiles(outDir)) {
    const name = file.split('/').pop()!;
    if (/^\.[0-9a-f]{12}\.tmp$/.test(name)) continue;
    const path = join(outDir, file);
    const bytes = await readFile(path);
    if (file.endsWith('.json')) {
      try {
        JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    } else if (file.endsWith('.pdf')) {
      const head = bytes.subarray(0, 5).toString('latin1');
      const tail = bytes.subarray(-1024).toString('latin1');
      if (head !== '%PDF-' || !tail.includes('%%EOF')) problems.push(`${file}: not a whole PDF`);
      else if (hasQpdf) {
        const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
        if (r.status !== 0 && r.status !== 3) problems.push(`${file}: qpdf --check: ${r.stdout.split('\n').slice(-3).join(' ')}`);
      }
    } else if (file.endsWith('.csv')) {
      if (bytes.length === 0 || !bytes.subarray(-2).equals(Buffer.from('\r\n'))) problems.push(`${file}: cut short`);
    } else if (file.endsWith('.xlsx')) {
      // A zip ends with its end-of-central-directory record.
      if (bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) < 0) problems.push(`${file}: not a whole zip`);
    }
  }
  return problems;
}

export const cleanup = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });
