import { describe, expect, it } from 'vitest';
import {
  type Brief,
  type Claim,
  EXIT,
  SKIP,
  claimsWithSection,
  inlinesOf,
  isBlock,
  isInline,
  selectAll,
  visit,
} from '../src/index.js';

const claim = (id: string, text: string, children: Claim['children'] = []): Claim => ({
  type: 'claim',
  id,
  kind: 'statement',
  text,
  source: null,
  hedge: null,
  children,
});

const brief: Brief = {
  type: 'brief',
  id: 'doc',
  meta: {
    title: 'T',
    summary: '',
    authors: [],
    published: null,
    updated: null,
    publisher: '',
    sourceUrl: '',
    language: 'en',
    kind: '',
    translations: [],
    topics: [],
    regions: [],
    related: [],
  },
  children: [
    {
      type: 'section',
      id: 's1',
      depth: 2,
      heading: 'One',
      children: [
        {
          type: 'paragraph',
          children: [
            claim('c1', 'About 40 ships.', [
              {
                type: 'figure',
                id: 'f1',
                text: 'About 40 ships',
                value: 40,
                unit: null,
                kind: 'count',
                approximate: true,
                valueMax: null,
                subject: 'ships',
                range: [0, 14],
              },
            ]),
          ],
        },
      ],
    },
    {
      type: 'section',
      id: 's2',
      depth: 2,
      heading: 'Two',
      children: [
        {
          type: 'list',
          ordered: false,
          children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [claim('c2', 'Second.')] }] }],
        },
      ],
    },
  ],
};

describe('visit', () => {
  it('walks in reading order with parents', () => {
    const seen: string[] = [];
    visit(brief, (node, parents) => {
      seen.push(`${parents.length}:${node.type}`);
    });
    expect(seen).toEqual([
      '0:brief',
      '1:section',
      '2:paragraph',
      '3:claim',
      '4:figure',
      '1:section',
      '2:list',
      '3:listItem',
      '4:paragraph',
      '5:claim',
    ]);
  });
  it('skips children on SKIP and stops on EXIT', () => {
    const skipped: string[] = [];
    visit(brief, (node) => {
      skipped.push(node.type);
      if (node.type === 'section') return SKIP;
    });
    expect(skipped).toEqual(['brief', 'section', 'section']);
    let count = 0;
    visit(brief, (node) => {
      count++;
      if (node.type === 'claim') return EXIT;
    });
    expect(count).toBe(4);
  });
  it('does not overflow on a very deep tree', () => {
    let node: Brief['children'][number]['children'][number] = { type: 'paragraph', children: [] };
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', children: [node] };
    const deep: Brief = { ...brief, children: [{ type: 'section', id: 's1', depth: 1, heading: null, children: [node] }] };
    expect(selectAll(deep, 'paragraph')).toHaveLength(1);
  });
});

describe('selectors and guards', () => {
  it('finds claims with their sections and inline nodes with their claims', () => {
    expect(claimsWithSection(brief).map(({ claim, sectionId }) => `${sectionId}/${claim.id}`)).toEqual(['s1/c1', 's2/c2']);
    const figures = inlinesOf(brief, 'figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]!.node.value).toBe(40);
    expect(figures[0]!.claim.id).toBe('c1');
    expect(selectAll(brief, 'claim').map((c) => c.id)).toEqual(['c1', 'c2']);
  });
  it('tells blocks from inline nodes', () => {
    const paragraph = brief.children[0]!.children[0]!;
    expect(isBlock(paragraph)).toBe(true);
    expect(isInline(paragraph)).toBe(false);
    const figure = inlinesOf(brief, 'figure')[0]!.node;
    expect(isInline(figure)).toBe(true);
  });
});
