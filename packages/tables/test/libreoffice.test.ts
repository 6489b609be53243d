import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Brief } from '@briefs/ast';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Cell, TABLES, type TableDef, csvRecord, writeTables } from '../src/index.js';
import { dateSerial } from '../src/xlsx/sheet.js';
import { naiveCorpusBriefs } from './helpers/corpus.js';
import { tempDir } from './helpers/read-csv.js';
import { sampleBriefs } from './helpers/sample-briefs.js';
import { convert, findSoffice } from './helpers/soffice.js';

/**
 * A real spreadsheet program opens the tables: LibreOffice (headless) converts briefs.xlsx and
 * every CSV, and what it reads must equal what we wrote, with no formula evaluated from text.
 *
 * LibreOffice keeps line breaks inside a cell as LF: a CRLF in a cell reads back as LF (and from
 * CSV a lone CR too), so line ends inside cells are compared after that normalisation.
 */

const soffice = await findSoffice();
const CSV_EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
/** CSV import: comma, ", UTF-8, line 1, standard columns, quoted field as text, no special numbers, evaluate formulas. */
const CSV_IMPORT_TEXT = 'Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,false,false,false,-1,true';
/** CSV import as a careless user has it: nothing read as text, special numbers on, evaluate formulas on. */
const CSV_IMPORT_GREEDY = 'Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1,true';

