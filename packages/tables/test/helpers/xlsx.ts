import { XMLValidator } from 'fast-xml-parser';

/** One cell of a worksheet as a reader sees it. */
export interface SheetCell {
  /** `t`: `b`, `inlineStr`… (null for a number). */
  type: string | null;
  /** `s`: style index. */
  style: string | null;
  /** `<v>`, or the text of `<is><t>`. */
  value: string | null;
  /** The cell's XML as written. */
  xml: string;
}

/**
 * The cells of a worksheet by reference (`E3`), placed as a reader places them (ECMA-376 Part 1
 * §18.3.1.73 `row`, §18.3.1.4 `c`): at their `r` where they have one, else in the row after the
 * previous row, the column after the previous cell. Empty cells (`<c/>`) keep their place but
 * are not in the map. Throws when the XML is not well-formed (fast-xml-parser's validator).
 */
export function sheetCells(xml: string): Map<string, SheetCell> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`sheet XML not well-formed: ${JSON.stringify(valid.err)}`);
  const cells = new Map<string, SheetCell>();
  let row = 0;
  for (const r of xml.matchAll(/<row(?: r="(\d+)")?>(.*?)<\/row>/gs)) {
    row = r[1] ? Number(r[1]) : row + 1;
    let column = 0;
    for (const c of r[2]!.matchAll(/<c((?: [a-z]+="[^"]*")*)(?:\/>|>(.*?)<\/c>)/gs)) {
      const attrs = Object.fromEntries([...c[1]!.matchAll(/ ([a-z]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
      if (attrs.r) {
        const ref = /^([A-Z]+)(\d+)$/.exec(attrs.r)!;
        if (Number(ref[2]) !== row) throw new Error(`cell ${attrs.r} in row ${row}`);
        column = [...ref[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      } else column++;
      if (c[2] === undefined) continue;
      const value = /<v>(.*?)<\/v>/s.exec(c[2])?.[1] ?? /<t(?: [^>]*)?>(.*?)<\/t>/s.exec(c[2])?.[1] ?? null;
      cells.set(`${letters(column)}${row}`, { type: attrs.t ?? null, style: attrs.s ?? null, value, xml: c[0] });
    }
  }
  return cells;
}

function letters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Checks every XML part of a workbook is well-formed. */
export function wellFormed(name: string, xml: string): void {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${name}: not well-formed: ${JSON.stringify(valid.err)}`);
}
