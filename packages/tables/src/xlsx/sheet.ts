import { formatNumber } from '../format/number.js';
import type { Cell } from '../rows.js';
import type { TableDef } from '../tables.js';
import { STYLE } from './parts.js';
import { MAX_CELL_CHARS, MAX_ROWS, columnLetters, xlsxText } from './xml.js';

/**
 * One worksheet. The data rows are made per document (`sheetRows`), without row or cell
 * references (`r` is optional on `<row>` and `<c>`, ECMA-376 Part 1 §18.3.1.73 and §18.3.1.4: a
 * row without one follows the previous row, a cell the previous cell), so that a document's rows
 * do not depend on how many rows the documents before it have: they are compressed once, by the
 * worker that builds the document, and a workbook is those pieces joined (see `part.ts`). An empty
 * cell is an empty `<c/>`, which keeps the cells after it in their columns.
 *
 * The sheet itself (`Sheet`) then only needs what its head cannot know before the last row: the
 * used range (for `<dimension>` and the autofilter) and the column widths.
 *
 * Cells are typed: numbers as numbers, booleans as booleans, `date` columns as date serials with
 * a `yyyy-mm-dd` format, text as inline strings. Text is written as it is — an XLSX string cell
 * is never evaluated as a formula, so the CSV's apostrophe defence is not needed here.
 */

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Excel date serial 0 is 1899-12-30 (the 1900 leap-year bug is only below 1900-03-01). */
const EPOCH = Date.UTC(1899, 11, 30);
const FIRST_SAFE_DATE = Date.UTC(1900, 2, 1);

/** A cell cut to Excel's limit, at `row` (1-based) of the rows it was made with. */
export interface SheetCut {
  row: number;
  column: string;
}

export interface SheetRows {
  /** `<row>` elements, one per row. */
  xml: string;
  /** Widest value shown per column (in characters), 0 where the rows have none. */
  widths: number[];
  cuts: SheetCut[];
}

export const CUT_MESSAGE = `text cut to Excel's ${MAX_CELL_CHARS} characters`;

/** `<row>` elements of rows, in order, and what the sheet's head needs to know of them. */
export function sheetRows(table: TableDef, rows: ReadonlyArray<Record<string, Cell>>): SheetRows {
  const { fields } = table;
  const widths = fields.map(() => 0);
  const cuts: SheetCut[] = [];
  let xml = '';
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let cells = '';
    let empty = '';
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const value = row[field.name] ?? null;
      if (value === null) {
        // Written only when a cell follows it (a trailing empty cell needs no place keeper).
        empty += '<c/>';
        continue;
      }
      let shown: number;
      cells += empty;
      empty = '';
      if (typeof value === 'number') {
        const text = formatNumber(value);
        cells += `<c><v>${text}</v></c>`;
        shown = text.length;
      } else if (typeof value === 'boolean') {
        cells += `<c t="b"><v>${value ? 1 : 0}</v></c>`;
        shown = 5;
      } else if (field.type === 'date' && dateSerial(value) !== null) {
        cells += `<c s="${STYLE.date}"><v>${dateSerial(value)}</v></c>`;
        shown = 10;
      } else {
        let text = value;
        if (text.length > MAX_CELL_CHARS) {
          cuts.push({ row: r + 1, column: field.name });
          text = text.slice(0, MAX_CELL_CHARS);
        }
        cells += `<c t="inlineStr"><is><t xml:space="preserve">${xlsxText(text)}</t></is></c>`;
        shown = text.length > widths[i]! ? longestLine(text) : 0;
      }
      if (shown > widths[i]!) widths[i] = shown;
    }
    xml += `<row>${cells}</row>`;
  }
  return { xml, widths, cuts };
}

/** The end of one row in the XML of `sheetRows` (text never holds a raw `<`). */
export const ROW_END = '</row>';

export interface SheetWarning {
  row: number;
  column: string;
  message: string;
}

/** What a worksheet's head and tail need of its rows, gathered as the documents' rows are added. */
export class Sheet {
  readonly table: TableDef;
  /** Rows in the sheet, the header included. */
  rowCount = 1;
  /** Rows that did not fit under Excel's limit (they are still in the CSV). */
  droppedRows = 0;
  readonly warnings: SheetWarning[] = [];
  private readonly widths: number[];
  private readonly letters: string[];

  constructor(
    table: TableDef,
    /** Excel's limit of rows, the header included (smaller only in tests). */
    readonly maxRows = MAX_ROWS,
  ) {
    this.table = table;
    this.widths = table.fields.map((f) => f.name.length + 3); // room for the filter button
    this.letters = table.fields.map((_, i) => columnLetters(i + 1));
  }

  /**
   * How many of `rows` more rows (one document's) fit, and counts them in: those that do not are
   * dropped. The cuts of the rows that fit become warnings; the widths are taken whole when any
   * row fits (for the one document that reaches Excel's limit, rows left out may widen a column).
   */
  take(rows: number, widths: readonly number[], cuts: readonly SheetCut[]): number {
    const fit = Math.max(0, Math.min(rows, this.maxRows - this.rowCount));
    this.droppedRows += rows - fit;
    if (fit === 0) return 0;
    for (const cut of cuts) {
      if (cut.row <= fit) this.warnings.push({ row: this.rowCount + cut.row, column: cut.column, message: CUT_MESSAGE });
    }
    this.rowCount += fit;
    widths.forEach((w, i) => {
      if (w > this.widths[i]!) this.widths[i] = w;
    });
    return fit;
  }

  /** Everything before the first data row. */
  head(): string {
    const last = `${columnLetters(this.table.fields.length)}${this.rowCount}`;
    const cols = this.widths
      .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 1))}" customWidth="1"/>`)
      .join('');
    const header = this.table.fields
      .map((f, i) => `<c r="${this.letters[i]}1" s="${STYLE.header}" t="inlineStr"><is><t>${xlsxText(f.name)}</t></is></c>`)
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<dimension ref="A1:${last}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${cols}</cols><sheetData><row r="1">${header}</row>`
    );
  }

  /** Everything after the last data row. */
  tail(): string {
    return `</sheetData><autoFilter ref="A1:${columnLetters(this.table.fields.length)}${this.rowCount}"/></worksheet>`;
  }
}

/** Excel serial day of an ISO calendar date, or null when it is not one (or before 1900-03-01). */
export function dateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(time) || time < FIRST_SAFE_DATE) return null;
  return Math.round((time - EPOCH) / 86_400_000);
}

function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) if (line.length > longest) longest = line.length;
  return longest;
}
