import { describe, expect, it } from 'vitest';
import { MAX_QUOTE, splitSentences } from '../src/sentences.js';

const split = (text: string) => splitSentences(text).map(([a, b]) => text.slice(a, b));

describe('splitSentences: boundaries it must find', () => {
  it.each([
    ['One thing. Another thing.', ['One thing.', 'Another thing.']],
    ['Is it? Yes! It is.', ['Is it?', 'Yes!', 'It is.']],
    ['He left. "Then what?" she asked.', ['He left.', '"Then what?" she asked.']],
    ['It rose 5 percent. 2020 was worse.', ['It rose 5 percent.', '2020 was worse.']],
    ['She said “stop.” Then she left.', ['She said “stop.”', 'Then she left.']],
    ['Troops left the U.S. The war went on.', ['Troops left the U.S.', 'The war went on.']],
    ['It happened in Jan. The next month was calm.', ['It happened in Jan.', 'The next month was calm.']],
    ['They waited... The answer never came.', ['They waited...', 'The answer never came.']],
    ['A crisis.12 The next one came later.', ['A crisis.12', 'The next one came later.']],
    ['Line one\nLine two', ['Line one', 'Line two']],
    ['Within ten years. 4 But now it turns.', ['Within ten years. 4', 'But now it turns.']],
    ['It fell. 20 Russian soldiers died.', ['It fell.', '20 Russian soldiers died.']],
    ['Nothing ends here', ['Nothing ends here']],
    ['Ends in a bracket (really.) Next one.', ['Ends in a bracket (really.)', 'Next one.']],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('splitSentences: boundaries it must not find', () => {
  it.each([
    'The U.S. Army and the U.K. Foreign Office met.',
    'Dr. Smith met Mr. Jones at St. Paul.',
    'It was signed on Jan. 5 and again on Dec. 12 last year.',
    'Take allies, e.g. France, and rivals, i.e. Russia, vs. the rest.',
    'See No. 5 in the list.',
    'J. R. R. Tolkien wrote it.',
    'Growth was 1.5 percent, down from 2.25 percent.',
    'The partners,...the technology sector, agreed.',
    'He paused … and then went on.',
    'They said "we will go. We will stay there. We will win." and left.',
    'Acme Inc. reported profits.',
    'John F. Kennedy spoke.',
    'It is fine. and this stays lower case after a full stop.',
  ])('%j', (text) => {
    expect(split(text)).toEqual([text]);
  });
});

describe('splitSentences: bounded quotations', () => {
  it('gives up on a quotation that never closes', () => {
    const text = `He said "this starts. ${'Another sentence follows here. '.repeat(40)}`;
    expect(split(text).length).toBeGreaterThan(30);
  });

  it('keeps a long but closed quotation in one piece only up to MAX_QUOTE', () => {
    const inner = 'We will go on. '.repeat(Math.ceil(MAX_QUOTE / 15) + 5);
    expect(split(`They said "${inner.trim()}" and left.`).length).toBeGreaterThan(1);
    expect(split('They said "We will go on. We will stay." and left.')).toHaveLength(1);
  });

  it('returns trimmed, non-overlapping, ordered spans', () => {
    const text = '  First one.   Second one!  ';
    const spans = splitSentences(text);
    expect(spans).toEqual([
      [2, 12],
      [15, 26],
    ]);
  });
});
