import type { Point } from './nodes.js';

/** Error codes the CLI maps to messages and exit codes (citty/remark-cli habit: errors carry a code). */
export type BriefsErrorCode =
  | 'E_INPUT_NOT_FOUND'
  | 'E_INPUT_UNREADABLE'
  | 'E_INPUT_EMPTY'
  | 'E_INPUT_BINARY'
  | 'E_INPUT_TOO_LARGE'
  | 'E_INPUT_INVALID'
  | 'E_CONFIG_INVALID'
  | 'E_OUTPUT'
  | 'E_USAGE'
  | 'E_INTERNAL';

/** A failure with a place: the file and, where there is one, the line and column. */
export class BriefsError extends Error {
  override readonly name = 'BriefsError';
  readonly code: BriefsErrorCode;
  readonly file: string | undefined;
  readonly point: Pick<Point, 'line' | 'column'> | undefined;

  constructor(code: BriefsErrorCode, message: string, where: { file?: string; point?: Pick<Point, 'line' | 'column'> } = {}) {
    super(message);
    this.code = code;
    this.file = where.file;
    this.point = where.point;
  }

  /** `file:line:column: message`, the form editors and CI logs link. */
  format(): string {
    const place = this.file ? `${this.file}${this.point ? `:${this.point.line}:${this.point.column}` : ''}: ` : '';
    return `${place}${this.message}`;
  }
}

export const isBriefsError = (error: unknown): error is BriefsError => error instanceof BriefsError;
