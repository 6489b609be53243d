import { type Options, stringify } from 'csv-stringify/sync';
import { formatNumber } from './format/number.js';
import { neutraliseFormula } from './format/formula.js';
import type { Cell } from './rows.js';
import type { FieldType, TableDef } from './tables.js';

/**
 * CSV text of rows, RFC 4180: comma separated, CRLF after every record (§2.1, §2.2), fields
 * with a comma, quote, CR or LF enclosed in double quotes and quotes doubled (§2.5–2.7).
 * csv-stringify does the quoting and the typed casts below.
 *
 * Every non-empty cell of a text column is quoted, numbers, booleans and dates never are
 * (csv-stringify's `quoted_string` quotes exactly the cells given as strings, so numbers are
 * given as numbers and dates as `Date`s): a spreadsheet told to read "quoted field as text"
 * (LibreOffice's option) then keeps `007` as text instead of the number 7, and an empty unquoted
 * cell is null.
 */
const BASE_OPTIONS: Options = {
  record_delimiter: '\r\n',
  // Quote any field holding a lone CR or LF too, not only the CRLF record delimiter (RFC 4180 §2.6).
  quote_record_delimiter: true,
  eof: true,
  quote: '"',
  escape: '"',
  delimiter: ',',
};

const ROW_OPTIONS: Options = {
  ...BASE_OPTIONS,
  quoted_string: true,
  cast: {
    number: (value) => formatNumber(value),
    boolean: (value) => (value ? 'true' : 'false'),
    date: (value) => value.toISOString().slice(0, 10),
  },
};

type Typed = string | number | boolean | Date | null;

/** One cell as csv-stringify gets it: text neutralised, dates as `Date` (so left unquoted). */
function typedCell(value: Cell, type: FieldType): Typed {
  if (typeof value !== 'string') return value;
  if (type === 'string') return neutraliseFormula(value);
  if (type === 'date' && ISO_DATE.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** UTF-8 byte order mark, for Excel, which otherwise reads a CSV in the local code page. */
export const BOM = '\uFEFF';

/**
 * One cell as CSV text: empty for null, plain numbers (`formatNumber`), `true`/`false`,
 * ISO dates as they are, and text neutralised against formula injection (`neutraliseFormula`).
 * Only `string` columns are neutralised: numbers, booleans and dates cannot start a formula.
 */
export function csvCell(value: Cell, type: FieldType): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return type === 'string' ? neutraliseFormula(value) : value;
}

/** The record of one row as a CSV reader gets it back (cell texts, quotes removed), in column order. */
export function csvRecord(table: TableDef, row: Record<string, Cell>): string[] {
  return table.fields.map((field) => csvCell(row[field.name] ?? null, field.type));
}

/** Header line of a table. */
export function csvHeader(table: TableDef): string {
  return stringify([table.fields.map((f) => f.name)], BASE_OPTIONS);
}

/** CSV lines of rows (no header). */
export function csvRows(table: TableDef, rows: ReadonlyArray<Record<string, Cell>>): string {
  if (rows.length === 0) return '';
  const { fields } = table;
  return stringify(
    rows.map((row) => fields.map((field) => typedCell(row[field.name] ?? null, field.type))),
    ROW_OPTIONS,
  );
}
