/**
 * Fixture-driven tests (remark habit): `fixtures/<case>/input.{md,txt,html}` → `tree.json`, the
 * AST with the pass-through cleaner (structure only). A missing `tree.json` is written on the
 * first run and must be reviewed; `UPDATE=1` rewrites them all.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serializeBrief } from '../src/index.js';
import { parseStructure } from './helpers.js';

const root = fileURLToPath(new URL('./fixtures', import.meta.url));
const cases = readdirSync(root).filter((name) => readdirSync(path.join(root, name)).some((f) => f.startsWith('input.'))).sort();

describe('fixtures', () => {
  it.each(cases)('%s', (name) => {
    const dir = path.join(root, name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
    const actual = serializeBrief(parseStructure(readFileSync(path.join(dir, input)), { path: input, id: name }));
    const expectedPath = path.join(dir, 'tree.json');
    if (process.env.UPDATE || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, actual);
      return;
    }
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
