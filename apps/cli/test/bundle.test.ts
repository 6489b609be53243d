import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, releaseTool, repoRoot } from './build-helpers.js';

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

  it('is not used once a file it bundled has changed', () => {
    expect(run(['parse', example]).stderr).toBe('');
    // A package rebuilt alone: its compiled module now says so on stderr when it is loaded.
    appendFileSync(join(tool, 'packages/parser/dist/index.js'), "\nconsole.error('compiled modules');\n");
    const stale = run(['parse', example]);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toContain('compiled modules');
  });
});
