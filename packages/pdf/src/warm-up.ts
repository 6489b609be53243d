import type { Brief, Claim, InlineContent } from '@briefs/ast';
import { renderBrief } from './render-brief.js';
import { packDigest, renderPackContents, renderPackHost, renderPackPart } from './render-pack.js';

/**
 * Draws a made-up brief, its pack part and a pack's own pages once, without charts: a process
 * that will draw documents pays here, ahead of them, what a first document costs beyond the
 * next (fontkit decoding each face's tables and layout features, pdfkit's set-up). The output is
 * thrown away; the caches it fills (fonts, shaped words) hold nothing of a document, so what is
 * drawn after is the same, byte for byte, as in a process that drew nothing before.
 *
 * Charts are left out: their renderer is a native module (canvas), loaded where it is first used.
 */
export async function warmUpRenderer(fontDir?: string): Promise<void> {
  const brief = warmUpBrief();
  const fonts = fontDir ? { fontDir } : {};
  await renderBrief(brief, { date: new Date(0), charts: false, ...fonts });
  const options = { title: 'Warm-up pack', charts: false as const, date: new Date(0), ...fonts };
  const part = await renderPackPart(brief, options);
  const digests = [packDigest(brief)];
  const contents = await renderPackContents(digests, [part.meta], options);
  await renderPackHost(digests, [...contents.map((c) => c.meta), part.meta], options);
}

const at = { line: 1, column: 1, offset: 0 };
const position = { start: at, end: at };

/** An inline node without its range (distributes over the union). */
type InlineSpec = InlineContent extends infer T ? (T extends InlineContent ? Omit<T, 'range'> : never) : never;

/** A claim whose inline nodes are found in its text by their `text`. */
function claim(id: string, text: string, kind: Claim['kind'], inlines: InlineSpec[] = []): Claim {
  const children = inlines.map((inline) => {
    const start = text.indexOf(inline.text);
    return { ...inline, range: [start, start + inline.text.length] } as InlineContent;
  });
  return { type: 'claim', id, kind, text, source: kind === 'attributed' ? 'the Water Authority' : null, hedge: kind === 'forecast' ? 'is expected to' : null, children, position };
}

/**
 * A brief with what documents usually have: a title, authors, a summary, sections, figures of
 * each kind, dates, a quote, entities, links, a table, a list, and a translation's title in each
 * right-to-left script the renderer draws (Latin text in regular, bold and italic faces).
 */
function warmUpBrief(): Brief {
  return {
    type: 'brief',
    id: 'warm-up',
    meta: {
      title: 'Rebuilding the Water Network: Costs, Delays and “Next Steps” – 2025',
      summary: 'An invented note on pipes, pumps and money: who pays, how much (€12.5 million), and when the work ends.',
      authors: [{ name: 'Léa Márquez', url: 'https://example.org/people/lea' }, { name: 'Omar Ibrahim' }],
      published: '2025-03-14',
      updated: '2025-04-02',
      publisher: 'Example Policy Institute',
      sourceUrl: 'https://example.org/analysis/water-network',
      language: 'en',
      kind: 'Analysis',
      translations: [
        { language: 'ar', title: 'إعادة بناء شبكة المياه', url: 'https://example.org/ar/water' },
        { language: 'he', title: 'שיקום רשת המים', url: 'https://example.org/he/water' },
      ],
      topics: ['water', 'infrastructure'],
      regions: ['North Africa'],
      related: [{ title: 'Pumps and power', url: 'https://example.org/notes/pumps', date: '2024-11-02' }],
    },
    children: [
      {
        type: 'section',
        id: 's0',
        depth: 0,
        heading: null,
        position,
        children: [
          {
            type: 'paragraph',
            children: [
              claim('c1', 'Crews replaced 1,240 km of pipe in 2024, about 40% of the plan.', 'statement', [
                { type: 'figure', id: 'f1', text: '1,240 km', value: 1240, unit: 'km', kind: 'measure', approximate: false, valueMax: null, subject: 'pipe' },
                { type: 'date', id: 'd1', text: '2024', value: '2024', precision: 'year' },
                { type: 'figure', id: 'f2', text: 'about 40%', value: 40, unit: '%', kind: 'percent', approximate: true, valueMax: null, subject: 'plan' },
              ]),
              claim('c2', 'Donors pledged $300 million, according to the Water Authority.', 'attributed', [
                { type: 'figure', id: 'f3', text: '$300 million', value: 300_000_000, unit: 'USD', kind: 'money', approximate: false, valueMax: null, subject: null },
                { type: 'entity', id: 'e1', text: 'Water Authority', name: 'Water Authority', kind: 'organization' },
              ]),
            ],
          },
        ],
      },
      {
        type: 'section',
        id: 's1',
        depth: 2,
        heading: 'What the Ministry Said',
        position,
        children: [
          {
            type: 'paragraph',
            children: [
              claim('c3', '“We will finish by March 2026,” said Minister Sami Haddad in Tunis.', 'forecast', [
                { type: 'quote', id: 'q1', text: 'We will finish by March 2026,', speaker: 'Sami Haddad' },
                { type: 'date', id: 'd2', text: 'March 2026', value: '2026-03', precision: 'month' },
                { type: 'entity', id: 'e2', text: 'Sami Haddad', name: 'Sami Haddad', kind: 'person' },
                { type: 'entity', id: 'e3', text: 'Tunis', name: 'Tunisia', kind: 'place' },
              ]),
              claim('c4', 'The city should publish its tenders (see https://example.org/tenders) within 30 days.', 'recommendation', [
                { type: 'link', url: 'https://example.org/tenders', text: 'https://example.org/tenders' },
                { type: 'figure', id: 'f4', text: '30 days', value: 30, unit: 'day', kind: 'measure', approximate: false, valueMax: null, subject: null },
              ]),
            ],
          },
          {
            type: 'list',
            ordered: false,
            position,
            children: [
              { type: 'listItem', children: [{ type: 'paragraph', children: [claim('c5', 'Seventh pumping station: 95% done.', 'statement')] }] },
              { type: 'listItem', children: [{ type: 'paragraph', children: [claim('c6', 'Two reservoirs, 18–24 months late.', 'statement')] }] },
            ],
          },
          {
            type: 'table',
            align: [null, 'right'],
            position,
            children: [
              { type: 'tableRow', header: true, children: [{ type: 'tableCell', text: 'Item', children: [] }, { type: 'tableCell', text: 'Cost', children: [] }] },
              { type: 'tableRow', header: false, children: [{ type: 'tableCell', text: 'Pipes', children: [] }, { type: 'tableCell', text: '€8.1m', children: [] }] },
            ],
          },
        ],
      },
    ],
  };
}
