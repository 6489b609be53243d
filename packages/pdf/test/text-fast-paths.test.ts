import { describe, expect, it } from 'vitest';
import type { Block } from '../src/blocks.js';
import { Layout } from '../src/layout.js';
import { DEFAULT_COLOURS } from '../src/styles.js';

/**
 * Blocks full of one-line and measured text: table cells (left and right aligned, one line and
 * wrapped, rows up to the foot of pages), headings, list notes.
 */
function blocks(): Block[] {
  const rows: string[][] = [];
  for (let i = 0; i < 120; i++) {
    // Widths around the column's: some fit on one line, some only just do, some wrap.
    const what = `${'word '.repeat(i % 17)}end ${i}`;
    rows.push([`$${i * 37} million`, what, `Part ${i % 7}, line ${i}`]);
  }
  return [
    { type: 'heading', level: 1, text: 'A heading on one line' },
    { type: 'heading', level: 2, text: `A heading long enough to wrap: ${'many words in it '.repeat(6)}end` },
    { type: 'paragraph', text: 'One line.' },
    { type: 'paragraph', text: 'Trailing spaces   ' },
    { type: 'paragraph', text: 'A line\u2028with a line separator, and one\rwith a carriage return.' },
    {
      type: 'table',
      columns: [
        { label: 'Value', width: 1, align: 'right' },
        { label: 'What', width: 3 },
        { label: 'Where in the text', width: 1.4 },
      ],
      rows,
    },
    { type: 'list', items: rows.slice(0, 40).map((r) => ({ text: r[1]!, note: r[2]! })) },
  ] as Block[];
}

async function render(oneLine: boolean): Promise<Uint8Array> {
  const layout = new Layout({
    pageSize: 'A4',
    colours: DEFAULT_COLOURS,
    info: { title: 'One line', author: 'Test', subject: 'Test', keywords: [] },
    lang: 'en',
    date: new Date(0),
    headerLabel: 'Test',
  });
  if (!oneLine) {
    const plain = layout as unknown as { oneLine: () => boolean; measuredLines: () => boolean };
    plain.oneLine = () => false;
    plain.measuredLines = () => false;
  }
  layout.addPage();
  layout.group('Sect', () => layout.render(blocks()));
  return layout.finish();
}

describe('text written without a second line-breaking run', () => {
  it('writes the same bytes as pdfkit wrapping the same text (one-line text, lines kept from measuring)', async () => {
    const fast = await render(true);
    const wrapped = await render(false);
    expect(fast.length).toBeGreaterThan(10_000);
    expect(Buffer.from(fast).equals(Buffer.from(wrapped))).toBe(true);
  });
});
