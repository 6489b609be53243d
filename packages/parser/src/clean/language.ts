/** Language names as pages write them in "Also available in" lists, and script detection. */

const NAMES: Record<string, string> = {
  english: 'en', 'العربية': 'ar', arabic: 'ar', 'عربي': 'ar', farsi: 'fa', persian: 'fa', 'فارسی': 'fa', 'فارسي': 'fa',
  français: 'fr', francais: 'fr', french: 'fr', español: 'es', espanol: 'es', spanish: 'es', deutsch: 'de', german: 'de',
  русский: 'ru', russian: 'ru', українська: 'uk', ukrainian: 'uk', 中文: 'zh', chinese: 'zh', '简体中文': 'zh-Hans',
  '繁體中文': 'zh-Hant', 日本語: 'ja', japanese: 'ja', 한국어: 'ko', korean: 'ko', türkçe: 'tr', turkish: 'tr',
  עברית: 'he', hebrew: 'he', português: 'pt', portuguese: 'pt', italiano: 'it', italian: 'it', polski: 'pl',
  polish: 'pl', kurdî: 'ku', kurdish: 'ku', کوردی: 'ckb', اردو: 'ur', urdu: 'ur', हिन्दी: 'hi', hindi: 'hi',
  nederlands: 'nl', dutch: 'nl', 'bahasa indonesia': 'id', indonesian: 'id',
};

/** BCP 47 tag for a language name or a bare tag (`ar`, `fa-IR`), else null. */
export function languageFromName(name: string): string | null {
  const key = name.trim().replace(/\s*\/\s*$/, '').toLowerCase();
  if (NAMES[key]) return NAMES[key];
  // "Read in Arabic", "Version française": a language name inside the text.
  for (const word of key.split(/[\s/|()]+/)) if (NAMES[word]) return NAMES[word];
  if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(key)) return key.split('-')[0]!.toLowerCase() === key ? key : name.trim();
  return null;
}

/** Language tag from a URL path prefix (`/ar/policy-analysis/…` → `ar`), else null. */
export function languageFromPath(url: string): string | null {
  const m = /^(?:https?:\/\/[^/]+)?\/([a-z]{2}(?:-[a-z]{2})?)\//i.exec(url);
  return m && Object.values(NAMES).includes(m[1]!.toLowerCase()) ? m[1]!.toLowerCase() : null;
}

const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
];

/** Language of a body by its dominant script; Latin text is told apart by function words. */
export function detectLanguage(full: string): string {
  // A sample decides; scanning megabytes for scripts would cost more than it tells.
  const text = full.length > 60000 ? full.slice(0, 60000) : full;
  const wide = hasWideCodeUnit(text);
  // Without a script to weigh, the count only has to reach 40.
  const letters = countLetters(text, wide ? Number.POSITIVE_INFINITY : 40);
  if (letters < 40) return 'en';
  // The scripts below have no letter under U+0400 or in U+2000–U+2DDF (punctuation, symbols):
  // a text without a code unit elsewhere skips them all.
  for (const [re, tag] of wide ? SCRIPTS : []) {
    // Most pages hold none of a script: a non-global test stops at the first hit without building an array.
    const n = scriptProbe(re).test(text) ? (text.match(re) ?? []).length : 0;
    if (n / letters > 0.4) {
      if (tag === 'ar' && /[پچژگی]/.test(text) && (text.match(/[پچژگ]/g) ?? []).length > 5) return 'fa';
      if (tag === 'ru' && (text.match(/[іїєґ]/g) ?? []).length > 5) return 'uk';
      return tag;
    }
  }
  const scores = functionWordScores(functionWordSample(text, 20000));
  // The first language with the highest score (the order of FUNCTION_WORDS breaks ties).
  let best = 0;
  for (let l = 1; l < scores.length; l++) if (scores[l]! > scores[best]!) best = l;
  return scores[best]! > 0 ? FUNCTION_WORDS[best]![0] : 'en';
}

