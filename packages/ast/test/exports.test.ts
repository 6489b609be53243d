import { describe, expect, it } from 'vitest';
import * as ast from '../src/index.js';

describe('@briefs/ast public exports', () => {
  it('exposes exactly the documented runtime API', () => {
    expect(Object.keys(ast).sort()).toEqual(
      [
        'BriefsError',
        'EXIT',
        'SKIP',
        'assignDocIds',
        'briefSchema',
        'childrenOf',
        'claimsWithSection',
        'inlinesOf',
        'isBlock',
        'isBriefsError',
        'isBrief',
        'isClaim',
        'isDate',
        'isEntity',
        'isFigure',
        'isInline',
        'isLink',
        'isQuote',
        'isSection',
        'selectAll',
        'slugFromPath',
        'slugify',
        'visit',
      ].sort(),
    );
  });
});
