import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/briefs.js', import.meta.url));
const briefs = (args: string[], cwd?: string) => {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const scratch = () => mkdtemp(join(tmpdir(), 'briefs-cli-'));

describe('briefs', () => {
  it('prints usage with every command on --help', () => {
    const { code, stdout } = briefs(['--help']);
    expect(code).toBe(0);
    for (const command of ['parse', 'build', 'export', 'merge', 'schema']) expect(stdout).toContain(command);
  });
  it('prints the version', () => {
    const { code, stdout } = briefs(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('exits 2 on an unknown command or option, without a stack trace', () => {
    const unknown = briefs(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const option = briefs(['parse', 'x.md', '--frobnicate']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--frobnicate'");
    expect(option.stderr).not.toMatch(/\n\s+at /);
  });
  it('prints the JSON Schema', () => {
    const { code, stdout } = briefs(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('$schema');
  });
});

describe('briefs parse', () => {
  it('prints one AST as JSON on stdout and nothing else', async () => {
    const dir = await scratch();
    const file = join(dir, 'Note One.md');
    await writeFile(file, '# A title\n\nThe council met on 4 March. It agreed to act.\n');
    const { code, stdout } = briefs(['parse', file]);
    expect(code).toBe(0);
    const brief = JSON.parse(stdout);
    expect(brief.type).toBe('brief');
    expect(brief.id).toBe('note-one');
  });
  it('writes one JSON per input with --out, and goes on past a bad input with exit 1', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'good.md'), 'Ships were counted twice. The count rose.\n');
    await writeFile(join(dir, 'empty.md'), '  \n\n');
    await writeFile(join(dir, 'also-good.txt'), 'A plain text brief.\n');
    const out = join(dir, 'out');
    const { code, stderr } = briefs(['parse', dir, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('empty.md');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect((await readdir(out)).sort()).toEqual(['also-good.json', 'good.json']);
    expect(JSON.parse(await readFile(join(out, 'good.json'), 'utf8')).id).toBe('good');
  });
  it('names a missing file and exits 1', () => {
    const { code, stderr } = briefs(['parse', '/no/such/file.md']);
    expect(code).toBe(1);
    expect(stderr).toContain('/no/such/file.md');
  });
  it('refuses several inputs without --out (usage, exit 2)', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'a.md'), 'One.\n');
    await writeFile(join(dir, 'b.md'), 'Two.\n');
    expect(briefs(['parse', dir]).code).toBe(2);
  });
});
