/**
 * Most frequent first, ties by name. Names compare by code units, not `localeCompare`, whose order
 * depends on the ICU data of the machine.
 */
export function rankCounts(counts: ReadonlyMap<string, number>, max: number): Array<[string, number]> {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max);
}

/**
 * Whether a ranking is worth a chart: at least two names, and at least one of them counted more
 * than once (a row of ones ranks nothing).
 */
export function isMeaningfulRanking(ranked: ReadonlyArray<readonly [string, number]>): boolean {
  return ranked.length >= 2 && (ranked[0]?.[1] ?? 0) >= 2;
}
