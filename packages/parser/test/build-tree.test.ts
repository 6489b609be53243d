import type { Claim } from '@briefs/ast';
import { describe, expect, it } from 'vitest';
import { parseBriefWith } from '../src/parse-brief.js';
import type { CleanPage, UnitDecision } from '../src/units.js';
import { allClaims, noExtraction, passThrough } from './helpers.js';

/** A cleaner that applies `decide` per unit on top of the pass-through. */
const cleaner =
  (decide: (text: string, kind: string) => UnitDecision | null, sourceUrl = ''): CleanPage =>
  (units, ctx) => {
    const base = passThrough(units, ctx);
    return {
      ...base,
      meta: { ...base.meta, sourceUrl },
      decisions: units.map((u, i) => decide(u.text, u.kind) ?? base.decisions[i]!),
    };
  };

describe('decisions of page cleaning shape the tree', () => {
  it('skips residue, turns caption units into illustrations and ALL-CAPS lines into headings', () => {
    const source = 'Share this\n\nFirst body sentence.\n\nKEY FINDINGS\n\nMap showing the region in 2020.\n\nLast sentence.\n';
    const brief = parseBriefWith(
      cleaner((text) =>
        text === 'Share this' ? { role: 'residue', rule: 'share-bar' } : text === 'KEY FINDINGS' ? { role: 'heading', depth: 2 } : text.startsWith('Map') ? { role: 'caption' } : null,
      ),
      source,
      {},
      noExtraction,
    );
    expect(brief.children.map((s) => [s.id, s.heading])).toEqual([
      ['s0', null],
      ['s1', 'KEY FINDINGS'],
    ]);
    expect(brief.children[1]!.children.map((b) => b.type)).toEqual(['illustration', 'paragraph']);
    // A caption's sentences are claims of the illustration, so its date is found like any other.
    expect(allClaims(brief).map((c) => c.text)).toEqual(['First body sentence.', 'Map showing the region in 2020.', 'Last sentence.']);
    const illustration = brief.children[1]!.children[0]!;
    expect(illustration.type === 'illustration' && illustration.children?.map((c) => c.text)).toEqual(['Map showing the region in 2020.']);
  });

  it('cuts drop ranges, splits inline headings into sections and carries speakers', () => {
    const source = 'Intro text here. Read more Outlook The future looks dim.\n\nAnna Berg: We will see. It depends.\n';
    const dropAt = source.indexOf('Read more');
    const headAt = source.indexOf('Outlook');
    const speakerEnd = source.indexOf('We will');
    const brief = parseBriefWith(
      cleaner((text) => {
        if (text.startsWith('Intro')) {
          return { role: 'body', drop: [{ start: dropAt, end: dropAt + 10, rule: 'promo' }], inlineHeadings: [{ start: headAt, end: headAt + 8, text: 'Outlook' }] };
        }
        if (text.startsWith('Anna')) return { role: 'body', speaker: { name: 'Anna Berg', end: speakerEnd } };
        return null;
      }),
      source,
      {},
      noExtraction,
    );
    expect(brief.children.map((s) => s.heading)).toEqual([null, 'Outlook']);
    const claims = allClaims(brief);
    expect(claims.map((c) => c.text)).toEqual(['Intro text here.', 'The future looks dim.', 'We will see.', 'It depends.']);
    expect(claims.map((c) => c.speaker ?? null)).toEqual([null, null, 'Anna Berg', 'Anna Berg']);
    expect(source.slice(claims[2]!.position!.start.offset, claims[2]!.position!.end.offset)).toBe('We will see.');
  });

  it('resolves relative links against meta.sourceUrl and keeps only http(s)/mailto', () => {
    const source = 'See [the report](/reports/x), [mail](mailto:a@b.org) and [bad](javascript:x).\n';
    const brief = parseBriefWith(cleaner(() => null, 'https://example.org/articles/a'), source, {}, noExtraction);
    const links = allClaims(brief)[0]!.children;
    expect(links.map((l) => (l.type === 'link' ? [l.text, l.url, l.range] : null))).toEqual([
      ['the report', 'https://example.org/reports/x', [4, 14]],
      ['mail', 'mailto:a@b.org', [16, 20]],
    ]);
  });
});

