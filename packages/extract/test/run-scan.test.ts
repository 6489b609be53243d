/**
 * The entity pass reads runs of capitalised words by hand; these are the patterns it stands for.
 * Random mixes of capitals, connectors, particles, apostrophes, marks, other scripts, surrogate
 * pairs and white space must give the same starts, ends and flags as the patterns.
 */
import { expect, it } from 'vitest';
import { randomTexts } from './random-texts.js';
import * as entities from '../src/entities.js';

const PIECES = [
  'A', 'B', 'Z', 'É', 'é', '×', '÷', 'ā', 'Ā', 'ɏ', 'ɐ', 'a', 'e', 'b', 'i', 'n', 'l', 's', 'x', ' ', '  ', '\u00A0', '\n',
  '\u2009', "'", '’', '&', '.', '-', '--', '+', ',', '(', '1', 'of', 'and', 'in', 'the', 'des', 'de', 'von', 'al', 'al-',
  'el-', 'bin-', 'ibn-', 'bin', 'bn-', 'ial-', 'Ω', 'ω', 'Д', '\u0301', '\u20DD', '\u{1D400}', '\u{10400}', '\u{10428}',
  '\uD800', '\uDC00', 'ǅ', 'ʰ', '中', 'ß', 'St.', 'U.S.', ' and ', ' in ', 'Ab', 'Xy',
];

const texts = (count: number): string[] => randomTexts(PIECES, count, 11, 1, 14);

it('finds run starts where the look-behind pattern does', () => {
  const re = /(?<![A-Za-z\u00C0-\u024F])(?:[A-Z\u00C0-\u00DE\u0100-\u024F]|al-|el-|bin-|ibn-)/g;
  for (const s of texts(6_000)) {
    for (let from = 0; from <= s.length; from++) {
      re.lastIndex = from;
      const m = re.exec(s);
      expect([s, from, entities.nextRunStart(s, from)]).toEqual([s, from, m ? m.index : -1]);
      if (m) expect(entities.runStartLength).toBe(m[0].length);
    }
  }
});

it('reads runs as RUN_RE matches them', () => {
  for (const s of texts(6_000)) {
    for (let at = 0; at < s.length; at++) {
      const c = s.charCodeAt(at);
      // Runs start below U+0250, never inside a surrogate pair.
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      entities.RUN_RE.lastIndex = at;
      const m = entities.RUN_RE.exec(s);
      const end = entities.runEnd(s, at);
      expect([s, at, end]).toEqual([s, at, m ? at + m[0].length : -1]);
      if (m) {
        expect(entities.runHasApostrophe).toBe(/['’]/.test(m[0]));
        expect(entities.runHasAndIn).toBe(/\s(?:and|in)\s/.test(m[0]));
      }
    }
  }
});
