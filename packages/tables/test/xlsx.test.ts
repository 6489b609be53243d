import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '@briefs/ast';
import { type Cell, TABLES, formatNumber, tableByName, writeTables } from '../src/index.js';
import { FileSink } from '../src/file-sink.js';
import { crc32 as ourCrc32 } from '../src/xlsx/crc32.js';
import { deflatePiece } from '../src/xlsx/deflate.js';
import { CUT_MESSAGE, dateSerial, sheetRows } from '../src/xlsx/sheet.js';
import { SheetPieces, writeWorkbook } from '../src/xlsx/workbook.js';
import { MAX_CELL_CHARS, xlsxText } from '../src/xlsx/xml.js';
import { naiveCorpusBriefs } from './helpers/corpus.js';
import { tempDir } from './helpers/read-csv.js';
import { sampleBriefs } from './helpers/sample-briefs.js';
import { sheetCells, wellFormed } from './helpers/xlsx.js';

async function build(tz: string, briefs: readonly Brief[]): Promise<Buffer> {
  const before = process.env.TZ;
  process.env.TZ = tz; // zip stores local time: the fixed stamp must not move with the zone
  try {
    const dir = await tempDir('xlsx');
    await writeTables(briefs, dir);
    return await readFile(path.join(dir, 'briefs.xlsx'));
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** Local file headers of a zip: name, DOS time and date (APPNOTE 4.3.7). */
function localHeaders(zip: Buffer): Array<{ name: string; time: number; date: number }> {
  const out = [];
  for (let i = zip.indexOf('PK\x03\x04'); i >= 0; i = zip.indexOf('PK\x03\x04', i + 4)) {
    const nameLength = zip.readUInt16LE(i + 26);
    out.push({ time: zip.readUInt16LE(i + 10), date: zip.readUInt16LE(i + 12), name: zip.toString('utf8', i + 30, i + 30 + nameLength) });
  }
  return out;
}

/**
 * Every entry of a zip read through its central directory (APPNOTE 4.3.12, 4.3.16) and inflated by
 * Node's zlib — not the library that wrote it — checking method, sizes and CRC-32 against it.
 */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [method, crc, size, length] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt32LE(at + 24)];
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect([zip.readUInt32LE(local + 14), zip.readUInt32LE(local + 18), zip.readUInt32LE(local + 22)]).toEqual([crc, size, length]);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    expect(method).toBe(8);
    const data = inflateRawSync(zip.subarray(start, start + size));
    expect(data.length, name).toBe(length);
    expect(crc32(data), name).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** What a sheet cell of `value` in `field` holds, as `sheetCells` reads it; null for none. */
function expectedValue(value: Cell, type: string): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (type === 'date' && dateSerial(value) !== null) return String(dateSerial(value));
  return xlsxText(value.slice(0, MAX_CELL_CHARS));
}