/**
 * What the function words are counted in: the lower-cased head, or just the head when that is as
 * good. The patterns read the sample ignoring case (`i` without `u` folds ASCII letters only),
 * and lower-casing maps no character to another length but U+0130 İ ("i̇"), and none into ASCII
 * but İ and the Kelvin sign (to "k", in no function word): without an İ in its first `n` code
 * units, the head finds the tokens the lower-cased head finds, at the same offsets, without
 * lower-casing 20,000 characters.
 */
function functionWordSample(text: string, n: number): string {
  const head = text.length > n ? text.slice(0, n) : text;
  // With an İ the lower-cased text (never shorter than the text) is cut at `n`.
  return head.includes('\u0130') ? text.toLowerCase().slice(0, n) : head;
}

const FUNCTION_WORDS: Array<[string, string[]]> = [
  ['en', ['the', 'and', 'of', 'to', 'is', 'that']],
  ['de', ['der', 'die', 'und', 'das', 'ist', 'nicht']],
  ['fr', ['le', 'les', 'et', 'des', 'est', 'une']],
  ['es', ['el', 'los', 'y', 'del', 'que', 'una']],
];
/**
 * A function word after a space (the first token: after `^`) up to a space or the end, in a group
 * per language, in either case (see `functionWordSample`).
 */
const FUNCTION_WORD_GROUPS = FUNCTION_WORDS.map(([, ws]) => `(${ws.join('|')})`).join('|');
const FUNCTION_WORD_AFTER_SPACE = new RegExp(` (?:${FUNCTION_WORD_GROUPS})(?= |$)`, 'gi');
const FUNCTION_WORD_FIRST = new RegExp(`^(?:${FUNCTION_WORD_GROUPS})(?= |$)`, 'i');

/**
 * Per language of FUNCTION_WORDS, how often its function words (in either case) stand as tokens of
 * `sample.split(' ')`, a token equal to the one just before it not counted when that one was (as
 * non-overlapping `indexOf` matches of ` word ` would count them: a word repeated with one space
 * between counts every other time). The pattern engine finds the tokens (a third faster than
 * reading every token in a loop) and tells the language by the group that matched; a token is
 * right after the previous one when it starts one space past that one's end.
 */
function functionWordScores(sample: string): number[] {
  const scores = FUNCTION_WORDS.map(() => 0);
  // End of the token just counted and its word (-2: none counted just before).
  let countedEnd = -2;
  let counted = '';
  const re = FUNCTION_WORD_AFTER_SPACE;
  re.lastIndex = 0;
  for (let m = FUNCTION_WORD_FIRST.exec(sample) ?? re.exec(sample); m; m = re.exec(sample)) {
    let l = 1;
    while (m[l] === undefined) l++;
    const word = m[l]!;
    // The words compared as the lower-cased sample holds them (a repeat is rare: lower-cased only then).
    if (m.index === countedEnd && word.toLowerCase() === counted.toLowerCase()) countedEnd = -2;
    else {
      scores[l - 1]!++;
      counted = word;
      countedEnd = m.index + m[0].length;
    }
  }
  return scores;
}

const probes = new Map<RegExp, RegExp>();
/** The same pattern without the global flag, for a yes/no test. */
function scriptProbe(re: RegExp): RegExp {
  let probe = probes.get(re);
  if (!probe) {
    probe = new RegExp(re.source, re.flags.replace('g', ''));
    probes.set(re, probe);
  }
  return probe;
}

const LETTER = /\p{L}/u;
/** Whether some code unit lies where the scripts of `SCRIPTS` have letters (U+0400–U+1FFF, U+2DE0 on). */
function hasWideCodeUnit(text: string): boolean {
  // Code units, not code points (no `u`): a surrogate (U+D800–DFFF) is one of the range's.
  return WIDE_CODE_UNIT.test(text);
}
const WIDE_CODE_UNIT = /[\u0400-\u1fff\u2de0-\uffff]/;

/**
 * Code points that are letters (what `text.match(/\p{L}/gu).length` counts), without the array;
 * the count stops at `enough`.
 */
function countLetters(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
      continue;
    }
    // General punctuation (’ “ ” — …, U+2000–U+206F) holds no letter: no test needed.
    if (c >= 0x2000 && c <= 0x206f) continue;
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (LETTER.test(String.fromCodePoint(cp))) n++;
  }
  return n;
}
