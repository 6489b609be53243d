import type { Brief, Claim, InlineContent, Meta, Position, Section } from '@briefs/ast';

/** Small typed builders for hand-written briefs. */

export const at = (line: number, column = 1, offset = 0): Position => ({
  start: { line, column, offset },
  end: { line, column: column + 1, offset: offset + 1 },
});

export function meta(partial: Partial<Meta> = {}): Meta {
  return {
    title: '',
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
    ...partial,
  };
}

export function claim(id: string, text: string, children: InlineContent[] = [], extra: Partial<Claim> = {}): Claim {
  return { type: 'claim', id, kind: 'statement', text, source: null, hedge: null, children, ...extra };
}

export function section(id: string, depth: number, heading: string | null, claims: Claim[], line?: number): Section {
  return {
    type: 'section',
    id,
    depth,
    heading,
    children: [{ type: 'paragraph', children: claims }],
    ...(line ? { position: at(line) } : {}),
  };
}

export function brief(id: string, sections: Section[], partialMeta: Partial<Meta> = {}, extra: Partial<Brief> = {}): Brief {
  return { type: 'brief', id, meta: meta(partialMeta), children: sections, ...extra };
}
