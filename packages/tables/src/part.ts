import { type Brief, BriefsError } from '@briefs/ast';
import { csvRows } from './csv.js';
import { calendarDate } from './format/dates.js';
import { TABLES } from './tables.js';
import type { TablesWarning } from './write-tables.js';
import { crc32 } from './xlsx/crc32.js';
import { deflatePieces } from './xlsx/deflate.js';
import type { SheetShare } from './xlsx/workbook.js';
import { sheetRows } from './xlsx/sheet.js';

/**
 * One document's share of every table, made once — by the worker that builds the document — and
 * kept, so that tables of many documents are written by joining shares, without reading an AST
 * or encoding a row again: a rebuild with one document changed makes one share.
 *
 * A share holds, per table, the CSV records of the document's rows as they are written, and its
 * rows of the workbook's sheet already compressed as a DEFLATE piece that joins the other
 * documents' (see `xlsx/deflate.ts`; rows carry no row number, see `xlsx/sheet.ts`), with what
 * the sheet's head and the zip need to know of them (widths, CRC-32, lengths). `writeTables`
 * goes through shares too, so every way of writing the tables gives the same bytes.
 */
export interface TablesPart {
  /** Document id: every row's `doc_id`. */
  id: string;
  /** Source path of the document, for messages. */
  source: string | null;
  /** What the maker tied the share to (the build: the digest of the AST it was made from). */
  key: string;
  /** Problems in the document's content that do not stop the export. */
  warnings: TablesWarning[];
  /** One per table, in the order of `TABLES`. */
  tables: TableShare[];
}

export interface TableShare extends SheetShare {
  /** CSV records of the rows, UTF-8, each ending in CRLF (no header). */
  csv: Uint8Array;
}

/** The document's share of every table. Throws `E_INPUT_INVALID` for what is not a brief. */
export function tablesPart(brief: Brief, key = ''): TablesPart {
  const file = brief?.source?.path;
  if (brief?.type !== 'brief' || typeof brief.id !== 'string' || brief.id === '' || !brief.meta || !Array.isArray(brief.children)) {
    throw new BriefsError('E_INPUT_INVALID', 'not a brief AST (needs type "brief", an id, meta and children)', file ? { file } : {});
  }
  const warnings: TablesWarning[] = [];
  if (brief.meta.published && calendarDate(brief.meta.published) === null) {
    warnings.push({ docId: brief.id, table: 'documents', column: 'published', message: `"${brief.meta.published}" is not a calendar date; left empty` });
  }
  const shares = TABLES.map((table) => {
    const rows = table.rows(brief);
    const sheet = sheetRows(table, rows);
    return { rows: rows.length, csv: Buffer.from(csvRows(table, rows), 'utf8'), xml: Buffer.from(sheet.xml, 'utf8'), widths: sheet.widths, cuts: sheet.cuts };
  });
  // One compressor for the document's pieces (see `deflatePieces`); none for a table without rows.
  const withRows = shares.filter((s) => s.rows > 0);
  const pieces = deflatePieces(withRows.map((s) => s.xml));
  const tables = shares.map(
    (s): TableShare => ({
      rows: s.rows,
      csv: s.csv,
      xlsx: s.rows > 0 ? pieces[withRows.indexOf(s)]! : EMPTY,
      xmlBytes: s.xml.length,
      xmlCrc: crc32(s.xml),
      widths: s.widths,
      cuts: s.cuts,
    }),
  );
  return { id: brief.id, source: file ?? null, key, warnings, tables };
}

const EMPTY = new Uint8Array(0);

/**
 * A share as a file: a line naming the format, the length of a JSON head (ids, counts, lengths,
 * widths, warnings), the head, every table's CSV and DEFLATE bytes, and a CRC-32 of all before it.
 */
const MAGIC = Buffer.from('briefs tables part 1\n', 'latin1');

interface Head {
  id: string;
  source: string | null;
  key: string;
  warnings: TablesWarning[];
  tables: Array<Omit<TableShare, 'csv' | 'xlsx'> & { csv: number; xlsx: number }>;
}

export function encodeTablesPart(part: TablesPart): Uint8Array {
  const head: Head = {
    id: part.id,
    source: part.source,
    key: part.key,
    warnings: part.warnings,
    tables: part.tables.map(({ csv, xlsx, ...rest }) => ({ ...rest, csv: csv.length, xlsx: xlsx.length })),
  };
  const json = Buffer.from(JSON.stringify(head), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const body = Buffer.concat([MAGIC, length, json, ...part.tables.flatMap((t) => [t.csv, t.xlsx])]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(body));
  return Buffer.concat([body, crc]);
}

/**
 * The share in a file's bytes (views into them, not copies). Throws `E_INPUT_INVALID` naming
 * `file` when they are not a whole share of this version: cut short, changed, or of another.
 */
export function decodeTablesPart(bytes: Uint8Array, file: string): TablesPart {
  const damaged = (why: string): BriefsError => new BriefsError('E_INPUT_INVALID', `damaged tables part: ${why}`, { file });
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < MAGIC.length + 8 || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged('not a tables part of this version');
  const end = data.length - 4;
  if (crc32(data.subarray(0, end)) !== data.readUInt32LE(end)) throw damaged('its checksum does not match its bytes');
  const headEnd = MAGIC.length + 4 + data.readUInt32LE(MAGIC.length);
  let head: Head;
  try {
    head = JSON.parse(data.toString('utf8', MAGIC.length + 4, headEnd)) as Head;
  } catch {
    throw damaged('its head is not JSON');
  }
  if (!isHead(head)) throw damaged('its head is not that of a tables part');
  let at = headEnd;
  const take = (length: number): Uint8Array => {
    const view = data.subarray(at, at + length);
    at += length;
    return view;
  };
  const tables = head.tables.map((t): TableShare => ({ ...t, csv: take(t.csv), xlsx: take(t.xlsx) }));
  if (at !== end) throw damaged('its lengths do not add up to its size');
  return { id: head.id, source: head.source, key: head.key, warnings: head.warnings, tables };
}

const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

function isHead(head: Head): boolean {
  return (
    typeof head?.id === 'string' &&
    typeof head.key === 'string' &&
    (head.source === null || typeof head.source === 'string') &&
    Array.isArray(head.warnings) &&
    Array.isArray(head.tables) &&
    head.tables.length === TABLES.length &&
    head.tables.every(
      (t, i) =>
        count(t.rows) &&
        count(t.csv) &&
        count(t.xlsx) &&
        count(t.xmlBytes) &&
        count(t.xmlCrc) &&
        Array.isArray(t.widths) &&
        t.widths.length === TABLES[i]!.fields.length &&
        t.widths.every(count) &&
        Array.isArray(t.cuts),
    )
  );
}
