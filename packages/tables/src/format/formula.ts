/**
 * Formula injection defence (OWASP "CSV Injection", CWE-1236).
 *
 * A spreadsheet that opens a CSV runs a cell as a formula when its text starts with `=`, `+`,
 * `-` or `@` (and Excel also after a leading tab or carriage return). Some programs skip leading
 * blanks first, so ` =1+1` and `\u00a0=1+1` are just as dangerous, and East Asian locales accept
 * the full-width forms `＝ ＋ － ＠`. Such a text cell is written with a leading apostrophe: `'=1+1`.
 * The apostrophe is what Excel and LibreOffice themselves use to mark "this is text", and it keeps
 * the rest of the cell byte for byte.
 *
 * To keep the rule reversible, a cell that already starts with an apostrophe gets one more, so the
 * original text is always "the cell, minus one leading `'` if it starts with one"
 * (`unneutraliseFormula`). Only text columns pass through here: numeric columns are written as
 * numbers, so `-3.5` stays a negative number.
 */

/** Characters that start a formula (OWASP list plus the full-width forms). */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * Leading characters a spreadsheet may skip before it looks for a formula: every Unicode space
 * separator (`\p{Zs}`: space, NBSP, en/em spaces, ideographic space…), line breaks, and the
 * invisible format characters (zero-width space/joiners, BOM, bidi marks) that render as nothing.
 */
const SKIPPABLE = /^[\p{Zs}\n\u000B\u000C\u0085\u2028\u2029\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*/u;

/** True when a spreadsheet could read this text as a formula. */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  // A tab or CR as the very first character is a trigger of its own (OWASP).
  if (text[0] === '\t' || text[0] === '\r') return true;
  const skipped = SKIPPABLE.exec(text)?.[0].length ?? 0;
  const first = text[skipped];
  return first !== undefined && TRIGGERS.has(first);
}

/** The text as it is safe to put in a CSV cell (see the module comment). */
export function neutraliseFormula(text: string): string {
  if (text.startsWith("'") || isFormulaLike(text)) return `'${text}`;
  return text;
}

/** Inverse of `neutraliseFormula`. */
export function unneutraliseFormula(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
