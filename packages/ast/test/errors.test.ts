import { describe, expect, it } from 'vitest';
import { BriefsError, isBriefsError } from '../src/index.js';

describe('BriefsError', () => {
  it('formats as file:line:column: message', () => {
    const error = new BriefsError('E_INPUT_BINARY', 'binary data (NUL byte)', { file: 'a.md', point: { line: 3, column: 7 } });
    expect(error.format()).toBe('a.md:3:7: binary data (NUL byte)');
    expect(error.code).toBe('E_INPUT_BINARY');
    expect(isBriefsError(error)).toBe(true);
    expect(isBriefsError(new Error('x'))).toBe(false);
  });
  it('leaves out what it does not know', () => {
    expect(new BriefsError('E_INPUT_EMPTY', 'the file is empty', { file: 'b.md' }).format()).toBe('b.md: the file is empty');
    expect(new BriefsError('E_USAGE', 'bad').format()).toBe('bad');
  });
});
