/**
 * Text for SpreadsheetML (ECMA-376). XML 1.0 cannot carry most C0 control characters, so they
 * are written with the format's own escape `_xHHHH_` (ST_Xstring, ECMA-376 Part 1 §22.9.2.19),
 * and a literal `_xHHHH_` in the text has its underscore escaped (`_x005F_`) so it reads back as
 * written. CR is escaped too, because XML parsers turn a raw CR (and CRLF) into LF. Lone UTF-16
 * surrogates, which no encoder can write, become U+FFFD.
 */
export function xlsxText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

const NEEDS_ESCAPE = /[&<>"_\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Spreadsheet column letters: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's limit of characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's limit of rows in one sheet (the header included). */
export const MAX_ROWS = 1_048_576;
