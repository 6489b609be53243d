/**
 * Bytes → text. Offsets everywhere in the AST are UTF-16 code units of the DECODED text with the
 * byte order mark removed: that is "the file as read" by any editor (which hides the BOM), and it
 * keeps line 1 column 1 at the first visible character. Line ends are NOT rewritten here: CRLF and
 * lone CR stay in the text, and the parser (micromark) and `LineIndex` both count them as one line
 * end, so positions index straight into this text.
 */
import { createHash } from 'node:crypto';
import { BriefsError, type Diagnostic } from '@briefs/ast';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface DecodeOptions {
  path?: string;
  maxBytes?: number;
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  bytes: number;
  sha256: string;
  diagnostics: Diagnostic[];
}

const where = (path: string | undefined, line?: number) =>
  ({ ...(path === undefined ? {} : { file: path }), ...(line === undefined ? {} : { point: { line, column: 1 } }) });

/** 1-based line of byte `at`, counting LF, CRLF and lone CR as one line end (ASCII-compatible encodings). */
function lineOfByte(bytes: Uint8Array, at: number, unit = 1): number {
  let line = 1;
  for (let i = 0; i < at; i += unit) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + unit] !== 0x0a) line++;
  }
  return line;
}

/** Made once: a decoder that is not streaming keeps no state between texts. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(input: Uint8Array | string, options: DecodeOptions = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { path } = options;
  if (typeof input === 'string') return decodeString(input, maxBytes, path);
  const bytes = input;
  if (bytes.length > maxBytes) {
    throw new BriefsError(
      'E_INPUT_TOO_LARGE',
      `the file is ${bytes.length} bytes, more than the limit of ${maxBytes} bytes (raise it with --max-bytes)`,
      where(path),
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const diagnostics: Diagnostic[] = [];
  let encoding: Decoded['encoding'] = 'utf-8';
  let text: string;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2);
    text = new TextDecoder(encoding, { fatal: false }).decode(body);
    if (body.length % 2 === 1) diagnostics.push({ id: 'odd-utf16-length', level: 'warning', message: 'UTF-16 file ends in half a code unit; it was replaced with U+FFFD' });
  } else {
    // A NUL byte is never text in UTF-8: refuse early with the line it sits on.
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      throw new BriefsError('E_INPUT_BINARY', `binary data (a NUL byte at line ${lineOfByte(bytes, nul)}): not a text document`, where(path, lineOfByte(bytes, nul)));
    }
    const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hasBom ? bytes.subarray(3) : bytes;
    try {
      text = strictUtf8.decode(body);
    } catch {
      text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
      const bad = firstInvalidUtf8(body);
      const line = lineOfByte(body, bad);
      diagnostics.push({
        id: 'invalid-utf8',
        level: 'warning',
        message: `invalid UTF-8 (first at line ${line}); bad bytes were replaced with U+FFFD`,
        position: { start: { line, column: 1, offset: 0 }, end: { line, column: 1, offset: 0 } },
      });
    }
  }
  if (encoding !== 'utf-8' && text.includes('\u0000')) {
    const at = text.indexOf('\u0000');
    const line = text.slice(0, at).split(/\r\n|\r|\n/).length;
    throw new BriefsError('E_INPUT_BINARY', `binary data (a NUL character at line ${line}): not a text document`, where(path, line));
  }
  if (text.trim() === '') throw new BriefsError('E_INPUT_EMPTY', 'the file is empty (or only whitespace)', where(path));
  return { text, encoding, bytes: bytes.length, sha256, diagnostics };
}

/** Text handed over as a string is already decoded: only measure, hash and check it. */
function decodeString(input: string, maxBytes: number, path: string | undefined): Decoded {
  const data = Buffer.from(input, 'utf8');
  if (data.length > maxBytes) {
    throw new BriefsError('E_INPUT_TOO_LARGE', `the text is ${data.length} bytes, more than the limit of ${maxBytes} bytes`, where(path));
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new BriefsError('E_INPUT_BINARY', `binary data (a NUL character at line ${line}): not a text document`, where(path, line));
  }
  if (text.trim() === '') throw new BriefsError('E_INPUT_EMPTY', 'the file is empty (or only whitespace)', where(path));
  return { text, encoding: 'utf-8', bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), diagnostics: [] };
}

/** Byte index of the first malformed UTF-8 sequence (RFC 3629 §4). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
