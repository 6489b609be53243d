import type { Brief } from '@briefs/ast';
import {
  type Cell,
  claimRows,
  dateRows,
  documentRows,
  entityRows,
  figureRows,
  linkRows,
  quoteRows,
  sectionRows,
} from './rows.js';

/**
 * One schema object per table (markdoc habit: per-node behaviour is data). The CSV writer, the
 * XLSX writer and `datapackage.json` are all generated from these, so a column is declared once.
 *
 * Keys: ids in the AST (`c1`, `f1`, `s1`) are unique within one brief, not across briefs, so every
 * table's primary key is composite — `(doc_id, <table>_id)` — and the foreign keys join on
 * `(doc_id, claim_id)` / `(doc_id, section_id)`. The id columns keep exactly the AST's ids, so a
 * row can be found in `ast/<doc-id>.json` by the same pair.
 */

/** Frictionless Table Schema types used here (https://specs.frictionlessdata.io/table-schema/). */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface FieldDef<Name extends string = string> {
  name: Name;
  type: FieldType;
  description: string;
  /** Unit of every value of the column, where there is one (`words`, `bytes`). */
  unit?: string;
  /** Never empty (Frictionless `constraints.required`). */
  required?: boolean;
  /** The only values allowed (Frictionless `constraints.enum`). */
  enum?: readonly string[];
  /** Integers: smallest value (Frictionless `constraints.minimum`). */
  minimum?: number;
}

export interface ForeignKeyDef {
  fields: readonly string[];
  reference: { resource: TableName; fields: readonly string[] };
}

export type TableName = 'documents' | 'sections' | 'claims' | 'figures' | 'dates' | 'quotes' | 'entities' | 'links';

export interface TableDef<Row extends { [K in keyof Row]: Cell } = Record<string, Cell>> {
  name: TableName;
  /** File name under `data/`. */
  path: `${TableName}.csv`;
  /** XLSX sheet name (Excel allows 31 characters, none of `: \ / ? * [ ]`). */
  sheet: string;
  title: string;
  description: string;
  fields: ReadonlyArray<FieldDef<keyof Row & string>>;
  primaryKey: ReadonlyArray<keyof Row & string>;
  foreignKeys: readonly ForeignKeyDef[];
  /** The rows of one brief, in reading order. */
  rows: (brief: Brief) => Row[];
}

const docId: FieldDef<'doc_id'> = {
  name: 'doc_id',
  type: 'string',
  description: 'Document id: the stable slug of the source path (`ast/<doc_id>.json`, `briefs/<doc_id>.pdf`).',
  required: true,
};
const toDocument: ForeignKeyDef = { fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } };
const toClaim: ForeignKeyDef = {
  fields: ['doc_id', 'claim_id'],
  reference: { resource: 'claims', fields: ['doc_id', 'claim_id'] },
};
const claimId: FieldDef<'claim_id'> = {
  name: 'claim_id',
  type: 'string',
  description: 'Claim (sentence) that holds this node; joins claims.csv on (doc_id, claim_id).',
  required: true,
};
const line: FieldDef<'line'> = {
  name: 'line',
  type: 'integer',
  description: 'Line (1-based) where the node starts in the source file; empty where the node has no position.',
  minimum: 1,
};
const column: FieldDef<'column'> = {
  name: 'column',
  type: 'integer',
  description: 'Column (1-based) where the node starts on that line.',
  minimum: 1,
};
const inlineLine: FieldDef<'line'> = {
  ...line,
  description: 'Line (1-based) where the node starts in the source file, or its claim where the node has no position of its own.',
};
const inlineColumn: FieldDef<'column'> = { ...column, description: 'Column (1-based) that goes with `line`.' };

