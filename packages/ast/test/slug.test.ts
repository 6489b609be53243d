import { describe, expect, it } from 'vitest';
import { assignDocIds, slugFromPath, slugify } from '../src/index.js';

describe('slugFromPath', () => {
  it('follows the contract example', () => {
    expect(slugFromPath('Number 0001.md')).toBe('number-0001');
  });
  it('drops folders and the extension, keeps inner dots as separators', () => {
    expect(slugFromPath('corpus/2024/Report v2.final.HTML')).toBe('report-v2-final');
    expect(slugFromPath('C:\\docs\\Brief (draft).txt')).toBe('brief-draft');
  });
  it('folds accents and never returns an empty id', () => {
    expect(slugFromPath('Économie sûre.md')).toBe('economie-sure');
    expect(slugFromPath('العربية.md')).toBe('document');
    expect(slugify('---')).toBe('document');
  });
});

describe('assignDocIds', () => {
  it('keeps plain slugs when they are unique', () => {
    const ids = assignDocIds(['a/One.md', 'b/Two.md']);
    expect([...ids.values()]).toEqual(['one', 'two']);
  });
  it('prefixes parent folders where two inputs share a slug', () => {
    const ids = assignDocIds(['2023/brief.md', '2024/brief.md', 'other.md']);
    expect(ids.get('2023/brief.md')).toBe('2023-brief');
    expect(ids.get('2024/brief.md')).toBe('2024-brief');
    expect(ids.get('other.md')).toBe('other');
  });
  it('goes up as many folders as it takes', () => {
    const ids = assignDocIds(['x/a/brief.md', 'y/a/brief.md']);
    expect(ids.get('x/a/brief.md')).toBe('x-a-brief');
    expect(ids.get('y/a/brief.md')).toBe('y-a-brief');
  });
  it('numbers what folders cannot tell apart, deterministically', () => {
    const ids = assignDocIds(['Brief.md', 'brief.txt']);
    expect([...ids.values()]).toEqual(['brief', 'brief-2']);
    expect(assignDocIds(['Brief.md', 'brief.txt'])).toEqual(ids);
  });
});
