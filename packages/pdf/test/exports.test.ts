import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as pdf from '../src/index.js';
import * as plan from '../src/plan.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Every module `file` loads (value imports and re-exports, followed through this package), by specifier. */
function loadedBy(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  const walk = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(join(SRC, name), 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[1]!;
      if (spec.startsWith('./')) walk(spec.slice(2).replace(/\.js$/, '.ts'));
      else found.add(spec);
    }
  };
  walk(file);
  return found;
}

describe('@briefs/pdf public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(pdf).sort()).toEqual(
      [
        'DEFAULT_COLOURS',
        'DEFAULT_FONT_DIR',
        'FONT_FILES',
        'STYLES',
        'appendixBlocks',
        'assemblePack',
        'atAGlanceBlocks',
        'briefBlocks',
        'briefInfo',
        'loadPackFile',
        'packDigest',
        'packMayInclude',
        'packOptionsFrom',
        'parsePackFile',
        'planPackSections',
        'removePackFromParts',
        'renderBrief',
        'renderPack',
        'renderPackContents',
        'renderPackHost',
        'renderPackPart',
        'renderPackSection',
        'safeUrl',
        'selectPackBriefs',
        'sourcesAndLinks',
        'visualLine',
        'writePackFromParts',
      ].sort(),
    );
  });

  it('@briefs/pdf/plan exports exactly these values, and loads no renderer', () => {
    expect(Object.keys(plan).sort()).toEqual(['loadPackFile', 'packDigest', 'packMayInclude', 'packOptionsFrom', 'planPackSections', 'selectPackBriefs']);
    const loaded = loadedBy('plan.ts');
    for (const renderer of ['pdfkit', 'fontkit', 'svg-to-pdfkit', 'bidi-js']) expect(loaded.has(renderer), renderer).toBe(false);
    expect(loaded.has('@briefs/ast')).toBe(true);
    // The walk sees what the whole package loads.
    expect(loadedBy('index.ts').has('pdfkit')).toBe(true);
  });
});
