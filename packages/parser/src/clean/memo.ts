/**
 * Memo tables of the cleaning rules, which ask about the same unit texts many times over a page.
 * They hold one document's answers only: `cleanPage` empties them all when it starts, so nothing
 * carries over from one parse to the next — not even between two parses of the same text, which
 * would let a benchmark that repeats a document measure cache hits instead of the rules.
 */
const tables: Array<Map<unknown, unknown>> = [];
/** Other per-page state of the memoised helpers (their last answer), forgotten with the tables. */
const forgetters: Array<() => void> = [];

/** A memo table emptied at the start of every page (and by its owner when it grows too large). */
export function memoTable<K, V>(): Map<K, V> {
  const table = new Map<K, V>();
  tables.push(table as Map<unknown, unknown>);
  return table;
}

export function clearMemoTables(): void {
  for (const table of tables) table.clear();
  for (const forget of forgetters) forget();
}

/** How many answers a memo table holds before it is emptied. */
const MEMO_LIMIT = 4096;

/** A memoised reader, and a way to record an answer found by other means. */
export interface Memoised<V> {
  (text: string): V;
  /** Records `value` as the answer for `text`: it must be what `read(text)` returns. */
  prime(text: string, value: V): void;
}

/**
 * `read`, memoised by its text in a memo table of its own (emptied at every page, and when it
 * reaches MEMO_LIMIT answers). `null` answers are kept like any other. The last text asked about
 * is answered before the table is looked in: rules ask in runs (every line rule with a length
 * limit asks `wordCount` of the same text; three in four of its calls repeat the one before).
 */
export function memoised<V>(read: (text: string) => V): Memoised<V> {
  const table = memoTable<string, V>();
  let lastText: string | undefined;
  let lastValue: V | undefined;
  forgetters.push(() => {
    lastText = undefined;
    lastValue = undefined;
  });
  const memo = (text: string): V => {
    if (text === lastText) return lastValue as V;
    let value = table.get(text);
    if (value === undefined) {
      value = read(text);
      if (table.size >= MEMO_LIMIT) table.clear();
      table.set(text, value);
    }
    lastText = text;
    lastValue = value;
    return value;
  };
  memo.prime = (text: string, value: V): void => {
    if (table.size >= MEMO_LIMIT) table.clear();
    table.set(text, value);
  };
  return memo;
}
