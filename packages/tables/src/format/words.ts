/**
 * Words of a text: runs between Unicode white space that hold at least one letter or digit
 * (so a lone dash or bullet is not a word; Arabic and Farsi words count like any other).
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/[\s\p{Zs}]+/u)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}
