import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The LibreOffice binary on PATH, or null. */
export async function findSoffice(): Promise<string | null> {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      await run(name, ['--version'], { timeout: 60_000 });
      return name;
    } catch {
      // try the next name
    }
  }
  return null;
}

/**
 * `soffice --headless --convert-to <to> [--infilter=<infilter>] --outdir <outdir> <inputs…>` with
 * a throw-away user profile, so the test neither reads nor changes anybody's settings (and two
 * runs never share a locked profile).
 */
export async function convert(soffice: string, inputs: string[], outdir: string, to: string, infilter?: string): Promise<string> {
  const profile = path.join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    const args = [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      outdir,
      ...inputs,
    ];
    const { stdout, stderr } = await run(soffice, args, { timeout: 240_000, env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } });
    return stdout + stderr;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
