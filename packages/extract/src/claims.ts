/**
 * Claim kinds. Precedence: `attributed` (a source is cited) > `recommendation` (an obligation on
 * an actor) > `forecast` (a statement about what will or may happen) > `statement`. `hedge` lists
 * the modal or hedging words found, whatever the kind. See README.md, "Claims".
 */
import type { ClaimKind } from '@briefs/ast';
import { hasAny, type Lexed, lex } from './lex.js';

const RECOMMENDATION = [
  /\bshould(?:n['’]t)?\b/gi,
  /\bmust(?!-)\b/gi,
  /\bneeds?\s+to\b/gi,
  /\bought\s+to\b/gi,
  /\bcall(?:s|ed|ing)?\s+for\b/gi,
  /\burg(?:es|ed|ing)\b/gi,
  /\brecommend(?:s|ed|ing)?\b/g,
  /\bit\s+is\s+(?:essential|crucial|vital|imperative|critical|important|necessary)\b/gi,
  /\bit['’]s\s+(?:essential|crucial|vital|imperative|critical|important|necessary)\b/gi,
  // "X is required to act", "requires the United States … to engage": an obligation on an actor.
  // "Credibility requires stability" relates two things and stays a statement.
  /\b(?:is|are)\s+required\s+to\b/gi,
  /\brequires?\s+(?:the\s+)?(?:\S+\s+){1,6}?to\s+[a-z]+/gi,
  /\b(?:is|are)\s+(?:still\s+|urgently\s+|badly\s+)?needed\b/gi,
];

const FORECAST = [
  /\bwill(?!\s+of\b)\b/g,
  /\bwon['’]t\b/gi,
  /\bwould\b/gi,
  /\b(?:is|are|was|were)\s+(?:widely\s+)?expected\s+to\b/gi,
  /\b(?:un)?likely\b/gi,
  /\bprobably\b/gi,
  /\bmay\b/g,
  /\bmight\b/gi,
  /\bcould\b/gi,
  /\b(?:is|are)\s+set\s+to\b/gi,
  /\b(?:is|are)\s+poised\s+to\b/gi,
  /\bforecasts?\b/gi,
  /\bprojected\b/gi,
  /\b(?:is|are)\s+going\s+to\b/gi,
];

/** "political will", "the will of", "military might": nouns, not modals. */
const NOUN_BEFORE = /\b(?:the|political|free|good|ill|his|her|their|its|our|own|popular|public|national|military|economic|naval|full|of)\s+$/i;

export interface ClaimReading {
  kind: ClaimKind;
  hedge: string | null;
}

/** Read the kind of a sentence from its words outside quotations (`masked`). */
/** Words one of the patterns needs: a sentence with none of them is a plain statement. */
const CUE_WORDS = new Set(
  'should shouldn must need needs needed ought call calls called calling urge urges urged urging recommend recommends recommended recommending essential crucial vital imperative critical important necessary require requires required will won would expected likely unlikely probably may might could set poised forecast forecasts projected going'.split(
    ' ',
  ),
);

export function readClaim(masked: string, source: string | null, lexed: Lexed = lex(masked)): ClaimReading {
  if (!hasAny(lexed, CUE_WORDS)) return { kind: source ? 'attributed' : 'statement', hedge: null };
  const recommendation = collect(masked, RECOMMENDATION);
  const forecast = collect(masked, FORECAST);
  const words = [...recommendation, ...forecast].sort((a, b) => a.index - b.index).map((w) => w.word);
  const hedge = words.length > 0 ? [...new Set(words)].join(', ') : null;
  let kind: ClaimKind = 'statement';
  if (source) kind = 'attributed';
  else if (recommendation.length > 0) kind = 'recommendation';
  else if (forecast.length > 0) kind = 'forecast';
  return { kind, hedge };
}

function collect(text: string, patterns: readonly RegExp[]): Array<{ index: number; word: string }> {
  const out: Array<{ index: number; word: string }> = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
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
