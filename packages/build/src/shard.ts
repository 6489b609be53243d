import { createHash } from 'node:crypto';
import { BriefsError } from '@briefs/ast';

export interface Shard {
  /** 1-based, as in `--shard 2/4`. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new BriefsError('E_USAGE', `--shard takes i/n with 1 <= i <= n, not '${text}'`);
  }
  return { index, count };
}

/**
 * Whether a document belongs to a shard: by a hash of its doc id, so the split is the same on
 * every machine, does not depend on the order of inputs, and keeps documents spread evenly.
 */
export function inShard(docId: string, shard: Shard): boolean {
  const n = createHash('sha256').update(docId).digest().readUInt32BE(0);
  return n % shard.count === shard.index - 1;
}
