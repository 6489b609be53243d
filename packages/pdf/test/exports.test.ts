import { describe, expect, it } from 'vitest';
import * as pdf from '../src/index.js';

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
        'warmUpRenderer',
        'writePackFromParts',
      ].sort(),
    );
  });
});
