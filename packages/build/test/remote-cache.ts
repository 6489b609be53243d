import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export interface CacheServer {
  url: string;
  token: string;
  team: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the server to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the self-hosted turborepo-remote-cache server on 127.0.0.1, storing artifacts in
 * `storagePath` (STORAGE_PROVIDER=local), and waits until it answers.
 */
export async function startCacheServer(storagePath: string): Promise<CacheServer> {
  const port = await freePort();
  const token = 'briefs-test-token';
  const cli = join(packageRoot, 'node_modules/turborepo-remote-cache/dist/cli.js');
  const child: ChildProcess = spawn(process.execPath, [cli], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      TURBO_TOKEN: token,
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: storagePath,
      STORAGE_PATH_USE_TMP_FOLDER: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`remote cache server exited: ${log}`);
    try {
      const res = await fetch(`${url}/v8/artifacts/status`, { headers: { authorization: `Bearer ${token}` } });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`remote cache server did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    token,
    team: 'briefs',
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * A fresh working copy of the repository in `target`, as a clone would be: the files git knows
 * (tracked, and new ones not ignored) without `dist/`, `out/` or turbo caches. Dependencies are
 * not installed again: `node_modules` folders are pnpm's symlinks, linked or copied as links.
 */
export async function copyRepository(repoRoot: string, target: string): Promise<void> {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  const files = listed.split('\0').filter(Boolean);
  for (const file of files) {
    await mkdir(dirname(join(target, file)), { recursive: true });
    await cp(join(repoRoot, file), join(target, file), { verbatimSymlinks: true }).catch((error: NodeJS.ErrnoException) => {
      // Listed by git but deleted in the working tree: not part of the copy.
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await symlink(join(repoRoot, 'node_modules'), join(target, 'node_modules'));
  for (const group of ['packages', 'apps']) {
    for (const name of await readdir(join(repoRoot, group)).catch(() => [] as string[])) {
      const modules = join(repoRoot, group, name, 'node_modules');
      // Workspace links inside are relative (../../packages/x): copied as links, they point into the copy.
      await cp(modules, join(target, group, name, 'node_modules'), { recursive: true, verbatimSymlinks: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }
}