const documents: TableDef<ReturnType<typeof documentRows>[number]> = {
  name: 'documents',
  path: 'documents.csv',
  sheet: 'documents',
  title: 'Documents',
  description: 'One row per source document: its metadata and where it came from.',
  fields: [
    docId,
    { name: 'title', type: 'string', description: 'Title of the piece.' },
    { name: 'authors', type: 'string', description: 'Author names, separated by "; ".' },
    { name: 'published', type: 'date', description: 'Publication date (ISO 8601 calendar date).' },
    { name: 'publisher', type: 'string', description: 'Publisher (think tank, newspaper).' },
    { name: 'source_url', type: 'string', description: 'Address of the original page.' },
    { name: 'words', type: 'integer', unit: 'words', minimum: 0, required: true, description: 'Words of body text (all claims).' },
    { name: 'source_path', type: 'string', description: 'Path of the source file as it was given to the build.' },
    { name: 'sha256', type: 'string', description: 'SHA-256 of the source file bytes, lower-case hex.' },
    { name: 'updated', type: 'date', description: 'Date of the last update, where the page gives one.' },
    { name: 'language', type: 'string', description: 'BCP 47 language tag of the body text.' },
    { name: 'kind', type: 'string', description: 'Genre as the publisher labels it ("Commentary", "Q&A"…).' },
    { name: 'summary', type: 'string', description: 'Standfirst or summary of the piece.' },
    { name: 'topics', type: 'string', description: 'Topics, separated by "; ".' },
    { name: 'regions', type: 'string', description: 'Regions and countries, separated by "; ".' },
    { name: 'translations', type: 'string', description: 'Languages of the translations the page links to, separated by "; ".' },
    { name: 'format', type: 'string', enum: ['markdown', 'text', 'html'], description: 'Format of the source file.' },
    { name: 'bytes', type: 'integer', unit: 'bytes', minimum: 0, description: 'Size of the source file.' },
    { name: 'sections', type: 'integer', minimum: 0, required: true, description: 'Number of sections (rows in sections.csv).' },
    { name: 'claims', type: 'integer', minimum: 0, required: true, description: 'Number of claims (rows in claims.csv).' },
  ],
  primaryKey: ['doc_id'],
  foreignKeys: [],
  rows: documentRows,
};

const sections: TableDef<ReturnType<typeof sectionRows>[number]> = {
  name: 'sections',
  path: 'sections.csv',
  sheet: 'sections',
  title: 'Sections',
  description: 'One row per section of a document, in reading order; `s0` is the lead before the first heading.',
  fields: [
    docId,
    { name: 'section_id', type: 'string', required: true, description: 'Section id within the document (`s0`, `s1`…).' },
    { name: 'depth', type: 'integer', minimum: 0, required: true, description: 'Heading level 1–6; 0 for the lead.' },
    { name: 'heading', type: 'string', description: 'Heading text; empty for the lead.' },
    line,
    { name: 'words', type: 'integer', unit: 'words', minimum: 0, required: true, description: 'Words of body text in the section.' },
    column,
    { name: 'claims', type: 'integer', minimum: 0, required: true, description: 'Number of claims in the section.' },
  ],
  primaryKey: ['doc_id', 'section_id'],
  foreignKeys: [toDocument],
  rows: sectionRows,
};

const claims: TableDef<ReturnType<typeof claimRows>[number]> = {
  name: 'claims',
  path: 'claims.csv',
  sheet: 'claims',
  title: 'Claims',
  description: 'One row per sentence of body text, in reading order.',
  fields: [
    docId,
    { name: 'claim_id', type: 'string', required: true, description: 'Claim id within the document (`c1`, `c2`…).' },
    { name: 'section_id', type: 'string', required: true, description: 'Section that holds the claim; joins sections.csv on (doc_id, section_id).' },
    {
      name: 'kind',
      type: 'string',
      required: true,
      enum: ['statement', 'attributed', 'forecast', 'recommendation'],
      description: 'What the sentence does.',
    },
    { name: 'source', type: 'string', description: 'Who is cited, for attributed claims.' },
    { name: 'hedge', type: 'string', description: 'Hedging or obligation words ("likely", "may", "should").' },
    { name: 'text', type: 'string', required: true, description: 'The sentence as a reader sees it.' },
    line,
    column,
    { name: 'speaker', type: 'string', description: 'Speaker of the Q&A turn the sentence belongs to.' },
    { name: 'words', type: 'integer', unit: 'words', minimum: 0, required: true, description: 'Words in the sentence.' },
  ],
  primaryKey: ['doc_id', 'claim_id'],
  foreignKeys: [
    toDocument,
    { fields: ['doc_id', 'section_id'], reference: { resource: 'sections', fields: ['doc_id', 'section_id'] } },
  ],
  rows: claimRows,
};

const figures: TableDef<ReturnType<typeof figureRows>[number]> = {
  name: 'figures',
  path: 'figures.csv',
  sheet: 'figures',
  title: 'Figures',
  description: 'One row per number found in a claim: money, counts, percentages, measures, ordinals.',
  fields: [
    docId,
    { name: 'figure_id', type: 'string', required: true, description: 'Figure id within the document (`f1`, `f2`…).' },
    claimId,
    {
      name: 'kind',
      type: 'string',
      required: true,
      enum: ['money', 'count', 'percent', 'measure', 'ordinal'],
      description: 'What the number counts.',
    },
    { name: 'value', type: 'number', description: 'The number, in the unit of the `unit` column; empty where the text gives none ("thousands of").' },
    { name: 'value_max', type: 'number', description: 'Upper end of a range ("between 200 and 300" → 300), in the same unit.' },
    { name: 'unit', type: 'string', description: 'ISO 4217 code for money, `%` for percent, a unit symbol for measures; empty for counts.' },
    { name: 'subject', type: 'string', description: 'The counted or measured thing ("countries").' },
    { name: 'approximate', type: 'boolean', required: true, description: 'true for "some", "about", "more than", "estimated"…' },
    { name: 'text', type: 'string', required: true, description: 'The figure as a reader sees it ("$400 million").' },
    inlineLine,
    inlineColumn,
  ],
  primaryKey: ['doc_id', 'figure_id'],
  foreignKeys: [toDocument, toClaim],
  rows: figureRows,
};

