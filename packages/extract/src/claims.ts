/**
 * Claim kinds. Precedence: `attributed` (a source is cited) > `recommendation` (an obligation on
 * an actor) > `forecast` (a statement about what will or may happen) > `statement`. `hedge` lists
 * the modal or hedging words found, whatever the kind. See README.md, "Claims".
 */
import type { ClaimKind } from '@briefs/ast';
import { has, type Lexed, lex, wordClass, wordStarts } from './lex.js';
import { allMatches, matchesAt, sticky } from './state.js';

/**
 * Each pattern with a word every match contains, lower-cased: a sentence without it skips the
 * pattern (`/i` without `u` matches ASCII letters only by ASCII letters, so the lower-cased
 * text holds the word wherever the pattern matches); and the whole words (CUE_WORDS) of which
 * every match holds one, the tighter test where `lex` lists where the words are.
 */
type Rule = readonly [pattern: RegExp, word: string, words: string];

const RECOMMENDATION: ReadonlyArray<Rule> = [
  [/\bshould(?:n['’]t)?\b/gi, 'should', 'should shouldn'],
  [/\bmust(?!-)\b/gi, 'must', 'must'],
  [/\bneeds?\s+to\b/gi, 'need', 'need needs'],
  [/\bought\s+to\b/gi, 'ought', 'ought'],
  [/\bcall(?:s|ed|ing)?\s+for\b/gi, 'call', 'call calls called calling'],
  [/\burg(?:es|ed|ing)\b/gi, 'urg', 'urges urged urging'],
  [/\brecommend(?:s|ed|ing)?\b/g, 'recommend', 'recommend recommends recommended recommending'],
  [/\bit\s+is\s+(?:essential|crucial|vital|imperative|critical|important|necessary)\b/gi, 'it', 'essential crucial vital imperative critical important necessary'],
  [/\bit['’]s\s+(?:essential|crucial|vital|imperative|critical|important|necessary)\b/gi, 'it', 'essential crucial vital imperative critical important necessary'],
  // "X is required to act", "requires the United States … to engage": an obligation on an actor.
  // "Credibility requires stability" relates two things and stays a statement.
  [/\b(?:is|are)\s+required\s+to\b/gi, 'required', 'required'],
  [/\brequires?\s+(?:the\s+)?(?:\S+\s+){1,6}?to\s+[a-z]+/gi, 'require', 'require requires'],
  [/\b(?:is|are)\s+(?:still\s+|urgently\s+|badly\s+)?needed\b/gi, 'needed', 'needed'],
];

const FORECAST: ReadonlyArray<Rule> = [
  [/\bwill(?!\s+of\b)\b/g, 'will', 'will'],
  [/\bwon['’]t\b/gi, 'won', 'won'],
  [/\bwould\b/gi, 'would', 'would'],
  [/\b(?:is|are|was|were)\s+(?:widely\s+)?expected\s+to\b/gi, 'expected', 'expected'],
  [/\b(?:un)?likely\b/gi, 'likely', 'likely unlikely'],
  [/\bprobably\b/gi, 'probably', 'probably'],
  [/\bmay\b/g, 'may', 'may'],
  [/\bmight\b/gi, 'might', 'might'],
  [/\bcould\b/gi, 'could', 'could'],
  [/\b(?:is|are)\s+set\s+to\b/gi, 'set', 'set'],
  [/\b(?:is|are)\s+poised\s+to\b/gi, 'poised', 'poised'],
  [/\bforecasts?\b/gi, 'forecast', 'forecast forecasts'],
  [/\bprojected\b/gi, 'projected', 'projected'],
  [/\b(?:is|are)\s+going\s+to\b/gi, 'going', 'going'],
];

/** "political will", "the will of", "military might": nouns, not modals. */
const NOUN_BEFORE = /\b(?:the|political|free|good|ill|his|her|their|its|our|own|popular|public|national|military|economic|naval|full|of)\s+$/i;

export interface ClaimReading {
  kind: ClaimKind;
  hedge: string | null;
}

/** Words one of the patterns needs: a sentence with none of them is a plain statement. */
const CUE_WORDS = wordClass(
  'should shouldn must need needs needed ought call calls called calling urge urges urged urging recommend recommends recommended recommending essential crucial vital imperative critical important necessary require requires required will won would expected likely unlikely probably may might could set poised forecast forecasts projected going'.split(
    ' ',
  ),
  true,
);

const RULES = [...RECOMMENDATION, ...FORECAST];
/** Each word of the rules → bit set of the rules needing it (RECOMMENDATION's bits first, then FORECAST's). */
const RULES_OF = new Map<string, number>();
RULES.forEach(([, , words], i) => {
  for (const w of words.split(' ')) RULES_OF.set(w, (RULES_OF.get(w) ?? 0) | (1 << i));
});
/** Whether every match of the rule starts at one of its words (all but "it is …", "is/are … to"). */
const WORD_LED = RULES.map(([pattern]) => !pattern.source.startsWith('\\bit') && !pattern.source.startsWith('\\b(?:is'));
/** Whether the rule's `word` is part of each of its whole words: where `lex` found one of these, the text holds it. */
const WORD_IN_WORDS = RULES.map(([, word, words]) => words.split(' ').every((w) => w.includes(word)));
/** The rules' sticky twins, tried at their words (`matchesAt`). */
const TWINS = RULES.map(([pattern]) => sticky(pattern));
/** Offsets of each rule's words in the sentence being read (filled by `rulesFor` for the rules it returns). */
const STARTS: number[][] = RULES.map(() => []);

/**
 * The rules whose words the text holds, by the offsets `lex` listed, with those offsets in
 * STARTS (all the rules for an exotic text, and STARTS unfilled).
 */
function rulesFor(lexed: Lexed): number {
  if (lexed.exotic) return -1;
  const lower = lexed.lower;
  let rules = 0;
  for (const start of wordStarts(lexed, CUE_WORDS)) {
    let end = start + 1;
    while (end < lower.length && lower.charCodeAt(end) >= 97 && lower.charCodeAt(end) <= 122) end++;
    const bits = RULES_OF.get(lower.slice(start, end)) ?? 0;
    for (let b = bits; b !== 0; b &= b - 1) {
      const i = 31 - Math.clz32(b & -b);
      if ((rules & (1 << i)) === 0) STARTS[i]!.length = 0;
      STARTS[i]!.push(start);
    }
    rules |= bits;
  }
  return rules;
}

/** Read the kind of a sentence from its words outside quotations (`masked`). */
export function readClaim(masked: string, source: string | null, lexed: Lexed = lex(masked)): ClaimReading {
  if (!has(lexed, CUE_WORDS)) return { kind: source ? 'attributed' : 'statement', hedge: null };
  const rules = rulesFor(lexed);
  const positioned = !lexed.exotic;
  const recommendation = collect(masked, lexed.lower, RECOMMENDATION, rules, 0, positioned);
  const forecast = collect(masked, lexed.lower, FORECAST, rules >> RECOMMENDATION.length, RECOMMENDATION.length, positioned);
  // Most sentences with a cue word match no rule: no words to order.
  const hedge = recommendation.length + forecast.length > 0 ? hedgeOf(recommendation, forecast) : null;
  let kind: ClaimKind = 'statement';
  if (source) kind = 'attributed';
  else if (recommendation.length > 0) kind = 'recommendation';
  else if (forecast.length > 0) kind = 'forecast';
  return { kind, hedge };
}

/** The words of the matches in reading order, each once, joined. */
function hedgeOf(recommendation: Array<{ index: number; word: string }>, forecast: Array<{ index: number; word: string }>): string {
  const words = [...recommendation, ...forecast].sort((a, b) => a.index - b.index).map((w) => w.word);
  return [...new Set(words)].join(', ');
}

/**
 * The matches of the rules whose bits are set in `rules` (bit i: rule `first + i` of RULES) and
 * whose word `lower` holds; a rule led by its words is tried at their offsets when `positioned`.
 */
function collect(
  text: string,
  lower: string,
  patterns: ReadonlyArray<Rule>,
  rules: number,
  first: number,
  positioned: boolean,
): Array<{ index: number; word: string }> {
  const out: Array<{ index: number; word: string }> = [];
  for (let i = 0; i < patterns.length; i++) {
    const [pattern, word] = patterns[i]!;
    if ((rules & (1 << i)) === 0 || (!(positioned && WORD_IN_WORDS[first + i]) && !lower.includes(word))) continue;
    const matches = positioned && WORD_LED[first + i] ? matchesAt(TWINS[first + i]!, text, STARTS[first + i]!) : allMatches(pattern, text);
    for (const m of matches) {
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
