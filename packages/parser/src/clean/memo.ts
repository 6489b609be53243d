/**
 * Memo tables of the cleaning rules, which ask about the same unit texts many times over a page.
 * They hold one document's answers only: `cleanPage` empties them all when it starts, so nothing
 * carries over from one parse to the next — not even between two parses of the same text, which
 * would let a benchmark that repeats a document measure cache hits instead of the rules.
 */
const tables: Array<Map<unknown, unknown>> = [];

/** A memo table emptied at the start of every page (and by its owner when it grows too large). */
export function memoTable<K, V>(): Map<K, V> {
  const table = new Map<K, V>();
  tables.push(table as Map<unknown, unknown>);
  return table;
}

export function clearMemoTables(): void {
  for (const table of tables) table.clear();
}

/** How many answers a memo table holds before it is emptied. */
const MEMO_LIMIT = 4096;

/**
 * `read`, memoised by its text in a memo table of its own (emptied at every page, and when it
 * reaches MEMO_LIMIT answers). `null` answers are kept like any other.
 */
export function memoised<V>(read: (text: string) => V): (text: string) => V {
  const table = memoTable<string, V>();
  return (text) => {
    const hit = table.get(text);
    if (hit !== undefined) return hit;
    const value = read(text);
    if (table.size >= MEMO_LIMIT) table.clear();
    table.set(text, value);
    return value;
  };
}
