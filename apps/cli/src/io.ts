import { type BriefsError, isBriefsError } from '@briefs/ast';

/** Where a command's output goes: stdout for results, stderr for diagnostics. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes of CONTRACT.md. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A usage mistake (unknown option, missing input): exit 2 with the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One line for a failure: `file:line:column: message` for ours, the message for anything else. */
export function describeError(error: unknown): string {
  if (isBriefsError(error)) return (error as BriefsError).format();
  if (error instanceof Error) return error.message;
  return String(error);
}
