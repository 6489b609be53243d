/**
 * One cheap pass over a sentence: its lower-case words as a set, and whether it holds a digit.
 * The rule modules test these before running their patterns, so a sentence without a month name
 * never meets the month patterns; that keeps `analyze` near one pass per sentence.
 */
export interface Lexed {
  words: ReadonlySet<string>;
  digits: boolean;
  /** Offset of the first letter or digit: a word there is the first of the sentence. */
  firstWordAt: number;
}

export function lex(text: string): Lexed {
  const words = new Set(text.toLowerCase().split(/[^a-z]+/));
  const first = text.search(/[\p{L}\d]/u);
  return { words, digits: /\d/.test(text), firstWordAt: first < 0 ? text.length : first };
}

export function hasAny(lexed: Lexed, words: ReadonlySet<string>): boolean {
  for (const word of lexed.words) if (words.has(word)) return true;
  return false;
}
