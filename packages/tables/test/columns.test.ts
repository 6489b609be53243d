import { describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES, tableByName } from '../src/index.js';

/** CONTRACT.md "Tables": the columns every consumer may rely on, in this order. */
const CONTRACT: Record<string, string[]> = {
  documents: ['doc_id', 'title', 'authors', 'published', 'publisher', 'source_url', 'words', 'source_path', 'sha256'],
  sections: ['doc_id', 'section_id', 'depth', 'heading', 'line', 'words'],
  claims: ['doc_id', 'claim_id', 'section_id', 'kind', 'source', 'hedge', 'text', 'line'],
  figures: ['doc_id', 'figure_id', 'claim_id', 'kind', 'value', 'value_max', 'unit', 'subject', 'approximate', 'text', 'line'],
  dates: ['doc_id', 'date_id', 'claim_id', 'value', 'precision', 'text', 'line'],
  quotes: ['doc_id', 'quote_id', 'claim_id', 'speaker', 'text', 'line'],
  entities: ['doc_id', 'entity_id', 'claim_id', 'kind', 'name', 'text', 'line'],
  links: ['doc_id', 'url', 'text', 'line'],
};

/** The full column lists, pinned: changing one is a change of the output format. */
const PINNED: Record<string, string[]> = {
  documents: [
    ...CONTRACT.documents!,
    'updated',
    'language',
    'kind',
    'summary',
    'topics',
    'regions',
    'translations',
    'format',
    'bytes',
    'sections',
    'claims',
  ],
  sections: [...CONTRACT.sections!, 'column', 'claims'],
  claims: [...CONTRACT.claims!, 'column', 'speaker', 'words'],
  figures: [...CONTRACT.figures!, 'column'],
  dates: [...CONTRACT.dates!, 'column', 'start', 'end'],
  quotes: [...CONTRACT.quotes!, 'column'],
  entities: [...CONTRACT.entities!, 'column'],
  links: ['doc_id', 'url', 'text', 'line', 'column', 'link_id', 'claim_id'],
};

describe('table definitions', () => {
  it('has the eight tables of the contract, in its order', () => {
    expect(TABLE_NAMES).toEqual(['documents', 'sections', 'claims', 'figures', 'dates', 'quotes', 'entities', 'links']);
    expect(TABLES.map((t) => t.path)).toEqual(TABLE_NAMES.map((n) => `${n}.csv`));
  });

  for (const name of TABLE_NAMES) {
    describe(name, () => {
      const table = tableByName(name);
      const columns = table.fields.map((f) => f.name);

      it('pins its columns', () => {
        expect(columns).toEqual(PINNED[name]);
      });

      it('keeps the contract columns, in contract order, doc_id first', () => {
        expect(columns[0]).toBe('doc_id');
        expect(columns.filter((c) => CONTRACT[name]!.includes(c))).toEqual(CONTRACT[name]);
      });

      it('declares keys on its own columns, and every field is described', () => {
        for (const key of table.primaryKey) expect(columns).toContain(key);
        for (const fk of table.foreignKeys) {
          for (const f of fk.fields) expect(columns).toContain(f);
          const target = tableByName(fk.reference.resource).fields.map((f) => f.name);
          for (const f of fk.reference.fields) expect(target).toContain(f);
          expect(fk.reference.fields).toEqual(tableByName(fk.reference.resource).primaryKey);
        }
        for (const field of table.fields) expect(field.description.length).toBeGreaterThan(5);
        expect(new Set(columns).size).toBe(columns.length);
      });

      it('has a valid sheet name', () => {
        expect(table.sheet.length).toBeLessThanOrEqual(31);
        expect(table.sheet).not.toMatch(/[:\\/?*[\]]/);
      });

      it('joins every doc_id to documents (except documents itself)', () => {
        if (name === 'documents') return;
        expect(table.foreignKeys).toContainEqual({ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } });
      });
    });
  }

  it('joins figures to claims on (doc_id, claim_id)', () => {
    expect(tableByName('figures').foreignKeys).toContainEqual({
      fields: ['doc_id', 'claim_id'],
      reference: { resource: 'claims', fields: ['doc_id', 'claim_id'] },
    });
  });
});
