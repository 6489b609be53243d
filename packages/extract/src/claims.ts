/**
 * Claim kinds. Precedence: `attributed` (a source is cited) > `recommendation` (an obligation on
 * an actor) > `forecast` (a statement about what will or may happen) > `statement`. `hedge` lists
 * the modal or hedging words found, whatever the kind. See README.md, "Claims".
 */
import type { ClaimKind } from '@briefs/ast';
import { has, type Lexed, lex, wordClass } from './lex.js';
import { allMatches } from './state.js';

/**
 * Each pattern with a word every match contains, lower-cased: a sentence without it skips the
 * pattern (`/i` without `u` matches ASCII letters only by ASCII letters, so the lower-cased
 * text holds the word wherever the pattern matches).
 */
const RECOMMENDATION: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bshould(?:n['’]t)?\b/gi, 'should'],
  [/\bmust(?!-)\b/gi, 'must'],
  [/\bneeds?\s+to\b/gi, 'need'],
  [/\bought\s+to\b/gi, 'ought'],
  [/\bcall(?:s|ed|ing)?\s+for\b/gi, 'call'],
  [/\burg(?:es|ed|ing)\b/gi, 'urg'],
  [/\brecommend(?:s|ed|ing)?\b/g, 'recommend'],
  [/\bit\s+is\s+(?:essential|crucial|vital|imperative|critical|important|necessary)\b/gi, 'it'],
  [/\bit['’]s\s+(?:essential|crucial|vital|imperative|critical|important|necessary)\b/gi, 'it'],
  // "X is required to act", "requires the United States … to engage": an obligation on an actor.
  // "Credibility requires stability" relates two things and stays a statement.
  [/\b(?:is|are)\s+required\s+to\b/gi, 'required'],
  [/\brequires?\s+(?:the\s+)?(?:\S+\s+){1,6}?to\s+[a-z]+/gi, 'require'],
  [/\b(?:is|are)\s+(?:still\s+|urgently\s+|badly\s+)?needed\b/gi, 'needed'],
];

const FORECAST: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwill(?!\s+of\b)\b/g, 'will'],
  [/\bwon['’]t\b/gi, 'won'],
  [/\bwould\b/gi, 'would'],
  [/\b(?:is|are|was|were)\s+(?:widely\s+)?expected\s+to\b/gi, 'expected'],
  [/\b(?:un)?likely\b/gi, 'likely'],
  [/\bprobably\b/gi, 'probably'],
  [/\bmay\b/g, 'may'],
  [/\bmight\b/gi, 'might'],
  [/\bcould\b/gi, 'could'],
  [/\b(?:is|are)\s+set\s+to\b/gi, 'set'],
  [/\b(?:is|are)\s+poised\s+to\b/gi, 'poised'],
  [/\bforecasts?\b/gi, 'forecast'],
  [/\bprojected\b/gi, 'projected'],
  [/\b(?:is|are)\s+going\s+to\b/gi, 'going'],
];

/** "political will", "the will of", "military might": nouns, not modals. */
const NOUN_BEFORE = /\b(?:the|political|free|good|ill|his|her|their|its|our|own|popular|public|national|military|economic|naval|full|of)\s+$/i;

export interface ClaimReading {
  kind: ClaimKind;
  hedge: string | null;
}

/** Read the kind of a sentence from its words outside quotations (`masked`). */
/** Words one of the patterns needs: a sentence with none of them is a plain statement. */
const CUE_WORDS = wordClass(
  'should shouldn must need needs needed ought call calls called calling urge urges urged urging recommend recommends recommended recommending essential crucial vital imperative critical important necessary require requires required will won would expected likely unlikely probably may might could set poised forecast forecasts projected going'.split(
    ' ',
  ),
);

export function readClaim(masked: string, source: string | null, lexed: Lexed = lex(masked)): ClaimReading {
  if (!has(lexed, CUE_WORDS)) return { kind: source ? 'attributed' : 'statement', hedge: null };
  const recommendation = collect(masked, lexed.lower, RECOMMENDATION);
  const forecast = collect(masked, lexed.lower, FORECAST);
  const words = [...recommendation, ...forecast].sort((a, b) => a.index - b.index).map((w) => w.word);
  const hedge = words.length > 0 ? [...new Set(words)].join(', ') : null;
  let kind: ClaimKind = 'statement';
  if (source) kind = 'attributed';
  else if (recommendation.length > 0) kind = 'recommendation';
  else if (forecast.length > 0) kind = 'forecast';
  return { kind, hedge };
}

function collect(text: string, lower: string, patterns: ReadonlyArray<readonly [RegExp, string]>): Array<{ index: number; word: string }> {
  const out: Array<{ index: number; word: string }> = [];
  for (const [pattern, word] of patterns) {
    if (!lower.includes(word)) continue;
    for (const m of allMatches(pattern, text)) {
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      if (/^(?:will|might)$/i.test(m[0]) && NOUN_BEFORE.test(before)) continue;
      if (/^call/i.test(m[0]) && /\b(?:despite|amid|the|growing|new|repeated|renewed|recent|of|to|with|his|her|their|its)\s+$/i.test(before)) continue;
      if (/^requires?\s/i.test(m[0])) {
        out.push({ index: m.index, word: m[0].split(/\s+/)[0]!.toLowerCase() });
        continue;
      }
      out.push({ index: m.index, word: m[0].toLowerCase().replace(/\s+/g, ' ') });
    }
  }
  return out;
}
