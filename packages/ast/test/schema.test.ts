import { describe, expect, it } from 'vitest';
import { briefSchema } from '../src/index.js';

type Def = { type?: string; required?: string[]; properties?: Record<string, unknown>; additionalProperties?: boolean; oneOf?: unknown[] };
const defs = briefSchema.$defs as unknown as Record<string, Def>;

describe('briefSchema', () => {
  it('is a draft 2020-12 schema rooted at the brief', () => {
    expect(briefSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(briefSchema.$ref).toBe('#/$defs/brief');
  });

  it('defines every node type of the contract, closed to unknown properties', () => {
    for (const name of ['brief', 'section', 'paragraph', 'list', 'listItem', 'blockquote', 'illustration', 'table', 'tableRow', 'tableCell', 'claim', 'figure', 'date', 'quote', 'entity', 'link']) {
      expect(defs[name], name).toBeDefined();
      expect(defs[name]!.additionalProperties, name).toBe(false);
      expect(defs[name]!.required, name).toContain('type');
    }
  });

  it('enumerates the kinds', () => {
    const enumOf = (def: string, prop: string) => (defs[def]!.properties![prop] as { enum: unknown[] }).enum;
    expect(enumOf('claim', 'kind')).toEqual(['statement', 'attributed', 'forecast', 'recommendation']);
    expect(enumOf('figure', 'kind')).toEqual(['money', 'count', 'percent', 'measure', 'ordinal']);
    expect(enumOf('date', 'precision')).toEqual(['year', 'month', 'day']);
    expect(enumOf('entity', 'kind')).toEqual(['person', 'organization', 'place']);
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(briefSchema).match(/"\$ref":"#\/\$defs\/[A-Za-z]+"/g) ?? [];
    for (const ref of refs) expect(defs[ref.split('/').pop()!.replace('"', '')], ref).toBeDefined();
  });

  it('is plain JSON (what `briefs schema` prints)', () => {
    expect(JSON.parse(JSON.stringify(briefSchema))).toEqual(briefSchema);
  });
});
