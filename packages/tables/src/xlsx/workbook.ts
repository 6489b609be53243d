import { createReadStream } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';
import type { FileSink } from '../file-sink.js';
import { contentTypesXml, rootRelsXml, stylesXml, workbookRelsXml, workbookXml } from './parts.js';
import type { SheetBuilder } from './sheet.js';

/**
 * Writes the workbook package (a zip, ECMA-376 Part 2) to `sink`, streaming each sheet's rows
 * from the temporary file they were collected in, so no sheet is ever whole in memory.
 *
 * Byte-identical rebuilds: every entry has the same fixed modification time (1980-01-01 00:00,
 * the first time a zip can record; built from local-time fields because zip stores local time),
 * the same compression level, and the parts come in a fixed order. No docProps/core.xml is
 * written, so there is no creation date to differ.
 */
const mtime = (): Date => new Date(1980, 0, 1, 0, 0, 0); // made per call: the zone may change
// Level 4: a third faster than 6 on sheet XML for about 10% more bytes; fflate is pure JS, so
// the compressed bytes are the same on every machine (native zlib builds may differ by CPU).
const LEVEL = 4;

export interface SheetPart {
  builder: SheetBuilder;
  /** Temporary file holding the sheet's `<row>` elements. */
  rowsPath: string;
}

export async function writeWorkbook(sink: FileSink, sheets: readonly SheetPart[]): Promise<void> {
  let failure: Error | null = null;
  const stamp = mtime();
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else sink.queue(chunk);
  });
  const entry = async (name: string, pieces: () => AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): Promise<void> => {
    const file = new ZipDeflate(name, { level: LEVEL });
    file.mtime = stamp;
    zip.add(file);
    const encoder = new TextEncoder();
    for await (const piece of pieces()) {
      file.push(typeof piece === 'string' ? encoder.encode(piece) : piece);
      if (failure) throw failure;
      if (sink.needsFlush) await sink.flush();
    }
    file.push(new Uint8Array(0), true);
    if (failure) throw failure;
    await sink.flush();
  };

  const tables = sheets.map((s) => s.builder.table);
  await entry('[Content_Types].xml', () => [contentTypesXml(sheets.length)]);
  await entry('_rels/.rels', () => [rootRelsXml()]);
  await entry('xl/workbook.xml', () => [workbookXml(tables, sheets.map((s) => s.builder.rowCount))]);
  await entry('xl/_rels/workbook.xml.rels', () => [workbookRelsXml(sheets.length)]);
  await entry('xl/styles.xml', () => [stylesXml()]);
  for (const [i, sheet] of sheets.entries()) {
    await entry(`xl/worksheets/sheet${i + 1}.xml`, async function* () {
      yield sheet.builder.head();
      for await (const chunk of createReadStream(sheet.rowsPath, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
      yield sheet.builder.tail();
    });
  }
  zip.end();
  if (failure) throw failure;
  await sink.flush();
}