describe('briefs.xlsx', () => {
  let briefs: Brief[];
  let first: Buffer;
  let parts: Record<string, string>;
  beforeAll(async () => {
    briefs = [...sampleBriefs(), ...(await naiveCorpusBriefs())];
    first = await build('UTC', briefs);
    parts = Object.fromEntries(Object.entries(unzipSync(first)).map(([name, data]) => [name, strFromU8(data)]));
  });

  it('is byte-identical when rebuilt, in any time zone', async () => {
    const again = await build('Asia/Tehran', briefs);
    expect(again.equals(first)).toBe(true);
    const third = await build('America/Los_Angeles', briefs);
    expect(third.equals(first)).toBe(true);
  });

  it('stores fixed zip timestamps (1980-01-01 00:00)', () => {
    const headers = localHeaders(first);
    expect(headers.length).toBe(5 + TABLES.length);
    for (const h of headers) expect({ time: h.time, date: h.date }).toEqual({ time: 0, date: (0 << 9) | (1 << 5) | 1 });
  });

  it('is a zip whose every entry inflates, with another inflater, to its recorded size and CRC-32, as well-formed XML', () => {
    const entries = readZip(first);
    expect([...entries.keys()]).toEqual(Object.keys(parts));
    for (const [name, data] of entries) {
      expect(data.toString('utf8'), name).toBe(parts[name]);
      wellFormed(name, data.toString('utf8'));
    }
  });

  it('has one sheet per table, in order, and no document properties with dates', () => {
    expect(Object.keys(parts)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      ...TABLES.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`),
    ]);
    const names = [...parts['xl/workbook.xml']!.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(TABLES.map((t) => t.sheet));
    for (const name of names) expect(name!.length).toBeLessThanOrEqual(31);
  });

  it('holds every row of every table, each value in its column (empty cells keep the places of those after them)', () => {
    TABLES.forEach((table, i) => {
      const cells = sheetCells(parts[`xl/worksheets/sheet${i + 1}.xml`]!);
      const rows = briefs.flatMap((b) => table.rows(b) as Array<Record<string, Cell>>);
      const expected = new Map<string, string>();
      table.fields.forEach((f, c) => {
        expected.set(`${String.fromCharCode(65 + c)}1`, f.name);
      });
      rows.forEach((row, r) => {
        table.fields.forEach((field, c) => {
          const value = expectedValue(row[field.name] ?? null, field.type);
          if (value !== null) expected.set(`${String.fromCharCode(65 + c)}${r + 2}`, value);
        });
      });
      expect(new Map([...cells].map(([ref, cell]) => [ref, cell.value])), table.name).toEqual(expected);
    });
  });

  it('has a bold, frozen header row, an autofilter and column widths', () => {
    expect(parts['xl/styles.xml']).toMatch(/<cellXfs count="3"><xf [^>]*\/><xf numFmtId="0" fontId="1"[^>]*\/>/);
    expect(parts['xl/styles.xml']).toMatch(/<fonts count="2"><font>.*?<\/font><font><b\/>/);
    TABLES.forEach((table, i) => {
      const xml = parts[`xl/worksheets/sheet${i + 1}.xml`]!;
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      const rows = [...xml.matchAll(/<row[ >]/g)].length;
      expect(rows).toBe(1 + briefs.reduce((n, b) => n + table.rows(b).length, 0));
      const last = String.fromCharCode(64 + table.fields.length);
      expect(xml).toContain(`<autoFilter ref="A1:${last}${rows}"/>`);
      expect(xml).toContain(`<dimension ref="A1:${last}${rows}"/>`);
      const header = /<row r="1">(.*?)<\/row>/.exec(xml)![1]!;
      expect([...header.matchAll(/<c r="[A-Z]+1" s="1" t="inlineStr"><is><t>([^<]*)<\/t>/g)].map((m) => m[1])).toEqual(table.fields.map((f) => f.name));
      const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => Number(m[2]));
      expect(widths.length).toBe(table.fields.length);
      for (const w of widths) expect(w).toBeGreaterThanOrEqual(6);
      for (const w of widths) expect(w).toBeLessThanOrEqual(60);
    });
    // The claims' text column is wide, the ids narrow.
    const claimCols = [...parts['xl/worksheets/sheet3.xml']!.matchAll(/width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(claimCols[6]).toBe(60);
    expect(claimCols[1]).toBeLessThan(15);
  });

  it('types its cells: numbers, booleans, dates with a date format, text', () => {
    const figures = sheetCells(parts['xl/worksheets/sheet4.xml']!);
    expect(figures.get('E3')?.xml).toBe('<c><v>400000000</v></c>');
    expect(figures.get('E4')?.xml).toBe('<c><v>-3.5</v></c>');
    expect(figures.get('F4')?.xml).toBe('<c><v>-1000000000000000000000</v></c>');
    expect(figures.get('I4')?.xml).toBe('<c t="b"><v>1</v></c>');
    const dates = sheetCells(parts['xl/worksheets/sheet5.xml']!);
    expect(dates.get('I2')?.xml).toBe(`<c s="2"><v>${dateSerial('2007-01-01')}</v></c>`);
    expect(dateSerial('2007-01-01')).toBe(39083);
    expect(dateSerial('1900-03-01')).toBe(61);
    // Before 1900-03-01 Excel's calendar is wrong: such dates stay text.
    expect(dates.get('I5')?.xml).toBe('<c t="inlineStr"><is><t xml:space="preserve">1850-01-01</t></is></c>');
    expect(parts['xl/styles.xml']).toContain('<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>');
    // Text is written as it is, no apostrophe: a string cell is never a formula in XLSX.
    const claims = parts['xl/worksheets/sheet3.xml']!;
    expect(claims).toContain('<t xml:space="preserve">=1+1</t>');
    expect(claims).not.toContain('<f>');
  });

  it('escapes what XML cannot carry', () => {
    expect(xlsxText('a & b < c > "d"')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;');
    expect(xlsxText('bell\u0007 cr\r')).toBe('bell_x0007_ cr_x000D_');
    expect(xlsxText('literal _x0041_')).toBe('literal _x005F_x0041_');
    expect(xlsxText('lone \ud800 pair 😀')).toBe('lone \ufffd pair 😀');
  });

  it("keeps to Excel's limits: long text cut, rows past the last left out, each with a warning", async () => {
    const links = tableByName('links');
    const row = (i: number, text = `t${i}`) => ({ doc_id: 'd', link_id: `l${i}`, claim_id: 'c1', url: 'u', text, line: 1, column: 1 });
    const long = sheetRows(links, [row(1, 'x'.repeat(MAX_CELL_CHARS + 5))]);
    expect(long.xml).toContain(`>${'x'.repeat(MAX_CELL_CHARS)}</t>`);
    expect(long.xml).not.toContain('x'.repeat(MAX_CELL_CHARS + 1));
    expect(long.cuts).toEqual([{ row: 1, column: 'text' }]);

    // A sheet of five rows, the header and four: the second document reaches the limit and is
    // cut after its second row (its piece is made again), the third is left out.
    const share = (rows: ReturnType<typeof row>[]) => {
      const made = sheetRows(links, rows);
      const xml = Buffer.from(made.xml);
      return { rows: rows.length, xlsx: deflatePiece(xml), xmlBytes: xml.length, xmlCrc: ourCrc32(xml), widths: made.widths, cuts: made.cuts };
    };
    const dir = await tempDir('limit');
    const pieces = new SheetPieces(links, FileSink.scratch(dir), 5);
    const cut = 'y'.repeat(MAX_CELL_CHARS + 1);
    pieces.add(share([row(1), row(2)]));
    pieces.add(share([row(3), row(4, cut), row(5, cut)]));
    pieces.add(share([row(6)]));
    expect(pieces.sheet.rowCount).toBe(5);
    expect(pieces.sheet.droppedRows).toBe(2);
    expect(pieces.sheet.warnings).toEqual([{ row: 5, column: 'text', message: CUT_MESSAGE }]);
    const sink = await FileSink.create(dir, 'limit.xlsx');
    await writeWorkbook(sink, [pieces]);
    await sink.finish();
    const xml = readZip(await readFile(sink.tempPath)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const cells = sheetCells(xml);
    expect([2, 3, 4, 5, 6].map((r) => cells.get(`F${r}`)?.value)).toEqual(['l1', 'l2', 'l3', 'l4', undefined]);
    expect(xml).toContain('<autoFilter ref="A1:G5"/>');
  });
});
