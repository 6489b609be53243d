/**
 * One cheap pass over a sentence: its lower-case words as a set, and whether it holds a digit.
 * The rule modules test these before running their patterns, so a sentence without a month name
 * never meets the month patterns; that keeps `analyze` near one pass per sentence.
 */
export interface Lexed {
  /** The text lower-cased: a pattern's literal words can be looked for in it before the pattern runs. */
  lower: string;
  words: ReadonlySet<string>;
  digits: boolean;
  /** Offset of the first letter or digit: a word there is the first of the sentence. */
  firstWordAt: number;
}

export function lex(text: string): Lexed {
  // What `new Set(lower.split(/[^a-z]+/))` holds ('' included when the text does not start or end
  // with a letter), read in one loop that also notes digits.
  const lower = text.toLowerCase();
  const words = new Set<string>();
  let digits = false;
  let from = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      if (from < 0) from = i;
      continue;
    }
    if (c >= 48 && c <= 57) digits = true;
    if (from >= 0) words.add(lower.slice(from, i));
    else if (i === 0) words.add('');
    from = -1;
  }
  if (from >= 0) words.add(lower.slice(from));
  else words.add('');
  const first = text.search(/[\p{L}\d]/u);
  return { lower, words, digits, firstWordAt: first < 0 ? text.length : first };
}

export function hasAny(lexed: Lexed, words: ReadonlySet<string>): boolean {
  // Walk the smaller set, look up in the larger one.
  if (lexed.words.size <= words.size) {
    for (const word of lexed.words) if (words.has(word)) return true;
  } else {
    for (const word of words) if (lexed.words.has(word)) return true;
  }
  return false;
}

/** `\s` of a regular expression: ECMAScript white space and line terminators, by code unit. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
