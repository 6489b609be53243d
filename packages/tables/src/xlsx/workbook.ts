import type { FileSink } from '../file-sink.js';
import type { TableDef } from '../tables.js';
import { crc32, crc32Combine } from './crc32.js';
import { deflateLast, deflatePiece, inflatePiece } from './deflate.js';
import { contentTypesXml, rootRelsXml, stylesXml, workbookRelsXml, workbookXml } from './parts.js';
import { ROW_END, Sheet, type SheetCut } from './sheet.js';
import { ZipWriter } from './zip.js';

/** One document's rows of one sheet, as made once by `tablesPart`. */
export interface SheetShare {
  rows: number;
  /** The rows' `<row>` XML as a DEFLATE piece (`deflatePiece`); empty when there are no rows. */
  xlsx: Uint8Array;
  /** Length and CRC-32 of that XML. */
  xmlBytes: number;
  xmlCrc: number;
  /** Widest value shown per column. */
  widths: number[];
  cuts: SheetCut[];
}

/**
 * A worksheet's rows, gathered document by document: their DEFLATE pieces are kept in a scratch
 * file — in memory while they are few, on disk past that, so no large sheet is ever whole in
 * memory — and their CRC-32 and lengths are added up.
 */
export class SheetPieces {
  readonly sheet: Sheet;
  crc = 0;
  length = 0;
  size = 0;

  constructor(
    table: TableDef,
    /** Temporary file of the pieces. */
    readonly file: FileSink,
    maxRows?: number,
  ) {
    this.sheet = new Sheet(table, maxRows);
  }

  /** Adds a document's rows, as far as they fit under Excel's limit of rows (`flush` the file now and then). */
  add(share: SheetShare): void {
    const fit = this.sheet.take(share.rows, share.widths, share.cuts);
    if (fit === share.rows) {
      this.append(share.xlsx, share.xmlCrc, share.xmlBytes);
    } else if (fit > 0) {
      // The one document that reaches the limit: its rows are cut after the last that fits.
      const xml = inflatePiece(share.xlsx);
      let end = 0;
      for (let i = 0; i < fit; i++) end = xml.indexOf(ROW_END, end) + ROW_END.length;
      const kept = xml.subarray(0, end);
      this.append(deflatePiece(kept), crc32(kept), kept.length);
    }
  }

  private append(piece: Uint8Array, crc: number, length: number): void {
    this.crc = crc32Combine(this.crc, crc, length);
    this.length += length;
    this.size += piece.length;
    this.file.push(piece);
  }
}

/**
 * Writes the workbook package (a zip, ECMA-376 Part 2) to `sink`: the fixed parts, then each
 * sheet as its head, the documents' pieces of rows streamed from their temporary file, and its
 * tail. No docProps/core.xml is written, so there is no creation date to differ.
 */
export async function writeWorkbook(sink: FileSink, sheets: readonly SheetPieces[]): Promise<void> {
  const zip = new ZipWriter(sink);
  const whole = async (name: string, text: string): Promise<void> => {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateLast(data);
    await zip.add({ name, crc: crc32(data), length: data.length, size: packed.length }, [packed]);
  };

  const tables = sheets.map((s) => s.sheet.table);
  await whole('[Content_Types].xml', contentTypesXml(sheets.length));
  await whole('_rels/.rels', rootRelsXml());
  await whole('xl/workbook.xml', workbookXml(tables, sheets.map((s) => s.sheet.rowCount)));
  await whole('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length));
  await whole('xl/styles.xml', stylesXml());
  for (const [i, pieces] of sheets.entries()) {
    const head = Buffer.from(pieces.sheet.head(), 'utf8');
    const tail = Buffer.from(pieces.sheet.tail(), 'utf8');
    const [headPiece, tailPiece] = [deflatePiece(head), deflateLast(tail)];
    const crc = crc32Combine(crc32Combine(crc32(head), pieces.crc, pieces.length), crc32(tail), tail.length);
    const entry = {
      name: `xl/worksheets/sheet${i + 1}.xml`,
      crc,
      length: head.length + pieces.length + tail.length,
      size: headPiece.length + pieces.size + tailPiece.length,
    };
    await zip.add(entry, stream(headPiece, pieces.file, tailPiece));
  }
  await zip.end();
}

async function* stream(head: Uint8Array, pieces: FileSink, tail: Uint8Array): AsyncGenerator<Uint8Array> {
  yield head;
  yield* pieces.contents();
  yield tail;
}
