import { describe, expect, it } from 'vitest';
import { visualLine } from '../src/bidi.js';

const texts = (line: ReturnType<typeof visualLine>): string[] => line.runs.map((r) => r.text);

describe('visualLine (UAX #9 runs in drawing order)', () => {
  it('leaves Latin text alone', () => {
    const line = visualLine('Plain English text.', 'ltr');
    expect(line.rtl).toBe(false);
    expect(texts(line)).toEqual(['Plain English text.']);
  });
  it('keeps an Arabic run in logical order for fontkit, which reverses it', () => {
    const line = visualLine('Arabic: إصلاح الشبكة', 'ltr');
    expect(texts(line)).toEqual(['Arabic: ', 'إصلاح الشبكة']);
    expect(line.runs[1]).toMatchObject({ rtl: true, arabic: true });
  });
  it('puts the runs of an RTL paragraph right to left, digits inside left to right', () => {
    // UAX #9: the digits after Arabic letters become AN (W2) at level 2; the spaces level 1.
    const line = visualLine('زمستان 2024 سرد', 'auto');
    expect(line.rtl).toBe(true);
    expect(texts(line)).toEqual([' سرد', '2024', 'زمستان ']);
    expect(line.runs.map((r) => r.rtl)).toEqual([true, false, true]);
  });
  it('places a Latin name inside Arabic text in visual order', () => {
    const line = visualLine('قال John Smith اليوم', 'rtl');
    expect(texts(line)).toEqual([' اليوم', 'John Smith', 'قال ']);
    expect(line.runs.map((r) => r.arabic)).toEqual([true, false, true]);
  });
});
