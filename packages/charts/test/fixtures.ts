import type { Brief, Claim, ClaimKind, InlineContent, Meta } from '@briefs/ast';

/**
 * Hand-written briefs for tests. Inline nodes are given as the exact words in the claim text; their
 * `range` is found in it, so a test reads like the sentence it is about.
 */

type InlineSpec =
  | { type: 'figure'; text: string; value: number | null; kind: 'money' | 'count' | 'percent' | 'measure' | 'ordinal'; unit?: string | null; approximate?: boolean; valueMax?: number | null; subject?: string | null }
  | { type: 'date'; text: string; value: string; precision?: 'year' | 'month' | 'day' }
  | { type: 'entity'; text: string; name?: string; kind: 'person' | 'organization' | 'place' };

let counter = 0;

export function claim(text: string, inlines: InlineSpec[] = [], kind: ClaimKind = 'statement'): Claim {
  const children: InlineContent[] = inlines.map((spec) => {
    const start = text.indexOf(spec.text);
    if (start === -1) throw new Error(`fixture: "${spec.text}" is not in "${text}"`);
    const range: [number, number] = [start, start + spec.text.length];
    const id = `${spec.type[0]}${++counter}`;
    if (spec.type === 'figure') {
      return {
        type: 'figure',
        id,
        range,
        text: spec.text,
        value: spec.value,
        kind: spec.kind,
        unit: spec.unit ?? (spec.kind === 'percent' ? '%' : null),
        approximate: spec.approximate ?? false,
        valueMax: spec.valueMax ?? null,
        subject: spec.subject ?? null,
      };
    }
    if (spec.type === 'date') {
      const precision = spec.precision ?? (spec.value.length === 4 ? 'year' : spec.value.length === 7 ? 'month' : 'day');
      return { type: 'date', id, range, text: spec.text, value: spec.value, precision };
    }
    return { type: 'entity', id, range, text: spec.text, name: spec.name ?? spec.text, kind: spec.kind };
  });
  return { type: 'claim', id: 'c0', kind, text, source: kind === 'attributed' ? 'someone' : null, hedge: null, children };
}

export function meta(overrides: Partial<Meta> = {}): Meta {
  return {
    title: 'A test brief',
    summary: '',
    authors: [],
    published: '2019-11-07',
    updated: null,
    publisher: 'Test Institute',
    sourceUrl: '',
    language: 'en',
    kind: 'Analysis',
    translations: [],
    topics: [],
    regions: [],
    related: [],
    ...overrides,
  };
}

/** A brief of one section whose paragraphs hold the claims; claim ids are numbered c1, c2… */
export function brief(id: string, claims: Claim[], metaOverrides: Partial<Meta> = {}): Brief {
  claims.forEach((c, i) => {
    c.id = `c${i + 1}`;
  });
  return {
    type: 'brief',
    id,
    meta: meta(metaOverrides),
    children: [
      {
        type: 'section',
        id: 's0',
        depth: 0,
        heading: null,
        children: [{ type: 'paragraph', children: claims }],
      },
    ],
  };
}

/** A brief with something for every chart, close to a real analysis piece. */
export function richBrief(id = 'rich'): Brief {
  return brief(id, [
    claim('The coalition pledged $400 million for stabilization in Syria.', [
      { type: 'figure', text: '$400 million', value: 400e6, kind: 'money', unit: 'USD' },
      { type: 'entity', text: 'Syria', kind: 'place' },
    ]),
    claim('Washington added $2.5 million for demining around Raqqa in Syria.', [
      { type: 'figure', text: '$2.5 million', value: 2.5e6, kind: 'money', unit: 'USD' },
      { type: 'entity', text: 'Washington', name: 'United States', kind: 'place' },
      { type: 'entity', text: 'Raqqa', kind: 'place' },
      { type: 'entity', text: 'Syria', kind: 'place' },
    ]),
    claim('Some $50 million went to Iraq through the United Nations.', [
      { type: 'figure', text: 'Some $50 million', value: 50e6, kind: 'money', unit: 'USD', approximate: true },
      { type: 'entity', text: 'Iraq', kind: 'place' },
      { type: 'entity', text: 'United Nations', kind: 'organization' },
    ], 'attributed'),
    claim('Eighty-one countries have joined the coalition since September 2014.', [
      { type: 'figure', text: 'Eighty-one countries', value: 81, kind: 'count', subject: 'countries' },
      { type: 'date', text: 'September 2014', value: '2014-09' },
    ]),
    claim('About 11,000 fighters are held in camps in northeast Syria.', [
      { type: 'figure', text: 'About 11,000 fighters', value: 11000, kind: 'count', subject: 'fighters', approximate: true },
      { type: 'entity', text: 'Syria', kind: 'place' },
    ]),
    claim('Baghdadi was killed on October 27 in a raid in Idlib.', [
      { type: 'date', text: 'October 27', value: '2019-10-27' },
      { type: 'entity', text: 'Idlib', kind: 'place' },
    ]),
    claim('Ministers will meet in Washington on November 14.', [
      { type: 'date', text: 'November 14', value: '2019-11-14' },
      { type: 'entity', text: 'Washington', name: 'United States', kind: 'place' },
    ], 'forecast'),
    claim('The United Nations should fund the camps before winter.', [
      { type: 'entity', text: 'United Nations', kind: 'organization' },
    ], 'recommendation'),
    claim('Unemployment in the region stood at 40% in 2018, up from 25% in 2015.', [
      { type: 'figure', text: '40%', value: 40, kind: 'percent' },
      { type: 'date', text: '2018', value: '2018' },
      { type: 'figure', text: '25%', value: 25, kind: 'percent' },
      { type: 'date', text: '2015', value: '2015' },
    ]),
    claim('The Islamic State lost its last territory in March 2019, and ISIS cells remain.', [
      { type: 'date', text: 'March 2019', value: '2019-03' },
      { type: 'entity', text: 'Islamic State', name: 'ISIS', kind: 'organization' },
      { type: 'entity', text: 'ISIS', kind: 'organization' },
    ], 'attributed'),
  ]);
}
