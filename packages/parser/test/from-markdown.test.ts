import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { createMdastParser } from '../src/from-markdown.js';
import { corpusFiles, repoRoot } from './helpers.js';

/** The extension set the parser reads markdown with (to-mdast.ts): GFM tables and strikethrough, YAML front matter. */
const options = {
  extensions: [gfmTable(), gfmStrikethrough(), frontmatter(['yaml'])],
  mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
};
const ours = createMdastParser(options);
const plain = createMdastParser();
const upstream = (text: string) => fromMarkdown(text, options);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : /\.(md|markdown|txt)$/.test(name) ? [file] : [];
  });
}

/** Markdown built from the constructs the compile step has handlers for, mixed freely. */
const inline = fc.oneof(
  fc.constantFrom('word', 'two words', 'x', '*em*', '**strong**', '_u_', '__uu__', '~~del~~', '~one~', '`code`', '``a ` b``', '\\*', '\\', '&amp;', '&#65;', '&#x41;', '&bogus;'),
  fc.constantFrom('[link](/u "title")', '[ref][id]', '[id][]', '[id]', '![img](/i.png)', '![alt][id]', '<https://a.example>', '<me@a.example>', '<b>x</b>', '  ', '[^1]'),
  fc.string({ maxLength: 8 }),
);
const line = fc.tuple(
  fc.constantFrom('', '', '', '# ', '### ', '> ', '> > ', '- ', '* ', '1. ', '3) ', '  - ', '    ', '\t', '- [ ] ', '> - '),
  fc.array(inline, { maxLength: 6 }).map((parts) => parts.join(' ')),
).map(([prefix, rest]) => prefix + rest);
const block = fc.oneof(
  { weight: 6, arbitrary: line },
  fc.constantFrom('===', '---', '***', '```js meta', '```', '~~~', '| a | b |', '|---|:-:|', '| 1 | 2 |', '<div>', '</div>', '[id]: /url "t"', '[ID]: <u>', '---\ntitle: x\n---'),
);
const markdown = fc.array(fc.tuple(block, fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r')), { maxLength: 20 }).map((parts) => parts.map(([b, e]) => b + e).join(''));

describe('createMdastParser', () => {
  it('builds the tree fromMarkdown builds, on the corpus, the examples and the fixtures', () => {
    const files = [...corpusFiles().filter((f) => !f.endsWith('.html')), ...filesUnder(path.join(repoRoot, 'examples')), ...filesUnder(path.join(repoRoot, 'packages/parser/test'))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(ours(text), file).toStrictEqual(upstream(text));
    }
  });

  it('builds the tree fromMarkdown builds, on random markdown', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(ours(text)).toStrictEqual(upstream(text));
        expect(plain(text)).toStrictEqual(fromMarkdown(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('carries nothing from one document to the next', () => {
    // A definition makes `[id]` a reference in its own document only.
    const defined = ours('[id]: /url\n\nSee [id].\n');
    expect(defined).toStrictEqual(upstream('[id]: /url\n\nSee [id].\n'));
    expect(JSON.stringify(defined)).toContain('linkReference');
    const after = ours('See [id].\n');
    expect(after).toStrictEqual(upstream('See [id].\n'));
    expect(JSON.stringify(after)).not.toContain('linkReference');
    // A lazy continuation line in one document does not make the same line lazy in the next.
    expect(ours('> a\nb\n')).toStrictEqual(upstream('> a\nb\n'));
    expect(ours('a\n    b\n')).toStrictEqual(upstream('a\n    b\n'));
  });
});
