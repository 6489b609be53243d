import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { briefSchema } from '@briefs/ast';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseBrief, parseFile, serializeBrief } from '../src/index.js';
import { allClaims, allNodes, corpusFiles, repoRoot } from './helpers.js';

const files = corpusFiles();
const examples = existsSync(path.join(repoRoot, 'examples'));

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(briefSchema);

describe('the real corpus', () => {
  it('is there (BRIEFS_SHARED or ../shared)', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files.map((f) => [path.basename(f), f]))('%s parses, validates against the schema and maps back to its source', async (_name, file) => {
    const brief = await parseFile(file);
    const ok = validate(JSON.parse(serializeBrief(brief)));
    expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
    const source = readFileSync(file, 'utf8');
    expect(brief.source?.bytes).toBe(Buffer.byteLength(source));
    expect(allClaims(brief).length).toBeGreaterThan(5);
    for (const node of allNodes(brief)) {
      if (!node.position) continue;
      expect(node.position.end.offset).toBeLessThanOrEqual(source.length);
      expect(node.position.start.offset).toBeLessThanOrEqual(node.position.end.offset);
    }
    // Each claim's text is what its span reads as, markdown syntax aside: every word of the
    // claim appears, in order, in the source slice.
    for (const claim of allClaims(brief)) {
      const slice = source.slice(claim.position!.start.offset, claim.position!.end.offset);
      let at = 0;
      for (const w of claim.text.split(/\s+/).filter((x) => /^[\p{L}\p{N}]+$/u.test(x))) {
        const found = slice.indexOf(w, at);
        expect(found, `${claim.id} "${w}" in ${slice.slice(0, 120)}`).toBeGreaterThanOrEqual(0);
        at = found + w.length;
      }
    }
  });

  it('parses deterministically', () => {
    const file = files[0]!;
    const bytes = readFileSync(file);
    expect(serializeBrief(parseBrief(bytes, { path: file }))).toBe(serializeBrief(parseBrief(bytes, { path: file })));
  });

  it.runIf(examples)('every example under examples/ parses and validates', async () => {
    const dir = path.join(repoRoot, 'examples');
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync(dir).filter((x) => /\.(md|markdown|txt|html)$/.test(x) && x !== 'README.md')) {
      const brief = await parseFile(path.join(dir, f));
      const ok = validate(JSON.parse(serializeBrief(brief)));
      expect(ok ? [] : validate.errors?.slice(0, 5), f).toEqual([]);
    }
  });
});
