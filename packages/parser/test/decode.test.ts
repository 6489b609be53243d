import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Brief, BriefsError, type Claim } from '@briefs/ast';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { parseStructure as parseBrief } from './helpers.js';

const claims = (brief: Brief): Claim[] => {
  const out: Claim[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; children?: unknown[] };
    if (n.type === 'claim') out.push(node as Claim);
    for (const c of n.children ?? []) walk(c);
  };
  brief.children.forEach(walk);
  return out;
};

const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
};

const errorOf = (fn: () => unknown): BriefsError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof BriefsError) return error;
    throw error;
  }
  throw new Error('expected a BriefsError');
};

describe('decoding', () => {
  it('strips a UTF-8 BOM; offsets count from the first character after it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Title\n\nOne sentence.\n')]);
    const brief = parseBrief(bytes, { path: 'bom.md' });
    expect(brief.source?.encoding).toBe('utf-8');
    expect(brief.source?.bytes).toBe(bytes.length);
    const [claim] = claims(brief);
    expect(claim?.position?.start).toEqual({ line: 3, column: 1, offset: 9 });
  });

  it.each([false, true])('reads UTF-16 with a BOM (big endian: %s)', (bigEndian) => {
    const brief = parseBrief(utf16('Ünïcode text here. Second one.\n', bigEndian), { path: 'u16.txt' });
    expect(brief.source?.encoding).toBe(bigEndian ? 'utf-16be' : 'utf-16le');
    expect(claims(brief).map((c) => c.text)).toEqual(['Ünïcode text here.', 'Second one.']);
    expect(claims(brief)[1]?.position?.start.offset).toBe(19);
  });

  it('replaces invalid UTF-8 and warns with the line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Fine line.\n\nBad '), 0xc3, 0x28, ...new TextEncoder().encode(' byte.\n')]);
    const brief = parseBrief(bytes, { path: 'bad.md' });
    expect(brief.diagnostics?.[0]).toMatchObject({ id: 'invalid-utf8', level: 'warning' });
    expect(brief.diagnostics?.[0]?.position?.start.line).toBe(3);
    expect(claims(brief)[1]?.text).toContain('\uFFFD');
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('keeps positions in the original text with %s line ends', (_name, eol) => {
    const source = ['# Heading', '', 'First line of text.', 'Second line here.', '', '- item one', '- item two'].join(eol);
    const brief = parseBrief(source, { path: 'eol.md' });
    expect(brief.children[0]?.heading).toBe('Heading');
    for (const claim of claims(brief)) {
      const { start, end } = claim.position!;
      const slice = source.slice(start.offset, end.offset);
      expect(slice.replace(/\r\n?/g, ' ')).toBe(claim.text);
    }
    const second = claims(brief).find((c) => c.text.startsWith('Second'));
    expect(second?.position?.start.line).toBe(4);
    expect(second?.position?.start.column).toBe(1);
  });
});

describe('input errors', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n  '],
  ])('refuses an %s file', (_name, text) => {
    const error = errorOf(() => parseBrief(new TextEncoder().encode(text), { path: 'e.md' }));
    expect(error.code).toBe('E_INPUT_EMPTY');
    expect(error.format()).toMatch(/^e\.md: /);
  });

  it('refuses binary data and names the line of the NUL byte', () => {
    const error = errorOf(() => parseBrief(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01]), { path: 'b.md' }));
    expect(error.code).toBe('E_INPUT_BINARY');
    expect(error.point?.line).toBe(3);
  });

  it('refuses input above maxBytes', () => {
    const error = errorOf(() => parseBrief('x'.repeat(101), { path: 'big.md', maxBytes: 100 }));
    expect(error.code).toBe('E_INPUT_TOO_LARGE');
    expect(() => parseBrief('x'.repeat(100), { maxBytes: 100 })).not.toThrow();
  });

  it('parseFile: missing and unreadable paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefs-parser-'));
    await expect(parseFile(join(dir, 'nope.md'))).rejects.toMatchObject({ code: 'E_INPUT_NOT_FOUND', file: join(dir, 'nope.md') });
    mkdirSync(join(dir, 'folder.md'));
    await expect(parseFile(join(dir, 'folder.md'))).rejects.toMatchObject({ code: 'E_INPUT_UNREADABLE' });
    writeFileSync(join(dir, 'ok.md'), 'Fine.\n');
    await expect(parseFile(join(dir, 'ok.md'))).resolves.toMatchObject({ type: 'brief', id: 'ok' });
  });
});