function parseLo(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  const result = Papa.parse<string[]>(body, { delimiter: ',', newline: '\n', quoteChar: '"', header: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

const lf = (s: string): string => s.replace(/\r\n/g, '\n');
const lfAll = (s: string): string => s.replace(/\r\n?/g, '\n');

/** Compares one cell LibreOffice read with the value written; text compared by `text`. */
function expectCell(read: string, value: Cell, field: TableDef['fields'][number], where: string, text: (v: string) => string): void {
  if (value === null || value === '') {
    expect(read, where).toBe('');
  } else if (typeof value === 'number') {
    const n = Number(read);
    // LibreOffice prints 15 significant digits.
    expect(Math.abs(n - value), `${where}: ${read} vs ${value}`).toBeLessThanOrEqual(Math.abs(value) * 1e-14);
  } else if (typeof value === 'boolean') {
    expect(read.toLowerCase(), where).toBe(String(value));
  } else if (field.type === 'date') {
    expect(read, where).toBe(value);
  } else {
    expect(read, where).toBe(text(value));
  }
}

const title = soffice
  ? 'LibreOffice opens the tables'
  : 'LibreOffice opens the tables — SKIPPED: soffice is not on PATH (install libreoffice-calc-nogui; scripts/setup.sh does)';

describe.skipIf(!soffice)(title, () => {
  let dir: string;
  let out: string;
  let briefs: Brief[];
  beforeAll(async () => {
    briefs = [...sampleBriefs(), ...(await naiveCorpusBriefs()).slice(0, 3)];
    dir = await tempDir('lo');
    out = path.join(dir, 'lo');
    await mkdir(out);
    await writeTables(briefs, dir);
  }, 120_000);

  it('reads every sheet of briefs.xlsx as the values written', async () => {
    await convert(soffice!, [path.join(dir, 'briefs.xlsx')], out, CSV_EXPORT);
    for (const table of TABLES) {
      const records = parseLo(await readFile(path.join(out, `briefs-${table.sheet}.csv`), 'utf8'));
      expect(records[0]).toEqual(table.fields.map((f) => f.name));
      const rows = briefs.flatMap((b) => table.rows(b) as Array<Record<string, Cell>>);
      expect(records.length - 1, table.name).toBe(rows.length);
      rows.forEach((row, r) => {
        table.fields.forEach((field, c) => {
          // XLSX text has no apostrophe: it is compared with the text itself.
          expectCell(records[r + 1]![c] ?? '', row[field.name] ?? null, field, `${table.name} row ${r + 1} ${field.name}`, lf);
        });
      });
    }
  }, 300_000);

  it('sees typed cells and no formula in briefs.xlsx', async () => {
    await convert(soffice!, [path.join(dir, 'briefs.xlsx')], out, 'fods');
    const fods = await readFile(path.join(out, 'briefs.fods'), 'utf8');
    // LibreOffice has no boolean cell type: it keeps an XLSX boolean as the formula TRUE() or
    // FALSE(). Any other formula would have come from our text.
    const formulas = [...fods.matchAll(/table:formula="([^"]*)"/g)].map((m) => m[1]);
    expect(formulas.filter((f) => f !== 'of:=TRUE()' && f !== 'of:=FALSE()')).toEqual([]);
    const counts: Record<string, number> = {};
    for (const m of fods.matchAll(/<table:table-cell ([^>]*)>/g)) {
      const type = /table:formula="of:=(?:TRUE|FALSE)\(\)"/.test(m[1]!) ? 'boolean' : /office:value-type="(\w+)"/.exec(m[1]!)?.[1];
      if (!type) continue;
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(m[1]!)?.[1] ?? 1);
      counts[type] = (counts[type] ?? 0) + repeat;
    }
    const expected: Record<string, number> = { float: 0, boolean: 0, date: 0, string: 0 };
    for (const table of TABLES) {
      expected.string! += table.fields.length; // header
      for (const brief of briefs) {
        for (const row of table.rows(brief) as Array<Record<string, Cell>>) {
          for (const field of table.fields) {
            const v = row[field.name] ?? null;
            if (v === null) continue;
            const kind =
              typeof v === 'number' ? 'float' : typeof v === 'boolean' ? 'boolean' : field.type === 'date' && dateSerial(v) !== null ? 'date' : 'string';
            expected[kind]! += 1;
          }
        }
      }
    }
    expect(counts).toEqual(expected);
  }, 300_000);

  it('reads every CSV as the cells written (quoted fields as text), evaluating none', async () => {
    const inputs = [];
    for (const table of TABLES) {
      const copy = path.join(out, `in-${table.name}.csv`);
      await copyFile(path.join(dir, table.path), copy);
      inputs.push(copy);
    }
    await convert(soffice!, inputs, path.join(out, 'csv'), CSV_EXPORT, CSV_IMPORT_TEXT);
    for (const table of TABLES) {
      const produced = (await readdir(path.join(out, 'csv'))).find((n) => n.startsWith(`in-${table.name}`))!;
      const records = parseLo(await readFile(path.join(out, 'csv', produced), 'utf8'));
      expect(records[0]).toEqual(table.fields.map((f) => f.name));
      const rows = briefs.flatMap((b) => table.rows(b) as Array<Record<string, Cell>>);
      expect(records.length - 1, table.name).toBe(rows.length);
      rows.forEach((row, r) => {
        const written = csvRecord(table, row);
        table.fields.forEach((field, c) => {
          // The CSV cell, apostrophe included, is what LibreOffice must show.
          const where = `${table.name} row ${r + 1} ${field.name}`;
          const value = row[field.name] ?? null;
          const read = records[r + 1]![c] ?? '';
          if (field.type === 'string' && value !== null) expect(lfAll(read), where).toBe(lfAll(written[c]!));
          else expectCell(read, value, field, where, lfAll);
        });
      });
    }
  }, 300_000);

  it('evaluates no formula from our CSVs even with formula evaluation on and quotes ignored', async () => {
    const inputs = [];
    for (const table of TABLES) {
      const copy = path.join(out, `greedy-${table.name}.csv`);
      await copyFile(path.join(dir, table.path), copy);
      inputs.push(copy);
    }
    // Control: the same settings do evaluate an un-neutralised cell, so the check can fail.
    const control = path.join(out, 'greedy-control.csv');
    await writeFile(control, 'a,b\r\n"=1+1",x\r\n');
    await convert(soffice!, [...inputs, control], path.join(out, 'fods'), 'fods', CSV_IMPORT_GREEDY);
    const controlFods = await readFile(path.join(out, 'fods', 'greedy-control.fods'), 'utf8');
    expect(controlFods).toContain('table:formula');
    for (const table of TABLES) {
      const fods = await readFile(path.join(out, 'fods', `greedy-${table.name}.fods`), 'utf8');
      expect(fods, table.name).not.toContain('table:formula');
    }
  }, 300_000);
});
