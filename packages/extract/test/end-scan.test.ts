/**
 * The attribution cues read a verb's left context from its end instead of running patterns
 * anchored at the end (`…\s*$`) at every offset; these are the patterns they stand for. Random
 * mixes of the patterns' words (in any case), quotation marks, dashes, commas, white space and
 * look-alike characters must give the same answers.
 */
import { expect, it } from 'vitest';
import { random, randomTexts } from './random-texts.js';
import * as sources from '../src/sources.js';

const PIECES = [
  ' ', '  ', '\u00A0', '\n', ',', '.', '”', '"', '»', '·', '“', '—', '–', '-', "'", '’', 'x', 'X', '1', '_', 'é', '\u212A', 'ſ',
  'so-', 'also-', 'has', 'HAS', 'Had', 'don’t', "don't", 'DOESN’T', 'do', 'does', 'not', 'also', 'week', 'WEEK', 'wee\u212A',
  'to', 'To', 'into', 'the', 'The', 'a', 'an', 'its', 'media', 'unconfirmed', 'said', 'Haddad', 'of', 'on', 'is', 'been',
];

const texts = (count: number): string[] => randomTexts(PIECES, count, 5, 0, 10);

it('reads the end of a left context as the anchored patterns do', () => {
  const wrong: unknown[] = [];
  const check = (what: string, s: string, got: unknown, want: unknown) => {
    if (got !== want) wrong.push([what, s, got, want]);
  };
  for (const s of texts(40_000)) {
    check('so-', s, sources.endsWithSoHyphen(s), /\bso-$/.test(s));
    check('adverbs', s, sources.stripTrailingAdverbs(s), s.replace(sources.TRAILING_ADVERBS, ''));
    check('not subject', s, sources.endsWithNotSubject(s), sources.NOT_SUBJECT_BEFORE.test(s));
    check('to', s, sources.endsWithToWord(s), /\bto\s+\S+\s*$/.test(s));
    check('dashes', s, sources.stripDashParenthetical(s), s.replace(/\s*[—–][^—–]*[—–]\s*$/, ''));
    for (let end = 0; end <= s.length; end++) check(`quote ${end}`, s, sources.endsAfterQuote(s, end), /[”"»·],?\s*$/.test(s.slice(0, end)));
  }
  expect(wrong.slice(0, 10)).toEqual([]);
});

it('finds the last clause boundary where the whole scan does', () => {
  const next = random(13);
  // Mostly words that are no boundary, so the last one may sit anywhere, or nowhere.
  const plain = [' ', ' ', ' ', '  ', 'x', 'word', 'Berlin', 'sand', 'd', 'D', 'é', 'É', '1', '_'];
  const rare = ['\u00A0', 'And', 'and', 'AND', 'anD', 'that', 'THAT', 'as', 'ſo', 'ſince', '\u212A', 'although', ',', ';', '(', '“', '»', '—', '–',
    ' — ', ' –', '— ', 'so', 'than', 'and Berlin', 'and  Berlin', 'and É'];
  const wrong: unknown[] = [];
  for (let t = 0; t < 30_000; t++) {
    let s = '';
    const length = Math.floor(next() * 60);
    for (let k = 0; k < length; k++) s += next() < 0.08 ? rare[Math.floor(next() * rare.length)] : plain[Math.floor(next() * plain.length)];
    let want = 0;
    for (const m of s.matchAll(sources.CLAUSE_BOUNDARY)) want = m.index + m[0].length;
    const got = sources.lastClauseBoundary(s);
    if (got !== want) wrong.push([s, got, want]);
  }
  expect(wrong.slice(0, 5)).toEqual([]);
});

it('runs the trailing "in X" patterns wherever they could match', () => {
  const next = random(17);
  const words = [' ', '  ', '\u00A0', 'in', 'In', 'into', 'Kyiv', 'Oblast', 'Berlin-Mitte', 'Cologne', 'Dr.', 'x', 'the', 'people', '.', ','];
  const wrong: unknown[] = [];
  for (let t = 0; t < 30_000; t++) {
    let s = '';
    const length = Math.floor(next() * 12);
    for (let k = 0; k < length; k++) s += words[Math.floor(next() * words.length)];
    const matches = /(\p{Lu}[\p{L}.]*)\s+in\s+\p{Lu}[\p{L}-]+$/u.test(s) || /\s+in\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)$/u.test(s);
    if (matches && !sources.inNearEnd(s)) wrong.push(s);
  }
  expect(wrong.slice(0, 5)).toEqual([]);
});
