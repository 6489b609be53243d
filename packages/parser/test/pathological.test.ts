import { describe, expect, it } from 'vitest';
import { allClaims, allNodes, parseStructure } from './helpers.js';

/** Every position inside the source, start <= end: checked on each pathological tree. */
function expectPositionsInside(source: string, brief: ReturnType<typeof parseStructure>): void {
  for (const node of allNodes(brief)) {
    if (!node.position) continue;
    const { start, end } = node.position;
    expect(start.offset).toBeGreaterThanOrEqual(0);
    expect(end.offset).toBeLessThanOrEqual(source.length);
    expect(start.offset).toBeLessThanOrEqual(end.offset);
  }
}

describe('pathological input finishes, in bounded time, without a stack overflow', () => {
  it('100,000 nested block quotes', () => {
    const source = `${'>'.repeat(100_000)} deep text here.\n\nAfter it.\n`;
    const t = performance.now();
    const brief = parseStructure(source, { path: 'deep.md' });
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(brief.diagnostics?.some((d) => d.id === 'nesting-flattened')).toBe(true);
    expect(allClaims(brief).map((c) => c.text)).toEqual(['deep text here.', 'After it.']);
    expectPositionsInside(source, brief);
  });

  it('deeply nested lists by indentation', () => {
    const source = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n');
    const brief = parseStructure(source, { path: 'lists.md' });
    expect(allClaims(brief)).toHaveLength(3000);
    expectPositionsInside(source, brief);
  });

  it('a 5 MB single line', () => {
    const source = `${'Words go on and on. '.repeat(250_000)}\n`;
    const brief = parseStructure(source, { path: 'line.md' });
    expect(allClaims(brief).length).toBe(250_000);
    expectPositionsInside(source, brief);
  }, 180_000);

  it('unbalanced brackets and parentheses', () => {
    const source = `${'[[[[(((('.repeat(20_000)}\n\n${'**_['.repeat(5000)}text\n`;
    const brief = parseStructure(source, { path: 'brackets.md' });
    expect(allClaims(brief).length).toBeGreaterThan(0);
    expectPositionsInside(source, brief);
  }, 120_000);

  it('50,000 list items', () => {
    const source = Array.from({ length: 50_000 }, (_, i) => `- item number ${i}.`).join('\n');
    const brief = parseStructure(source, { path: 'items.md' });
    const list = brief.children[0]?.children[0];
    expect(list?.type).toBe('list');
    expect(list?.type === 'list' && list.children.length).toBe(50_000);
  }, 180_000);

  it('deeply nested emphasis and HTML', () => {
    const md = `${'*a '.repeat(20_000)}end\n`;
    expectPositionsInside(md, parseStructure(md, { path: 'emph.md' }));
    const html = `<html><body>${'<div>'.repeat(5000)}<p>Deep paragraph.</p>${'</div>'.repeat(5000)}</body></html>`;
    const brief = parseStructure(html, { path: 'deep.html' });
    expect(allClaims(brief).map((c) => c.text)).toContain('Deep paragraph.');
    expectPositionsInside(html, brief);
  }, 120_000);
});
