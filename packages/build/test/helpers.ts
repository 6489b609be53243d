import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A small made-up document; `n` varies its numbers and names. */
export function sampleDoc(n: number, title = `Grid Brief ${n}`): string {
  return [
    '---',
    `title: "${title}"`,
    `date: 2024-0${(n % 9) + 1}-1${n % 10}`,
    `author: Analyst ${n}`,
    '---',
    '',
    `# ${title}`,
    '',
    `Spending on interconnectors rose by ${10 + n}% in 2023, according to the ministry.`,
    `The agency expects ${200 + n} new substations by 2030.`,
    '',
    '## Outlook',
    '',
    `Officials should fund ${n + 3} more storage sites, the report says.`,
    '',
  ].join('\n');
}

export async function tempProject(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefs-build-'));
  for (const [name, text] of Object.entries(files)) await put(dir, name, text);
  return dir;
}

export async function put(dir: string, name: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, name)), { recursive: true });
  await writeFile(join(dir, name), text);
}

/** Every file under `dir` (relative, sorted) with the sha256 of its bytes. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (sub: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(join(dir, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(rel);
      else out[rel] = createHash('sha256').update(await readFile(join(dir, rel))).digest('hex');
    }
  };
  await walk('');
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const cleanup = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });
