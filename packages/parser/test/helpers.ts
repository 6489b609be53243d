import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Brief, Claim, Meta } from '@briefs/ast';
import { type ParseOptions, parseBriefWith } from '../src/parse-brief.js';
import type { CleanPage } from '../src/units.js';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const sharedDir = process.env.BRIEFS_SHARED ?? path.resolve(repoRoot, '../shared');
export const corpusDir = path.join(sharedDir, 'corpus/real');

export function corpusFiles(): string[] {
  if (!existsSync(corpusDir)) return [];
  return readdirSync(corpusDir)
    .filter((f) => /\.(md|markdown|txt|html)$/.test(f) && f !== 'README.md')
    .sort()
    .map((f) => path.join(corpusDir, f));
}

const emptyMeta = (): Meta => ({
  title: '', summary: '', authors: [], published: null, updated: null, publisher: '', sourceUrl: '',
  language: 'en', kind: '', translations: [], topics: [], regions: [], related: [],
});

/** Headings stay headings, everything else is body: structure without the cleaning rules. */
export const passThrough: CleanPage = (units) => ({
  meta: emptyMeta(),
  decisions: units.map((u) => (u.kind === 'heading' ? { role: 'heading', depth: u.depth } : { role: 'body' })),
  residue: [],
});

/** Extraction off: every sentence a plain statement with no inline nodes. */
export const noExtraction = () => ({ analyze: () => ({ kind: 'statement' as const, source: null, hedge: null, inlines: [] }) });

export const parseStructure = (input: Uint8Array | string, options: ParseOptions = {}): Brief =>
  parseBriefWith(passThrough, input, options, noExtraction);

export function allClaims(brief: Brief): Claim[] {
  const out: Claim[] = [];
  const stack: unknown[] = [...brief.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as { type?: string; children?: unknown[] };
    if (!n || typeof n !== 'object') continue;
    if (n.type === 'claim') {
      out.push(n as unknown as Claim);
      continue;
    }
    for (let i = (n.children ?? []).length - 1; i >= 0; i--) stack.push(n.children![i]);
  }
  return out;
}

/** Every node with a position, iteratively (deep trees must not overflow the test either). */
export function allNodes(brief: Brief): Array<{ type: string; id?: string; position?: { start: { offset: number; line: number; column: number }; end: { offset: number; line: number; column: number } } }> {
  const out: ReturnType<typeof allNodes> = [];
  const stack: unknown[] = [brief];
  while (stack.length > 0) {
    const n = stack.pop() as ReturnType<typeof allNodes>[number] & { children?: unknown[] };
    out.push(n);
    for (const c of n.children ?? []) stack.push(c);
  }
  return out;
}
