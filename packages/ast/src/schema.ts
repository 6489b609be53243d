/**
 * JSON Schema (draft 2020-12) of the brief AST as `briefs parse` prints it (CONTRACT.md, "The AST").
 * Strict: objects admit no properties beyond those named (except `meta` and `source`, which later
 * issues may extend), and kinds are enums. Kept by hand next to nodes.ts: change both together
 * (the parser's tests validate every real-corpus AST against this schema).
 */

const point = {
  type: 'object',
  additionalProperties: false,
  required: ['line', 'column', 'offset'],
  properties: {
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    offset: { type: 'integer', minimum: 0 },
  },
} as const;

const nullableString = { type: ['string', 'null'] } as const;
const ref = (name: string) => ({ $ref: `#/$defs/${name}` }) as const;
const range = { type: 'array', prefixItems: [{ type: 'integer', minimum: 0 }, { type: 'integer', minimum: 0 }], minItems: 2, maxItems: 2 } as const;
const id = (prefix: string) => ({ type: 'string', pattern: `^${prefix}[0-9]+$` }) as const;

/** An inline node: `type`, `range`, `position`, plus its own fields (all required). */
const inline = (type: string, fields: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: ['type', 'range', ...Object.keys(fields)],
  properties: { type: { const: type }, range, position: ref('position'), ...fields },
});

export const briefSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://briefs.invalid/schema/brief.json',
  title: 'brief',
  description: 'The brief AST of one source document (see CONTRACT.md, "The AST").',
  $ref: '#/$defs/brief',
  $defs: {
    point,
    position: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end'],
      properties: { start: ref('point'), end: ref('point') },
    },
    brief: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'id', 'meta', 'children'],
      properties: {
        type: { const: 'brief' },
        id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
        meta: ref('meta'),
        children: { type: 'array', items: ref('section') },
        source: ref('source'),
        residue: { type: 'array', items: ref('residue') },
        diagnostics: { type: 'array', items: ref('diagnostic') },
        position: ref('position'),
      },
    },
    source: {
      type: 'object',
      required: ['path', 'format', 'encoding', 'bytes', 'sha256'],
      properties: {
        path: { type: 'string' },
        format: { enum: ['markdown', 'text', 'html'] },
        encoding: { type: 'string' },
        bytes: { type: 'integer', minimum: 0 },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      },
    },
    meta: {
      type: 'object',
      required: ['title', 'summary', 'authors', 'published', 'updated', 'publisher', 'sourceUrl', 'language', 'kind', 'translations', 'topics', 'regions', 'related'],
      properties: {
        title: { type: 'string' },
        summary: { type: 'string' },
        authors: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name: { type: 'string' }, url: { type: 'string' }, bio: { type: 'string' } },
          },
        },
        published: nullableString,
        updated: nullableString,
        publisher: { type: 'string' },
        sourceUrl: { type: 'string' },
        language: { type: 'string' },
        kind: { type: 'string' },
        translations: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['language', 'title', 'url'],
            properties: { language: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' } },
          },
        },
        topics: { type: 'array', items: { type: 'string' } },
        regions: { type: 'array', items: { type: 'string' } },
        related: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['title'],
            properties: {
              title: { type: 'string' },
              url: { type: 'string' },
              date: { type: 'string' },
              authors: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
    diagnostic: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'level', 'message'],
      properties: { id: { type: 'string' }, level: { enum: ['error', 'warning', 'info'] }, message: { type: 'string' }, position: ref('position') },
    },
    residue: {
      type: 'object',
      additionalProperties: false,
      required: ['rule', 'text', 'position'],
      properties: { rule: { type: 'string', minLength: 1 }, text: { type: 'string' }, position: ref('position') },
    },
    section: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'id', 'depth', 'heading', 'children'],
      properties: {
        type: { const: 'section' },
        id: id('s'),
        depth: { type: 'integer', minimum: 0, maximum: 6 },
        heading: nullableString,
        children: { type: 'array', items: ref('block') },
        position: ref('position'),
      },
    },
    block: {
      oneOf: [ref('paragraph'), ref('list'), ref('blockquote'), ref('illustration'), ref('table')],
    },
    paragraph: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'children'],
      properties: { type: { const: 'paragraph' }, children: { type: 'array', items: ref('claim') }, position: ref('position') },
    },
    list: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'ordered', 'children'],
      properties: { type: { const: 'list' }, ordered: { type: 'boolean' }, children: { type: 'array', items: ref('listItem') }, position: ref('position') },
    },
    listItem: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'children'],
      properties: { type: { const: 'listItem' }, children: { type: 'array', items: ref('block') }, position: ref('position') },
    },
    blockquote: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'children'],
      properties: { type: { const: 'blockquote' }, children: { type: 'array', items: ref('block') }, position: ref('position') },
    },
    illustration: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'caption'],
      properties: {
        type: { const: 'illustration' },
        caption: { type: 'string' },
        url: { type: 'string' },
        credit: { type: 'string' },
        children: { type: 'array', items: ref('claim') },
        position: ref('position'),
      },
    },
    table: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'align', 'children'],
      properties: {
        type: { const: 'table' },
        align: { type: 'array', items: { enum: ['left', 'right', 'center', null] } },
        children: { type: 'array', items: ref('tableRow') },
        position: ref('position'),
      },
    },
    tableRow: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'header', 'children'],
      properties: { type: { const: 'tableRow' }, header: { type: 'boolean' }, children: { type: 'array', items: ref('tableCell') }, position: ref('position') },
    },
    tableCell: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'text', 'children'],
      properties: { type: { const: 'tableCell' }, text: { type: 'string' }, children: { type: 'array', items: ref('claim') }, position: ref('position') },
    },
    claim: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'id', 'kind', 'text', 'source', 'hedge', 'children'],
      properties: {
        type: { const: 'claim' },
        id: id('c'),
        kind: { enum: ['statement', 'attributed', 'forecast', 'recommendation'] },
        text: { type: 'string', minLength: 1 },
        source: nullableString,
        hedge: nullableString,
        speaker: { type: 'string' },
        children: { type: 'array', items: ref('inline') },
        position: ref('position'),
      },
    },
    inline: {
      oneOf: [ref('figure'), ref('date'), ref('quote'), ref('entity'), ref('link')],
    },
    figure: inline('figure', {
      id: id('f'),
      text: { type: 'string' },
      value: { type: ['number', 'null'] },
      unit: nullableString,
      kind: { enum: ['money', 'count', 'percent', 'measure', 'ordinal'] },
      approximate: { type: 'boolean' },
      valueMax: { type: ['number', 'null'] },
      subject: nullableString,
    }),
    date: inline('date', {
      id: id('d'),
      text: { type: 'string' },
      value: { type: 'string', pattern: '^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?(?:/[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)?$' },
      precision: { enum: ['year', 'month', 'day'] },
    }),
    quote: inline('quote', { id: id('q'), text: { type: 'string' }, speaker: nullableString }),
    entity: inline('entity', { id: id('e'), text: { type: 'string' }, name: { type: 'string' }, kind: { enum: ['person', 'organization', 'place'] } }),
    link: inline('link', { url: { type: 'string', pattern: '^(?:https?:|mailto:)' }, text: { type: 'string' } }),
  },
} as const;
