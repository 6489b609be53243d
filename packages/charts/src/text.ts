/**
 * Short text for chart labels: excerpts of claims around a span, wrapped to a few lines. Labels are
 * measured in characters, not pixels, so specs stay pure (no font metrics); the limits are chosen
 * for the default 11 px font in a 480 px wide chart.
 */

const ELLIPSIS = '…';

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut `text` to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const t = collapse(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, '')}${ELLIPSIS}`;
}

/**
 * An excerpt of `text` of at most `max` characters that contains the span `range` (UTF-16 offsets).
 * `before` is the share of the room left that goes before the span: by default a quarter, since the
 * words after a figure or date usually say what it is about.
 */
export function excerptAround(text: string, range: readonly [number, number], max: number, before = 0.25): string {
  const clean = text.replace(/\s+/g, ' ');
  if (collapse(clean).length <= max) return collapse(clean).replace(/[.;:]$/, '');
  const s = Math.max(0, Math.min(range[0], clean.length));
  const e = Math.max(s, Math.min(range[1], clean.length));
  let start = Math.max(0, s - Math.floor(Math.max(0, max - (e - s)) * before));
  let end = Math.min(clean.length, start + max);
  if (end - start < max) start = Math.max(0, end - max);
  // Snap to word boundaries without cutting into the span itself.
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    if (space !== -1 && space < s) start = space + 1;
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > e) end = space;
  }
  const cutEnd = end < clean.length;
  // No "2025.…": a cut excerpt drops the punctuation its ellipsis replaces.
  const body = clean.slice(start, end).trim().replace(cutEnd ? /[,;:.]+$/ : /[,;:]$/, '');
  return `${start > 0 ? ELLIPSIS : ''}${body}${cutEnd ? ELLIPSIS : ''}`;
}

/**
 * Label excerpts for several spans, one each. Spans that share a sentence get a narrower window
 * (`narrow` characters) so that each label reads differently ("…fell by 3.5% while…", "…rose 12%
 * and…") instead of repeating the whole sentence.
 */
export function excerptsFor<T>(
  items: readonly T[],
  of: (item: T) => { key: string; text: string; range: readonly [number, number] },
  wide: number,
  narrow: number,
): string[] {
  const perKey = new Map<string, number>();
  for (const item of items) {
    const { key } = of(item);
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  return items.map((item) => {
    const { key, text, range } = of(item);
    // Centred when narrow: the next figure of the sentence is as likely after as before.
    return (perKey.get(key) ?? 0) > 1 ? excerptAround(text, range, narrow, 0.5) : excerptAround(text, range, wide);
  });
}

/**
 * Greedy word wrap into at most `maxLines` lines of `width` characters; the last line is truncated
 * with an ellipsis when the text does not fit. Returns at least one line.
 */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const words = collapse(text).split(' ').filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= width) {
      line = next;
      continue;
    }
    if (line !== '') {
      lines.push(line);
      if (lines.length === maxLines) break;
    }
    line = word.length > width ? truncate(word, width) : word;
  }
  if (lines.length < maxLines) {
    if (line !== '') lines.push(line);
  } else if (i < words.length) {
    // Ran out of lines with words left: mark the last line as cut.
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = last.endsWith(ELLIPSIS) ? last : truncate(`${last} ${words.slice(i).join(' ')}`, width);
  }
  return lines.length > 0 ? lines : [''];
}

/** Join a list for prose: "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 claim", "3 claims". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A stable id fragment: lower-case a–z0–9 runs joined by `-`. */
export function idPart(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/%/g, 'percent')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'none'
  );
}
