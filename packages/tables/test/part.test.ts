import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { constants, crc32, inflateRawSync } from 'node:zlib';
import type { Brief } from '@briefs/ast';
import { BriefsError } from '@briefs/ast';
import fc from 'fast-check';
import { Deflate } from 'pako';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TablesPart, TABLES, decodeTablesPart, encodeTablesPart, tablesPart, writeTables, writeTablesFromParts } from '../src/index.js';
import { crc32Combine, tableCrc32 } from '../src/xlsx/crc32.js';
import { deflateLast, deflatePiece, deflatePieces, inflatePiece } from '../src/xlsx/deflate.js';
import { naiveCorpusBriefs } from './helpers/corpus.js';
import { brief, claim, section } from './helpers/make-brief.js';
import { tempDir } from './helpers/read-csv.js';
import { sampleBriefs } from './helpers/sample-briefs.js';

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = (await readFile(path.join(dir, name))).toString('base64');
  return out;
}

/** A share as the build keeps it: through its file's bytes and back. */
const kept = (b: Brief, key = 'ast-digest'): TablesPart => decodeTablesPart(encodeTablesPart(tablesPart(b, key)), `${b.id}.tables`);

describe('tables from kept shares', () => {
  let briefs: Brief[];
  beforeAll(async () => {
    briefs = [...sampleBriefs(), ...(await naiveCorpusBriefs())];
  });

  it('joins the shares into the very bytes writeTables makes from the briefs', async () => {
    const [fromBriefs, fromParts] = [await tempDir('briefs'), await tempDir('parts')];
    await writeTables(briefs, fromBriefs);
    const summary = await writeTablesFromParts(briefs.map((b) => kept(b)), fromParts);
    expect(summary.documents).toBe(briefs.length);
    expect(await files(fromParts)).toEqual(await files(fromBriefs));
    // And with a BOM and without the workbook: the shares do not depend on those settings.
    const [a, b] = [await tempDir('bom-briefs'), await tempDir('bom-parts')];
    await writeTables(briefs, a, { bom: true, xlsx: false });
    await writeTablesFromParts(briefs.map((x) => kept(x)), b, { bom: true, xlsx: false });
    expect(await files(b)).toEqual(await files(a));
  });

  it('changes only the share of a changed document, and the tables are those written from scratch', async () => {
    const before = briefs.map((b) => encodeTablesPart(tablesPart(b)));
    const changed = briefs.map((b, i) =>
      i === 1 ? { ...b, children: [section('s1', 1, 'Revised', [claim('c1', 'Now 12 sites, not 11.', [], {})])] } : b,
    );
    const after = changed.map((b) => encodeTablesPart(tablesPart(b)));
    expect(after.map((bytes, i) => Buffer.compare(Buffer.from(bytes), Buffer.from(before[i]!)) !== 0)).toEqual(briefs.map((_, i) => i === 1));
    const [scratch, joined] = [await tempDir('scratch'), await tempDir('joined')];
    await writeTables(changed, scratch);
    await writeTablesFromParts(after.map((bytes, i) => decodeTablesPart(bytes, `${i}.tables`)), joined);
    expect(await files(joined)).toEqual(await files(scratch));
  });

  it('keeps the warnings a share carries, and refuses two shares with one id, naming the file', async () => {
    const dir = await tempDir('warn');
    const summary = await writeTablesFromParts([kept(brief('x', [], { published: 'Fall 2019' }))], dir);
    expect(summary.warnings).toEqual([{ docId: 'x', table: 'documents', column: 'published', message: '"Fall 2019" is not a calendar date; left empty' }]);
    const twin = brief('x', [], {}, { source: { path: 'b/x.md', format: 'markdown', encoding: 'utf-8', bytes: 1, sha256: '' } });
    const error = await writeTablesFromParts([kept(brief('x', [])), kept(twin)], dir).catch((e: unknown) => e);
    expect((error as BriefsError).format()).toBe('b/x.md: two documents have the id "x"; document ids must be unique');
  });
});

