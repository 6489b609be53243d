import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, snapshot } from './helpers.js';
import { type CacheServer, copyRepository, startCacheServer } from './remote-cache.js';

let temp = '';
let server: CacheServer | null = null;
afterAll(async () => {
  await server?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

interface TaskSummary {
  taskId: string;
  cache: { status: string; local: boolean; remote: boolean };
}

/** `turbo run examples` in `cwd` with the remote cache and an empty local cache of its own. */
function turboExamples(cwd: string, cacheDir: string, cache: CacheServer): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(repoRoot, 'node_modules/.bin/turbo'),
      ['run', 'examples', '--filter=@briefs/cli', `--cache-dir=${cacheDir}`, '--summarize', '--concurrency=2', '--output-logs=new-only'],
      {
        cwd,
        env: {
          ...process.env,
          TURBO_API: cache.url,
          TURBO_TOKEN: cache.token,
          TURBO_TEAM: cache.team,
          TURBO_TELEMETRY_DISABLED: '1',
          TURBO_NO_UPDATE_NOTIFIER: '1',
          SOURCE_DATE_EPOCH: '1700000000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function runSummary(cwd: string): Promise<TaskSummary[]> {
  const dir = join(cwd, '.turbo/runs');
  const [file] = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  const summary = JSON.parse(await readFile(join(dir, file!), 'utf8')) as { tasks: TaskSummary[] };
  return summary.tasks;
}

describe('remote cache (turborepo-remote-cache on 127.0.0.1)', () => {
  it('restores every output of the examples build in a fresh copy, without running anything', { timeout: 900_000 }, async () => {
    temp = await mkdtemp(join(tmpdir(), 'briefs-remote-cache-'));
    server = await startCacheServer(join(temp, 'storage'));

    // Both copies are taken first, so they hold the same files even while the repository changes.
    const first = join(temp, 'first');
    const second = join(temp, 'second');
    await copyRepository(repoRoot, first);
    await copyRepository(repoRoot, second);
    const a = await turboExamples(first, join(temp, 'cache-first'), server);
    expect(a.code, a.output).toBe(0);
    const built = await runSummary(first);
    expect(built.find((t) => t.taskId === '@briefs/cli#examples')?.cache.status).toBe('MISS');
    const outputs = await snapshot(join(first, 'out'));
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['.briefs-manifest.json', 'pack.pdf', 'data/documents.csv']));

    // A fresh copy with an empty local cache: everything comes from the server.
    const b = await turboExamples(second, join(temp, 'cache-second'), server);
    expect(b.code, b.output).toBe(0);
    expect(b.output).toContain('FULL TURBO');
    const restored = await runSummary(second);
    expect(restored.length).toBe(built.length);
    for (const task of restored) expect(task.cache, task.taskId).toMatchObject({ status: 'HIT', local: false, remote: true });
    expect(await snapshot(join(second, 'out'))).toEqual(outputs);
  });
});
