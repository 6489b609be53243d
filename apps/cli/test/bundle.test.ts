import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, listFiles, releaseTool, repoRoot, sampleDoc } from './build-helpers.js';

/**
 * `bin/briefs.js` runs the bundle when it is fresh, the compiled modules otherwise: both must
 * behave the same, and a package rebuilt after the bundle must not be run from an old bundle.
 * Run against a copy of the tool (see build-helpers), which this file may change.
 */
const tool = join(bin, '..', '..', '..', '..');
const run = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const example = join(repoRoot, 'examples', 'grid-resilience-baltic.md');

afterAll(releaseTool);

describe('the bundled CLI', () => {
  it('is built, and lists the workspace files it was made from', () => {
    const inputs = JSON.parse(readFileSync(join(tool, 'apps/cli/dist/bundle/inputs.json'), 'utf8')) as { tool: string; files: Record<string, unknown> };
    const files = Object.keys(inputs.files);
    expect(files.some((f) => f.endsWith('packages/parser/dist/index.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('packages/pdf/dist/render-brief.js'))).toBe(true);
    for (const name of ['main.js', 'worker.js', 'pdf-worker.js']) expect(existsSync(join(tool, 'apps/cli/dist/bundle', name))).toBe(true);
  });

  it('builds the same outputs as the compiled modules, workers, charts and fonts included', async () => {
    const bundled = await mkdtemp(join(tmpdir(), 'briefs-bundle-'));
    const compiled = await mkdtemp(join(tmpdir(), 'briefs-bundle-'));
    expect(run(['build', example, '--out', bundled, '--jobs', '2']).code).toBe(0);
    expect(run(['build', example, '--out', compiled, '--jobs', '2'], { BRIEFS_NO_BUNDLE: '1' }).code).toBe(0);
    for (const file of ['pack.pdf', 'briefs/grid-resilience-baltic.pdf', 'ast/grid-resilience-baltic.json', 'data/figures.csv']) {
      expect(readFileSync(join(bundled, file)).equals(readFileSync(join(compiled, file))), file).toBe(true);
    }
    expect(run(['parse', example]).stdout).toBe(run(['parse', example], { BRIEFS_NO_BUNDLE: '1' }).stdout);
    // The bundle hands over the tool's fingerprint it was made with: the one computed from the files.
    const tool = (dir: string) => (JSON.parse(readFileSync(join(dir, '.briefs-manifest.json'), 'utf8')) as { tool: string }).tool;
    expect(tool(bundled)).toBe(tool(compiled));
  });

  it('starts the PDF process from its startup snapshot, made where the bundle is, with the same outputs as without it', async () => {
    const bundle = join(tool, 'apps/cli/dist/bundle');
    const made = JSON.parse(readFileSync(join(bundle, 'snapshot.json'), 'utf8')) as { node: string; dir: string; blob: string };
    expect(made).toEqual({ node: process.version, dir: realpathSync(bundle), blob: 'pdf.blob' });
    // A one-document rebuild with two jobs draws in the PDF process: from the snapshot, and not.
    const outs: string[] = [];
    for (const env of [{}, { BRIEFS_NO_SNAPSHOT: '1' }]) {
      const project = await mkdtemp(join(tmpdir(), 'briefs-snapshot-'));
      await mkdir(join(project, 'src'));
      for (const n of [1, 2]) await writeFile(join(project, 'src', `doc-${n}.md`), sampleDoc(n));
      const out = join(project, 'out');
      const build = () => spawnSync(process.execPath, [bin, 'build', 'src', '--out', out, '--jobs', '2'], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
      expect(build().status).toBe(0);
      await writeFile(join(project, 'src', 'doc-2.md'), sampleDoc(2, 1));
      expect(build().status).toBe(0);
      outs.push(out);
    }
    const files = await listFiles(outs[0]!);
    expect(files).toEqual(await listFiles(outs[1]!));
    expect(files).toContain('briefs/doc-2.pdf');
    for (const file of files) {
      expect(readFileSync(join(outs[0]!, file)).equals(readFileSync(join(outs[1]!, file))), file).toBe(true);
    }
    // It is the snapshot that draws: one Node will not start from is said on stderr, and the
    // process started without it draws the same.
    const blob = join(bundle, made.blob);
    const kept = readFileSync(blob);
    writeFileSync(blob, 'not a snapshot');
    try {
      for (const [i, out] of outs.entries()) {
        await writeFile(join(dirname(out), 'src', 'doc-2.md'), sampleDoc(2, 2));
        const again = spawnSync(process.execPath, [bin, 'build', 'src', '--out', out, '--jobs', '2'], {
          cwd: dirname(out),
          encoding: 'utf8',
          env: { ...process.env, ...(i === 0 ? {} : { BRIEFS_NO_SNAPSHOT: '1' }) },
        });
        expect(again.status, again.stderr).toBe(0);
        if (i === 0) expect(again.stderr).toContain('the PDF process did not start from its snapshot');
        else expect(again.stderr).not.toContain('snapshot');
        // Node's own report of the damaged snapshot (a native stack trace) is not passed on.
        expect(again.stderr).not.toContain('Native stack trace');
      }
      for (const file of await listFiles(outs[0]!)) {
        expect(readFileSync(join(outs[0]!, file)).equals(readFileSync(join(outs[1]!, file))), file).toBe(true);
      }
    } finally {
      writeFileSync(blob, kept);
    }
  });

  it('is not used once a file it bundled has changed', () => {
    expect(run(['parse', example]).stderr).toBe('');
    // A package rebuilt alone: its compiled module now says so on stderr when it is loaded.
    appendFileSync(join(tool, 'packages/parser/dist/index.js'), "\nconsole.error('compiled modules');\n");
    const stale = run(['parse', example]);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toContain('compiled modules');
  });
});
