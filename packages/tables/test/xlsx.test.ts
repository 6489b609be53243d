import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, tableByName, writeTables } from '../src/index.js';
import { SheetBuilder, dateSerial } from '../src/xlsx/sheet.js';
import { MAX_CELL_CHARS, MAX_ROWS, xlsxText } from '../src/xlsx/xml.js';
import { naiveCorpusBriefs } from './helpers/corpus.js';
import { tempDir } from './helpers/read-csv.js';
import { sampleBriefs } from './helpers/sample-briefs.js';

async function build(tz: string): Promise<Buffer> {
  const before = process.env.TZ;
  process.env.TZ = tz; // zip stores local time: the fixed stamp must not move with the zone
  try {
    const dir = await tempDir('xlsx');
    await writeTables([...sampleBriefs(), ...(await naiveCorpusBriefs())], dir);
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

describe('briefs.xlsx', () => {
  let first: Buffer;
  let parts: Record<string, string>;
  beforeAll(async () => {
    first = await build('UTC');
    parts = Object.fromEntries(Object.entries(unzipSync(first)).map(([name, data]) => [name, strFromU8(data)]));
  });

  it('is byte-identical when rebuilt, in any time zone', async () => {
    const again = await build('Asia/Tehran');
    expect(again.equals(first)).toBe(true);
    const third = await build('America/Los_Angeles');
    expect(third.equals(first)).toBe(true);
  });

  it('stores fixed zip timestamps (1980-01-01 00:00)', () => {
    const headers = localHeaders(first);
    expect(headers.length).toBe(5 + TABLES.length);
    for (const h of headers) expect({ time: h.time, date: h.date }).toEqual({ time: 0, date: (0 << 9) | (1 << 5) | 1 });
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

  it('has a bold, frozen header row, an autofilter and column widths', () => {
    expect(parts['xl/styles.xml']).toMatch(/<cellXfs count="3"><xf [^>]*\/><xf numFmtId="0" fontId="1"[^>]*\/>/);
    expect(parts['xl/styles.xml']).toMatch(/<fonts count="2"><font>.*?<\/font><font><b\/>/);
    TABLES.forEach((table, i) => {
      const xml = parts[`xl/worksheets/sheet${i + 1}.xml`]!;
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      const rows = [...xml.matchAll(/<row r="(\d+)">/g)].length;
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
    const figures = parts['xl/worksheets/sheet4.xml']!;
    expect(figures).toContain('<c r="E3"><v>400000000</v></c>');
    expect(figures).toContain('<c r="E4"><v>-3.5</v></c><c r="F4"><v>-1000000000000000000000</v></c>');
    expect(figures).toContain('<c r="I4" t="b"><v>1</v></c>');
    const dates = parts['xl/worksheets/sheet5.xml']!;
    expect(dates).toContain(`<c r="I2" s="2"><v>${dateSerial('2007-01-01')}</v></c>`);
    expect(dateSerial('2007-01-01')).toBe(39083);
    expect(dateSerial('1900-03-01')).toBe(61);
    // Before 1900-03-01 Excel's calendar is wrong: such dates stay text.
    expect(dates).toContain('<c r="I5" t="inlineStr"><is><t xml:space="preserve">1850-01-01</t></is></c>');
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

  it('keeps to Excel\'s limits: long text cut, rows past the last left out, each with a warning', () => {
    const sheet = new SheetBuilder(tableByName('links'));
    const row = { doc_id: 'd', link_id: 'l1', claim_id: 'c1', url: 'u', text: 'x'.repeat(MAX_CELL_CHARS + 5), line: 1, column: 1 };
    const xml = sheet.rowsXml([row]);
    expect(xml).toContain(`>${'x'.repeat(MAX_CELL_CHARS)}</t>`);
    expect(xml).not.toContain('x'.repeat(MAX_CELL_CHARS + 1));
    expect(sheet.warnings).toEqual([{ row: 2, column: 'text', message: "text cut to Excel's 32767 characters" }]);
    sheet.rowCount = MAX_ROWS - 1;
    const tail = sheet.rowsXml([row, row, row]);
    expect(tail.match(/<row /g)).toHaveLength(1);
    expect(sheet.droppedRows).toBe(2);
    expect(sheet.tail()).toContain(`<autoFilter ref="A1:G${MAX_ROWS}"/>`);
  });
});
