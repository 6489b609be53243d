/** Page cleaning never throws and keeps its promises on arbitrary input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../src/clean/index.js';
import { unitsFromText } from './clean-units.js';

const LINES = [
  'RECOMMENDED', 'TOPICS', 'By', 'Jane Doe', 'Nov 7, 2019', 'Share', 'Subscribe', '◆', 'Q&A', 'Brief Analysis',
  'Also available in', '[العربية](/ar/x)', 'ABOUT THE AUTHORS', '{', '"authors": ["A B"]', '}', 'A. one', 'B. two',
  'C. three', 'Which one?', 'Lea Kim:', 'Tomas Berg:', '**Lead.** Text follows here.', 'WHAT CHANGED',
  'The council approved the plan on Tuesday after three years of delays, officials said in a statement.',
  '## Metadata', '- **URL**: https://x.example.org/a', '## Content', '## Links', '- [Chile](https://x.example.org/regions/chile)',
  '', '© 2026', 'Reporting by Ana Ruiz; Editing by Lea Kim', '[](https://x.example.org/</a/b>)',
];

describe('cleanPage on arbitrary pages', () => {
  it('returns one decision per unit, residue inside the source, drops inside their unit', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 60 })), { maxLength: 60 }), (lines) => {
        const source = lines.join('\n');
        const { units, context } = unitsFromText(source);
        const result = cleanPage(units, context);
        expect(result.decisions).toHaveLength(units.length);
        for (const r of result.residue) {
          expect(r.position.start.offset).toBeGreaterThanOrEqual(0);
          expect(r.position.end.offset).toBeLessThanOrEqual(source.length);
          expect(r.position.start.offset).toBeLessThanOrEqual(r.position.end.offset);
        }
        result.decisions.forEach((d, i) => {
          const u = units[i]!;
          for (const drop of d.drop ?? []) {
            expect(drop.start).toBeGreaterThanOrEqual(u.start);
            expect(drop.end).toBeLessThanOrEqual(u.end);
          }
          if (d.role === 'heading') expect(d.depth ?? u.depth).toBeGreaterThanOrEqual(1);
        });
      }),
      { numRuns: 300, seed: 7 },
    );
  });
  it('is deterministic', () => {
    const source = LINES.join('\n\n');
    const a = unitsFromText(source);
    const b = unitsFromText(source);
    expect(JSON.stringify(cleanPage(a.units, a.context))).toBe(JSON.stringify(cleanPage(b.units, b.context)));
  });
  it('finishes quickly on a long page of short lines', () => {
    const source = Array.from({ length: 5000 }, (_, i) => LINES[i % LINES.length]).join('\n');
    const { units, context } = unitsFromText(source);
    const t = performance.now();
    cleanPage(units, context);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
