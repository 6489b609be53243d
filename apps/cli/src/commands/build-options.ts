import { parseShard, type Shard } from '@briefs/build';
import { UsageError } from '../io.js';

/** Options shared by `build`, `export` and `merge`, as citty args. */
export const commonArgs = {
  out: { type: 'string', description: 'Output folder', required: true },
  pack: { type: 'string', description: 'Pack file (title, order, theme…) for pack.pdf and the briefs' },
  config: { type: 'string', description: 'Config file (default: briefs.config.json in the working folder, if any)' },
  bom: { type: 'boolean', description: 'Start every CSV with a UTF-8 byte order mark (for Excel)' },
  xlsx: { type: 'boolean', description: 'Also write data/briefs.xlsx (default; --no-xlsx to skip)' },
  json: { type: 'boolean', description: 'Print a machine-readable summary on stdout' },
} as const;

export function inputsOf(args: { _: string[]; inputs?: unknown }): string[] {
  const inputs = args._.length > 0 ? args._ : typeof args.inputs === 'string' ? [args.inputs] : [];
  if (inputs.length === 0) throw new UsageError('give at least one input file or folder');
  return inputs;
}

export function jobsOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of at least 1, not '${String(value)}'`);
  return jobs;
}

export function maxBytesOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new UsageError(`--max-bytes takes a positive number, not '${String(value)}'`);
  return n;
}

export function shardOf(value: unknown): Shard | null {
  if (value === undefined) return null;
  try {
    return parseShard(String(value));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Settings options as @briefs/build takes them, leaving out what was not given. */
export function settingsOf(args: Record<string, unknown>): { pack?: string; config?: string; bom?: boolean; xlsx?: boolean } {
  return {
    ...(typeof args.pack === 'string' ? { pack: args.pack } : {}),
    ...(typeof args.config === 'string' ? { config: args.config } : {}),
    ...(typeof args.bom === 'boolean' ? { bom: args.bom } : {}),
    ...(typeof args.xlsx === 'boolean' ? { xlsx: args.xlsx } : {}),
  };
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)}s`;
