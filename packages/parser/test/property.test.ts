import { BriefsError } from '@briefs/ast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../src/index.js';
import { allNodes, parseStructure } from './helpers.js';

/** Markdown-ish lines: the syntax the parser has to take apart, mixed freely. */
const word = fc.constantFrom('alpha', 'U.S.', 'Dr.', '1.5', '“quote', 'end.”', '\\$400', '**bold**', '_em_', '...', '…', 'x', '"', '(', ')', '[', ']');
const inline = fc.oneof(
  word,
  fc.string({ maxLength: 12 }),
  fc.tuple(word, fc.webUrl()).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(word, fc.webUrl()).map(([t, u]) => `[${t}](#) (<${u}>)`),
  fc.tuple(word, fc.constantFrom('/a/b', 'rel', '#')).map(([t, u]) => `[${t} \\(${u}\\)](${u})`),
  fc.constantFrom('![alt](img.png)', '<b>x</b>', '&amp;', '&#1234;', '`code`', '[^1]', 'https://example.org/x'),
);
const line = fc.tuple(
  fc.constantFrom('', '', '', '# ', '## ', '> ', '>> ', '- ', '1. ', '    ', '  - ', '| a | b |', '|---|---|', '---', '```', '<div>', '\t'),
  fc.array(inline, { maxLength: 8 }).map((parts) => parts.join(' ')),
).map(([prefix, rest]) => prefix + rest);
const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
const markdownish = fc.array(fc.tuple(line, eol), { maxLength: 25 }).map((lines) => lines.map(([l, e]) => l + e).join(''));
const anything = fc.oneof(markdownish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 120 }), fc.constant('---\ntitle: [unclosed\n---\nBody.\n'));

function check(source: string, format: 'markdown' | 'html' | 'text', parse: typeof parseBrief): void {
  let brief: ReturnType<typeof parseBrief>;
  try {
    brief = parse(source, { path: `doc.${format === 'markdown' ? 'md' : format === 'html' ? 'html' : 'txt'}`, format });
  } catch (error) {
    // Only refusals of the whole input are allowed, and only for empty or binary text.
    expect(error).toBeInstanceOf(BriefsError);
    expect(['E_INPUT_EMPTY', 'E_INPUT_BINARY']).toContain((error as BriefsError).code);
    return;
  }
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const ids = new Set<string>();
  for (const node of allNodes(brief)) {
    if (node.position) {
      const { start, end } = node.position;
      expect(start.offset).toBeGreaterThanOrEqual(0);
      expect(end.offset).toBeLessThanOrEqual(text.length);
      expect(start.offset).toBeLessThanOrEqual(end.offset);
      expect(start.line).toBeGreaterThanOrEqual(1);
      expect(start.column).toBeGreaterThanOrEqual(1);
    }
    if (node.id !== undefined && node.type !== 'brief') {
      expect(ids.has(node.id), `duplicate id ${node.id}`).toBe(false);
      ids.add(node.id);
    }
  }
  JSON.stringify(brief);
}

describe('property: any input', () => {
  it('structure alone: no throw but refusals, positions inside, ids unique', () => {
    fc.assert(
      fc.property(anything, fc.constantFrom('markdown', 'text', 'html') as fc.Arbitrary<'markdown' | 'html' | 'text'>, (source, format) => check(source, format, parseStructure)),
      { numRuns: 300 },
    );
  });

  it('the full pipeline (with page cleaning and extraction) keeps the same promises', () => {
    fc.assert(
      fc.property(anything, fc.constantFrom('markdown', 'text', 'html') as fc.Arbitrary<'markdown' | 'html' | 'text'>, (source, format) => check(source, format, parseBrief)),
      { numRuns: 150 },
    );
  });
});