describe('the extraction hook', () => {
  it('maps analyze() ranges to source positions, numbers inline ids per brief and sorts by range', () => {
    const source = 'Aid rose **\\$400 million** in [2019](https://example.org/y).\n\nIt fell again in 2020.\n';
    const calls: Array<[string, unknown]> = [];
    const extractor = () => ({
      analyze(text: string, context: unknown) {
        calls.push([text, context]);
        const inlines = [];
        const money = text.indexOf('$400 million');
        if (money >= 0) {
          inlines.push({ type: 'figure' as const, range: [money, money + 12] as [number, number], text: '$400 million', value: 4e8, unit: 'USD', kind: 'money' as const, approximate: false, valueMax: null, subject: null });
        }
        const year = text.search(/20\d\d/);
        inlines.push({ type: 'date' as const, range: [year, year + 4] as [number, number], text: text.slice(year, year + 4), value: text.slice(year, year + 4), precision: 'year' as const });
        inlines.push({ type: 'date' as const, range: [5, 999] as [number, number], text: 'bad', value: '2000', precision: 'year' as const });
        return { kind: 'forecast' as const, source: null, hedge: 'may', inlines };
      },
    });
    const brief = parseBriefWith(passThrough, source, {}, extractor);
    const [first, second] = allClaims(brief) as [Claim, Claim];
    expect(calls.map(([t]) => t)).toEqual(['Aid rose $400 million in 2019.', 'It fell again in 2020.']);
    expect(first.kind).toBe('forecast');
    expect(first.hedge).toBe('may');
    expect(first.children.map((c) => [c.type, 'id' in c ? c.id : null, c.range])).toEqual([
      ['figure', 'f1', [9, 21]],
      ['date', 'd1', [25, 29]],
      ['link', null, [25, 29]],
    ]);
    const figure = first.children[0]!;
    expect(source.slice(figure.position!.start.offset, figure.position!.end.offset)).toBe('\\$400 million');
    expect(second.children.map((c) => ('id' in c ? c.id : null))).toEqual(['d2']);
  });
});

describe('empty containers', () => {
  it('drops lists and quotes whose text holds no sentence', () => {
    const source = 'Body sentence.\n\n- —\n- –\n\n> …\n';
    const brief = parseBriefWith(passThrough, source, {}, noExtraction);
    expect(brief.children).toHaveLength(1);
    expect(brief.children[0]!.children.map((b) => b.type)).toEqual(['paragraph']);
  });
});

describe('tables', () => {
  it("gives a figure alone in a cell its column's header as subject", async () => {
    const { parseBrief } = await import('../src/parse-brief.js');
    // A table alone on a short page reads as page furniture: this one sits in an article.
    const para = 'Rainfall in the region has fallen for a decade, and herders have moved south earlier each year, according to the regional water authority.';
    const source = [
      '# Displacement in the Sahel',
      '',
      para,
      '',
      'The table below counts people displaced by drought and the share of land degraded in each country.',
      '',
      '| Country | Displaced people (2023) | Share of land degraded | 2019 | GDP growth |',
      '|---|---:|---:|---:|---:|',
      '| Burkina Faso | 2,060,000 | 34% | 1,200 | 2.1% |',
      '| Mali | 375,000 | 21% | 900 | 3.0% |',
      '',
      para.replace('decade', 'generation'),
      '',
    ].join('\n');
    const brief = parseBrief(source, { path: 'table.md', id: 'table' });
    const table = brief.children.flatMap((s) => s.children).find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    const subjects = table.children.slice(1).map((row) =>
      row.children.map((cell) => cell.children.flatMap((c) => c.children).find((n) => n.type === 'figure')).map((f) => (f?.type === 'figure' ? f.subject : undefined)),
    );
    // A year as header says when, not what: no subject; capitals of an acronym stay.
    expect(subjects).toEqual([
      [undefined, 'displaced people', 'share of land degraded', null, 'GDP growth'],
      [undefined, 'displaced people', 'share of land degraded', null, 'GDP growth'],
    ]);
  });
});
