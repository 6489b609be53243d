import { createHash } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type TableName, dataPackage, tableByName, writeTables } from '../src/index.js';
import { naiveCorpusBriefs } from './helpers/corpus.js';
import { brief, claim, section } from './helpers/make-brief.js';
import { keyProblems, tempDir } from './helpers/read-csv.js';
import { sampleBriefs } from './helpers/sample-briefs.js';

/** The published Tabular Data Package profile (draft-04 JSON Schema), bundled: no network. */
const schemaPath = fileURLToPath(new URL('../schema/tabular-data-package.json', import.meta.url));

async function validator() {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  // The profile carries non-standard keywords (propertyOrder, options, context): not strict.
  // ajv-draft-04 is CommonJS: under NodeNext its class is the `default` of module.exports.
  const Ajv = AjvDraft04.default;
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(schema);
}

describe('datapackage.json', () => {
  let dir: string;
  interface Field {
    name: string;
    type: string;
    description: string;
    unit?: string;
  }
  interface Resource {
    name: TableName;
    path: string;
    bytes: number;
    hash: string;
    encoding: string;
    schema: {
      fields: Field[];
      primaryKey: string[];
      foreignKeys?: Array<{ fields: string[]; reference: { resource: TableName; fields: string[] } }>;
    };
  }
  let pkg: { profile: string; resources: Resource[] };
  beforeAll(async () => {
    dir = await tempDir('dp');
    await writeTables([...sampleBriefs(), ...(await naiveCorpusBriefs())], dir, { xlsx: false });
    pkg = JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8'));
  });

  it('validates against the bundled Tabular Data Package schema', async () => {
    const validate = await validator();
    const ok = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: a broken descriptor is refused', async () => {
    const validate = await validator();
    const broken = structuredClone(pkg) as unknown as { resources: Array<{ schema: { fields: Array<{ type: unknown }> } }> };
    broken.resources[0]!.schema.fields[0]!.type = 42;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...pkg, profile: 'data-package' })).toBe(false);
    const noSchema = structuredClone(pkg) as unknown as { resources: Array<{ schema?: unknown }> };
    delete noSchema.resources[1]!.schema;
    expect(validate(noSchema)).toBe(false);
  });

  it('describes every CSV: its header, size and hash', async () => {
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.resources.map((r) => r.path)).toEqual(TABLES.map((t) => t.path));
    for (const resource of pkg.resources) {
      const bytes = await readFile(path.join(dir, resource.path));
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      const header = bytes.toString('utf8').split('\r\n')[0]!.split(',');
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
      for (const field of resource.schema.fields) {
        expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(field.type);
        expect(field.description).toBeTruthy();
      }
    }
    const words = pkg.resources[0]!.schema.fields.find((f) => f.name === 'words');
    expect(words?.unit).toBe('words');
  });

  it('has unique primary keys and foreign keys that resolve, in the written data', async () => {
    // The descriptor's keys are the table definitions' keys…
    for (const resource of pkg.resources) {
      const table = tableByName(resource.name);
      expect(resource.schema.primaryKey).toEqual(table.primaryKey);
      expect(resource.schema.foreignKeys ?? []).toEqual(table.foreignKeys);
    }
    // …and they hold in the data.
    expect(await keyProblems(dir, TABLES)).toEqual([]);
  });

  it('the key check can fail: a dangling claim reference is found', async () => {
    const bad = await tempDir('dp-bad');
    const orphan = brief('orphan', [section('s1', 1, 'H', [claim('c1', 'One.')])]);
    await writeTables([orphan], bad, { xlsx: false });
    const figures = path.join(bad, 'figures.csv');
    await appendFile(figures, '"orphan","f9","c9","count",1,,,,false,"one",,\r\n');
    expect(await keyProblems(bad, TABLES)).toEqual(['figures: ["orphan","c9"] not in claims']);
  });

  it('says utf-8-sig when the CSVs carry a BOM, and is deterministic', () => {
    expect(dataPackage({ bom: true }).resources.every((r) => r.encoding === 'utf-8-sig')).toBe(true);
    expect(JSON.stringify(dataPackage())).toBe(JSON.stringify(dataPackage()));
  });
});
