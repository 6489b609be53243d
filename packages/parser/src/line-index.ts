import type { Point, Position } from '@briefs/ast';

/**
 * Offset → line/column for the text as read. LF, CRLF and lone CR each end one line, as in
 * CommonMark §2.1 (so lines agree with micromark's). Columns count UTF-16 code units, 1-based.
 */
/** A line feed or a carriage return: where `LineIndex` looks for line ends. */
const LINE_END = /[\n\r]/g;

export class LineIndex {
  readonly starts: number[] = [0];
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    if (!text.includes('\r')) {
      // LF only (the usual case): line ends by indexOf, no match object per line.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    // Line ends found by a pattern (skipping the characters between them natively), read by code.
    LINE_END.lastIndex = 0;
    for (let m = LINE_END.exec(text); m !== null; m = LINE_END.exec(text)) {
      let i = m.index;
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
      this.starts.push(i + 1);
      LINE_END.lastIndex = i + 1;
    }
  }

  /** Index of the line `point` found last: positions are mostly asked for in reading order. */
  private lastLine = 0;

  /** Clamped into [0, length]: every position we hand out lies inside the source. */
  point(offset: number): Point {
    const at = Math.max(0, Math.min(this.length, offset));
    const lo = this.lineIndex(at);
    return { line: lo + 1, column: at - this.starts[lo]! + 1, offset: at };
  }

  /** Index of the line holding `at` (already clamped). */
  private lineIndex(at: number): number {
    const starts = this.starts;
    // The last line found, or the one after it, holds most offsets: test those before searching.
    let lo = this.lastLine;
    if (!(starts[lo]! <= at && (lo + 1 >= starts.length || at < starts[lo + 1]!))) {
      lo++;
      if (!(lo < starts.length && starts[lo]! <= at && (lo + 1 >= starts.length || at < starts[lo + 1]!))) {
        lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= at) lo = mid;
          else hi = mid - 1;
        }
      }
    }
    this.lastLine = lo;
    return lo;
  }

  position(start: number, end: number): Position {
    const s = Math.max(0, Math.min(this.length, start));
    const e = Math.max(s, Math.min(this.length, end));
    return { start: this.point(s), end: this.point(e) };
  }

  lineOf(offset: number): number {
    return this.lineIndex(Math.max(0, Math.min(this.length, offset))) + 1;
  }
}
