/**
 * Seeded random numbers and texts for tests that hold a hand-written scanner to the pattern it
 * stands for: the same ones on every run.
 */

/** Numbers in [0, 1) from a linear congruential generator started at `seed`. */
export function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** `count` texts of `minPieces` to `minPieces + spread - 1` pieces drawn from `pieces`. */
export function randomTexts(pieces: readonly string[], count: number, seed: number, minPieces: number, spread: number): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    let s = '';
    const length = minPieces + Math.floor(next() * spread);
    for (let k = 0; k < length; k++) s += pieces[Math.floor(next() * pieces.length)];
    out.push(s);
  }
  return out;
}
