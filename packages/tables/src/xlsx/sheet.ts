import { formatNumber } from '../format/number.js';
import type { Cell } from '../rows.js';
import type { TableDef } from '../tables.js';
import { STYLE } from './parts.js';
import { MAX_CELL_CHARS, MAX_ROWS, columnLetters, xlsxText } from './xml.js';

/**
 * One worksheet, built row by row: `rowsXml` turns rows into `<row>` elements (streamed to a
 * temporary file by the caller), while the sheet remembers what its head needs and cannot know
 * before the last row: the used range (for `<dimension>` and the autofilter) and column widths.
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

export interface SheetWarning {
  row: number;
  column: string;
  message: string;
}

export class SheetBuilder {
  readonly table: TableDef;
  /** Rows written so far, the header included. */
  rowCount = 1;
  /** Rows that did not fit under Excel's limit (they are still in the CSV). */
  droppedRows = 0;
  readonly warnings: SheetWarning[] = [];
  private readonly widths: number[];
  private readonly letters: string[];

  constructor(table: TableDef) {
    this.table = table;
    this.widths = table.fields.map((f) => f.name.length + 3); // room for the filter button
    this.letters = table.fields.map((_, i) => columnLetters(i + 1));
  }

  /** `<row>` elements of rows, in order; rows past Excel's limit are counted, not written. */
  rowsXml(rows: ReadonlyArray<Record<string, Cell>>): string {
    let out = '';
    for (const row of rows) {
      if (this.rowCount >= MAX_ROWS) {
        this.droppedRows++;
        continue;
      }
      this.rowCount++;
      out += this.rowXml(row, this.rowCount);
    }
    return out;
  }

  private rowXml(row: Record<string, Cell>, r: number): string {
    let cells = '';
    const { fields } = this.table;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const value = row[field.name] ?? null;
      if (value === null) continue;
      const ref = `${this.letters[i]}${r}`;
      let shown: number;
      if (typeof value === 'number') {
        const text = formatNumber(value);
        cells += `<c r="${ref}"><v>${text}</v></c>`;
        shown = text.length;
      } else if (typeof value === 'boolean') {
        cells += `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
        shown = 5;
      } else if (field.type === 'date' && dateSerial(value) !== null) {
        cells += `<c r="${ref}" s="${STYLE.date}"><v>${dateSerial(value)}</v></c>`;
        shown = 10;
      } else {
        let text = value;
        if (text.length > MAX_CELL_CHARS) {
          this.warnings.push({ row: r, column: field.name, message: `text cut to Excel's ${MAX_CELL_CHARS} characters` });
          text = text.slice(0, MAX_CELL_CHARS);
        }
        cells += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xlsxText(text)}</t></is></c>`;
        shown = text.length > this.widths[i]! ? longestLine(text) : 0;
      }
      if (shown > this.widths[i]!) this.widths[i] = shown;
    }
    return `<row r="${r}">${cells}</row>`;
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
