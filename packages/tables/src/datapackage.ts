import type { FieldDef, TableDef } from './tables.js';
import { TABLES } from './tables.js';

/**
 * `datapackage.json`: a Frictionless Tabular Data Package (v1,
 * https://specs.frictionlessdata.io/tabular-data-package/) describing every CSV — Table Schema
 * fields with type, format, description and unit, composite primary keys, foreign keys — built
 * from the table definitions. Validated in the tests against the published JSON Schema bundled in
 * `schema/tabular-data-package.json`.
 */

export interface ResourceFacts {
  /** Size of the CSV file in bytes. */
  bytes: number;
  /** SHA-256 of the CSV file, lower-case hex. */
  sha256: string;
}

export interface DataPackageOptions {
  /** The CSVs start with a UTF-8 BOM (`encoding: utf-8-sig`, as Python and frictionless-py name it). */
  bom?: boolean;
  /** Size and hash per table name, where known; left out otherwise. */
  facts?: Partial<Record<string, ResourceFacts>>;
  tables?: readonly TableDef[];
}

export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  resources: Array<Record<string, unknown>>;
}

function fieldDescriptor(field: FieldDef): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (field.required) constraints.required = true;
  if (field.enum) constraints.enum = [...field.enum];
  if (field.minimum !== undefined) constraints.minimum = field.minimum;
  return {
    name: field.name,
    type: field.type,
    format: 'default',
    description: field.description,
    ...(field.unit ? { unit: field.unit } : {}),
    ...(field.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(field.type === 'number' ? { decimalChar: '.', bareNumber: true } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

export function dataPackage(options: DataPackageOptions = {}): DataPackage {
  const tables = options.tables ?? TABLES;
  return {
    profile: 'tabular-data-package',
    name: 'briefs',
    title: 'Briefs tables',
    description:
      'Claims, figures, dates, quotes, entities and links extracted from policy documents, one CSV per table. Ids are unique within a document: join on (doc_id, <name>_id). Text cells that a spreadsheet would run as a formula start with an added apostrophe (see the README of @briefs/tables). data/briefs.xlsx holds the same tables as one workbook.',
    resources: tables.map((table) => {
      const facts = options.facts?.[table.name];
      return {
        name: table.name,
        path: table.path,
        profile: 'tabular-data-resource',
        title: table.title,
        description: table.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: options.bom ? 'utf-8-sig' : 'utf-8',
        ...(facts ? { bytes: facts.bytes, hash: `sha256:${facts.sha256}` } : {}),
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: table.fields.map(fieldDescriptor),
          missingValues: [''],
          primaryKey: [...table.primaryKey],
          ...(table.foreignKeys.length > 0
            ? {
                foreignKeys: table.foreignKeys.map((fk) => ({
                  fields: [...fk.fields],
                  reference: { resource: fk.reference.resource, fields: [...fk.reference.fields] },
                })),
              }
            : {}),
        },
      };
    }),
  };
}

/** The JSON text written to `datapackage.json` (2-space indent, final newline). */
export const dataPackageJson = (options: DataPackageOptions = {}): string => `${JSON.stringify(dataPackage(options), null, 2)}\n`;