const dates: TableDef<ReturnType<typeof dateRows>[number]> = {
  name: 'dates',
  path: 'dates.csv',
  sheet: 'dates',
  title: 'Dates',
  description: 'One row per date or period mentioned in a claim; relative dates resolved against the publication date.',
  fields: [
    docId,
    { name: 'date_id', type: 'string', required: true, description: 'Date id within the document (`d1`, `d2`…).' },
    claimId,
    { name: 'value', type: 'string', required: true, description: 'ISO 8601 as precise as the text: `2019`, `2019-10`, `2019-10-27`, or an interval `2007/2009`.' },
    { name: 'precision', type: 'string', required: true, enum: ['year', 'month', 'day'], description: 'Precision of `value`.' },
    { name: 'text', type: 'string', required: true, description: 'The date as a reader sees it.' },
    inlineLine,
    inlineColumn,
    { name: 'start', type: 'date', description: 'First day the value covers (`2019` → 2019-01-01); empty where `value` is not a plain date or interval.' },
    { name: 'end', type: 'date', description: 'Last day the value covers (`2019` → 2019-12-31).' },
  ],
  primaryKey: ['doc_id', 'date_id'],
  foreignKeys: [toDocument, toClaim],
  rows: dateRows,
};

const quotes: TableDef<ReturnType<typeof quoteRows>[number]> = {
  name: 'quotes',
  path: 'quotes.csv',
  sheet: 'quotes',
  title: 'Quotes',
  description: 'One row per direct quotation in a claim.',
  fields: [
    docId,
    { name: 'quote_id', type: 'string', required: true, description: 'Quote id within the document (`q1`, `q2`…).' },
    claimId,
    { name: 'speaker', type: 'string', description: 'Who is quoted, where the text says.' },
    { name: 'text', type: 'string', required: true, description: 'The quoted words, quote marks removed.' },
    inlineLine,
    inlineColumn,
  ],
  primaryKey: ['doc_id', 'quote_id'],
  foreignKeys: [toDocument, toClaim],
  rows: quoteRows,
};

const entities: TableDef<ReturnType<typeof entityRows>[number]> = {
  name: 'entities',
  path: 'entities.csv',
  sheet: 'entities',
  title: 'Entities',
  description: 'One row per person, organization or place named in a claim.',
  fields: [
    docId,
    { name: 'entity_id', type: 'string', required: true, description: 'Entity id within the document (`e1`, `e2`…).' },
    claimId,
    { name: 'kind', type: 'string', required: true, enum: ['person', 'organization', 'place'], description: 'What the entity is.' },
    { name: 'name', type: 'string', required: true, description: 'Canonical name ("United States" for "U.S.").' },
    { name: 'text', type: 'string', required: true, description: 'The name as written in the text.' },
    inlineLine,
    inlineColumn,
  ],
  primaryKey: ['doc_id', 'entity_id'],
  foreignKeys: [toDocument, toClaim],
  rows: entityRows,
};

const links: TableDef<ReturnType<typeof linkRows>[number]> = {
  name: 'links',
  path: 'links.csv',
  sheet: 'links',
  title: 'Links',
  description: 'One row per hyperlink in body text.',
  fields: [
    // CONTRACT.md's columns first, in its order; ours after them.
    docId,
    { name: 'url', type: 'string', required: true, description: 'Link target.' },
    { name: 'text', type: 'string', description: 'Link text.' },
    inlineLine,
    inlineColumn,
    { name: 'link_id', type: 'string', required: true, description: 'Link number within the document (`l1`, `l2`…, reading order; links have no id in the AST).' },
    claimId,
  ],
  primaryKey: ['doc_id', 'link_id'],
  foreignKeys: [toDocument, toClaim],
  rows: linkRows,
};

/** Every table, in the order of CONTRACT.md (also the order of sheets and Data Package resources). */
export const TABLES: readonly TableDef[] = [documents, sections, claims, figures, dates, quotes, entities, links] as unknown as readonly TableDef[];

export const TABLE_NAMES: readonly TableName[] = TABLES.map((t) => t.name);

export function tableByName(name: TableName): TableDef {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
}
