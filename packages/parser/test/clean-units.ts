/**
 * Test helper: a small stand-in for the structural parser's unit builder, so page-cleaning
 * tests can build `Unit[]` from text. One unit per source line; `#` lines are headings, `-`/`*`/`1.`
 * lines list items, `>` lines quotes; markdown links are detected with a regex.
 */
import { parse as parseYaml } from 'yaml';
import type { CleanContext, Unit, UnitKind, UnitLink } from '../src/units.js';

const LINK = /\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;

function readerText(raw: string, offset: number, links: UnitLink[]): string {
  const withLinks = raw.replace(LINK, (whole, text: string, url: string, at: number) => {
    links.push({ text: unescapeMarkdown(text), url, start: offset + at, end: offset + at + whole.length });
    return text;
  });
  return unescapeMarkdown(
    withLinks
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2'),
  );
}

const unescapeMarkdown = (s: string): string => s.replace(/\\([\\`*_{}[\]()#+\-.!$<>|~])/g, '$1');

export function unitsFromText(source: string, format: CleanContext['format'] = 'markdown'): { units: Unit[]; context: CleanContext } {
  let frontMatter: Record<string, unknown> | null = null;
  let frontMatterRange: [number, number] | null = null;
  let pos = 0;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (fm) {
    frontMatter = (parseYaml(fm[1]!) as Record<string, unknown>) ?? null;
    frontMatterRange = [0, fm[0].length];
    pos = fm[0].length;
  }
  const units: Unit[] = [];
  let lineNo = source.slice(0, pos).split('\n').length;
  let previousBlank = true;
  let previousKind: UnitKind | null = null;
  while (pos <= source.length) {
    let end = source.indexOf('\n', pos);
    if (end < 0) end = source.length;
    const rawLine = source.slice(pos, end).replace(/\r$/, '');
    const lineEnd = pos + rawLine.length;
    if (rawLine.trim() === '') {
      previousBlank = true;
    } else {
      let kind: UnitKind = 'line';
      let depth = 0;
      let body = rawLine;
      let bodyOffset = pos;
      const heading = /^(\s*(?:[-*+]\s+)?)(#{1,6})\s+(.*)$/.exec(rawLine);
      const item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(rawLine);
      const quote = /^(\s*>\s?)(.*)$/.exec(rawLine);
      if (heading) {
        kind = 'heading';
        depth = heading[2]!.length;
        bodyOffset = pos + rawLine.length - heading[3]!.length;
        body = heading[3]!;
      } else if (item) {
        kind = 'listItem';
        depth = Math.floor(item[1]!.length / 2) + 1;
        bodyOffset = pos + rawLine.length - item[3]!.length;
        body = item[3]!;
      } else if (quote) {
        kind = 'blockquote';
        depth = 1;
        bodyOffset = pos + quote[1]!.length;
        body = quote[2]!;
      } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(rawLine)) {
        kind = 'break';
      } else if (/^\s*!\[[^\]]*\]\([^)]*\)\s*$/.test(rawLine)) {
        kind = 'image';
        body = /!\[([^\]]*)\]/.exec(rawLine)![1]!;
      }
      const links: UnitLink[] = [];
      const text = kind === 'break' ? '' : readerText(body, bodyOffset, links).trim();
      const strong = /^\s*(\*\*|__)[^*_]+\1\s*$/.test(body);
      units.push({
        index: units.length,
        kind,
        depth,
        text,
        start: pos + (rawLine.length - rawLine.trimStart().length),
        end: lineEnd,
        line: lineNo,
        blockStart: previousBlank || kind !== 'line' || previousKind !== 'line',
        strong,
        links,
      });
      previousBlank = kind === 'heading';
      previousKind = kind;
    }
    pos = end + 1;
    lineNo++;
  }
  return { units, context: { source, format, frontMatter, frontMatterRange } };
}
