import { describe, expect, it } from 'vitest';
import * as parser from '../src/index.js';

describe('@briefs/parser public exports', () => {
  it('exposes exactly the documented runtime API', () => {
    expect(Object.keys(parser).sort()).toEqual(
      ['DEFAULT_MAX_BYTES', 'decodeSource', 'formatFromPath', 'parseBrief', 'parseFile', 'serializeBrief', 'splitSentences'].sort(),
    );
  });
});
