import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@briefs/build public API', () => {
  it('exports the pipeline and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CONFIG_NAME',
      'MANIFEST_NAME',
      'build',
      'check',
      'createReporter',
      'defaultJobs',
      'exportTables',
      'inShard',
      'merge',
      'parseShard',
      'readManifest',
      'silentReporter',
      'toolFingerprint',
    ]);
  });

  it('reports progress as plain lines when not on a terminal or under CI', () => {
    const lines: string[] = [];
    const stream = { isTTY: true, write: (t: string) => lines.push(t) };
    const reporter = api.createReporter(stream, { CI: 'true' });
    reporter.start('documents', 20);
    for (let i = 0; i < 20; i++) reporter.tick();
    reporter.end();
    expect(lines.join('')).not.toContain('\r');
    expect(lines[0]).toBe('documents: 20 to do\n');
    expect(lines.at(-1)).toMatch(/^documents: 20\/20 in /);
    expect(lines.length).toBeLessThanOrEqual(12);

    const bar: string[] = [];
    const tty = api.createReporter({ isTTY: true, columns: 100, write: (t: string) => bar.push(t) }, {});
    tty.start('documents', 4);
    tty.tick();
    tty.tick();
    tty.tick();
    tty.tick();
    tty.end();
    expect(bar.join('')).toMatch(/\r\x1b\[Kdocuments .* 4\/4 100%/);
  });
});
