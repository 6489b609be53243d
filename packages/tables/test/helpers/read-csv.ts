import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Brief } from '@briefs/ast';
import Papa from 'papaparse';
import { type TableDef, csvRecord } from '../../src/index.js';

/**
 * Reads a CSV with papaparse — an independent parser (the writer uses csv-stringify) — with the
 * record separator forced to CRLF, so a bare LF outside quotes would show up as a wrong cell.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!body.endsWith('\r\n')) throw new Error('CSV does not end with CRLF');
  const result = Papa.parse<string[]>(body.slice(0, -2), { delimiter: ',', newline: '\r\n', quoteChar: '"', escapeChar: '"', header: false });
  if (result.errors.length > 0) throw new Error(`papaparse: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.data;
}

export async function readCsv(dir: string, table: TableDef): Promise<string[][]> {
  return parseCsv(await readFile(path.join(dir, table.path), 'utf8'));
}

/** What the CSV of a table must hold for these briefs: the header, then every row's cells. */
export function expectedRecords(table: TableDef, briefs: readonly Brief[]): string[][] {
  const records = [table.fields.map((f) => f.name)];
  for (const brief of briefs) for (const row of table.rows(brief)) records.push(csvRecord(table, row));
  return records;
}

export const tempDir = (prefix: string): Promise<string> => mkdtemp(path.join(tmpdir(), `briefs-tables-${prefix}-`));

/**
 * Problems with the keys of the tables in `dir`: duplicate primary keys and foreign keys that do
 * not resolve, as read back from the CSVs (empty when all is well).
 */
export async function keyProblems(dir: string, tables: readonly TableDef[]): Promise<string[]> {
  const problems: string[] = [];
  const data = new Map<string, string[][]>();
  for (const table of tables) data.set(table.name, await readCsv(dir, table));
  const keyOf = (records: string[][], record: string[], fields: readonly string[]) =>
    JSON.stringify(fields.map((f) => record[records[0]!.indexOf(f)]));
  for (const table of tables) {
    const records = data.get(table.name)!;
    const seen = new Set<string>();
    for (const record of records.slice(1)) {
      const key = keyOf(records, record, table.primaryKey);
      if (seen.has(key)) problems.push(`${table.name}: duplicate primary key ${key}`);
      seen.add(key);
    }
    for (const fk of table.foreignKeys) {
      const target = data.get(fk.reference.resource)!;
      const keys = new Set(target.slice(1).map((r) => keyOf(target, r, fk.reference.fields)));
      for (const record of records.slice(1)) {
        const key = keyOf(records, record, fk.fields);
        if (!keys.has(key)) problems.push(`${table.name}: ${key} not in ${fk.reference.resource}`);
      }
    }
  }
  return problems;
}