describe('a kept share', () => {
  const bytes = Buffer.from(encodeTablesPart(tablesPart(sampleBriefs()[0]!, 'digest-of-the-ast')));

  it('reads back as it was made', () => {
    const part = decodeTablesPart(bytes, 'alpha.tables');
    const made = tablesPart(sampleBriefs()[0]!, 'digest-of-the-ast');
    expect(part.key).toBe('digest-of-the-ast');
    expect(part.source).toBe('corpus/alpha report.md');
    expect(part.tables.length).toBe(TABLES.length);
    part.tables.forEach((t, i) => {
      const m = made.tables[i]!;
      expect({ ...t, csv: Buffer.from(t.csv), xlsx: Buffer.from(t.xlsx) }).toEqual({ ...m, csv: Buffer.from(m.csv), xlsx: Buffer.from(m.xlsx) });
    });
  });

  const refused = (data: Uint8Array): BriefsError => {
    try {
      decodeTablesPart(data, '.briefs-parts/alpha.tables');
    } catch (error) {
      return error as BriefsError;
    }
    throw new Error('a damaged share was read');
  };

  it('is refused, naming its file, when cut short, changed anywhere, or of another kind', () => {
    for (const length of [0, 10, 30, bytes.length >> 1, bytes.length - 1]) {
      const error = refused(bytes.subarray(0, length));
      expect(error).toBeInstanceOf(BriefsError);
      expect(error.code).toBe('E_INPUT_INVALID');
      expect(error.format()).toMatch(/^\.briefs-parts\/alpha\.tables: damaged tables part: /);
    }
    // Any one byte changed, in the head, the CSV, the DEFLATE pieces or the checksum.
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const copy = Buffer.from(bytes);
        copy[at]! ^= flip;
        expect(refused(copy).code).toBe('E_INPUT_INVALID');
      }),
    );
    expect(refused(Buffer.from('{"type":"brief"}')).message).toBe('damaged tables part: not a tables part of this version');
  });

  it('is refused when its head does not describe its bytes, even with a checksum that matches', () => {
    const reseal = (body: Buffer): Buffer => {
      const crc = Buffer.alloc(4);
      crc.writeUInt32LE(crc32(body));
      return Buffer.concat([body, crc]);
    };
    const body = bytes.subarray(0, bytes.length - 4);
    expect(refused(reseal(Buffer.concat([body, Buffer.from('extra')]))).message).toBe('damaged tables part: its lengths do not add up to its size');
    const headStart = 'briefs tables part 1\n'.length + 4;
    const head = JSON.parse(body.toString('utf8', headStart, headStart + body.readUInt32LE(headStart - 4)));
    const forged = Buffer.from(JSON.stringify({ ...head, tables: head.tables.slice(1) }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(forged.length);
    const rest = body.subarray(headStart + body.readUInt32LE(headStart - 4));
    expect(refused(reseal(Buffer.concat([body.subarray(0, headStart - 4), length, forged, rest]))).message).toBe(
      'damaged tables part: its head is not that of a tables part',
    );
  });
});

describe('DEFLATE pieces and CRC-32', () => {
  const text = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    fc.array(fc.constantFrom('<row>', '<c t="b"><v>1</v></c>', '<c/>', 'Ukraine', '</row>', 'é', '😀'), { maxLength: 4000 }).map((a) => Buffer.from(a.join(''))),
  );

  it('join into one stream that another inflater reads as the pieces joined', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), text, (pieces, last) => {
        const stream = Buffer.concat([...pieces.map(deflatePiece), deflateLast(last)]);
        expect(inflateRawSync(stream).equals(Buffer.concat([...pieces, last]))).toBe(true);
      }),
      { numRuns: 60 },
    );
    // Pieces past the 64 KiB a window and a chunk of output hold.
    const big = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `<c><v>${(i * 7919) % 10007}</v></c>`).join(''));
    const stream = Buffer.concat([deflatePiece(big), deflatePiece(big.subarray(0, 70_001)), deflateLast(Buffer.alloc(0))]);
    expect(inflateRawSync(stream).equals(Buffer.concat([big, big.subarray(0, 70_001)]))).toBe(true);
    expect(inflatePiece(deflatePiece(big)).equals(big)).toBe(true);
    expect(inflateRawSync(deflatePiece(big), { finishFlush: constants.Z_SYNC_FLUSH }).length).toBe(big.length);
  });

  it('are the same bytes made one by one or by one compressor with others before them', () => {
    // What `deflatePieces` claims of its full flushes, against a compressor of each piece's own.
    const own = (data: Uint8Array): Buffer => {
      const chunks: Uint8Array[] = [];
      const stream = new Deflate({ level: 4, raw: true });
      stream.onData = (chunk) => chunks.push(chunk as Uint8Array);
      stream.push(data, constants.Z_SYNC_FLUSH);
      return Buffer.concat(chunks);
    };
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (datas) => {
        const pieces = deflatePieces(datas);
        expect(pieces.map((piece) => Buffer.from(piece))).toEqual(datas.map((data) => (data.length > 0 ? own(data) : Buffer.alloc(0))));
      }),
      { numRuns: 40 },
    );
  });

  it('checksums a whole from the checksums of its parts', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.uint8Array({ maxLength: 5000 }), (a, b) => {
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
        expect(tableCrc32(Buffer.concat([a, b]))).toBe(crc32(Buffer.concat([a, b])));
        expect(tableCrc32(b, tableCrc32(a))).toBe(crc32(Buffer.concat([a, b])));
      }),
    );
    // Lengths past 2^32 (a sheet that large is refused, but the arithmetic holds).
    expect(crc32Combine(0x12345678, 0, 2 ** 33 + 5)).toBe(crc32Combine(crc32Combine(0x12345678, 0, 2 ** 33), 0, 5));
  });
});
