/** Test helpers for page cleaning: run `cleanPage` on text and read back what stayed. */
import { cleanPage } from '../src/clean/index.js';
import type { CleanResult, Unit } from '../src/units.js';
import { unitsFromText } from './clean-units.js';

export interface Cleaned {
  result: CleanResult;
  units: Unit[];
  source: string;
  /** Body and heading text as kept (drop ranges removed), one entry per unit. */
  body: string[];
  bodyText: string;
  /** The rule that dropped the unit whose text contains `needle`, or 'body' / 'heading' / 'caption'. */
  ruleOf(needle: string, which?: 'first' | 'last'): string;
  decisionOf(needle: string, which?: 'first' | 'last'): CleanResult['decisions'][number];
}

export function cleanText(source: string): Cleaned {
  const { units, context } = unitsFromText(source);
  const result = cleanPage(units, context);
  const body: string[] = [];
  units.forEach((u, i) => {
    const d = result.decisions[i]!;
    if (d.role !== 'body' && d.role !== 'heading') return;
    if (!d.drop?.length) {
      body.push(u.text);
      return;
    }
    let kept = '';
    let at = u.start;
    for (const r of d.drop) {
      kept += source.slice(at, r.start);
      at = Math.max(at, r.end);
    }
    kept += source.slice(at, u.end);
    body.push(kept);
  });
  const find = (needle: string, which: 'first' | 'last' = 'first'): number => {
    const i = which === 'first' ? units.findIndex((u) => u.text.includes(needle)) : units.findLastIndex((u) => u.text.includes(needle));
    if (i < 0) throw new Error(`no unit contains ${JSON.stringify(needle)}`);
    return i;
  };
  return {
    result,
    units,
    source,
    body,
    bodyText: body.join('\n'),
    ruleOf(needle, which) {
      const d = result.decisions[find(needle, which)]!;
      return d.role === 'residue' ? (d.rule ?? 'residue') : d.role;
    },
    decisionOf: (needle, which) => result.decisions[find(needle, which)]!,
  };
}

/** Fictional running text, long enough to read as article prose. */
export const PROSE = [
  'The harbour authority in Velmora approved a new dredging plan on Tuesday after three years of delays, officials said.',
  'Engineers expect the channel to reach a depth of fourteen metres by the end of the decade, allowing larger grain carriers to dock.',
  'Local fishing cooperatives have objected that the works will disturb spawning grounds along the northern shore for at least two seasons.',
  'The regional council has promised compensation, but the amount and the schedule of payments remain under negotiation with the cooperatives.',
  'Analysts at the provincial development bank estimate that the project could raise cargo volumes by a fifth within five years of completion.',
  'Critics counter that the estimate assumes steady demand from inland mills that have been closing at a rate of two a year since the drought.',
].map((s, i) => `${s} ${['Observers remain divided about the outcome.', 'The debate is likely to continue into the spring.', 'No final figures have been published yet.'][i % 3]}`);

/** An article body of `n` paragraphs, blank-line separated. */
export const paragraphs = (n: number, from = 0): string =>
  Array.from({ length: n }, (_, k) => PROSE[(from + k) % PROSE.length]!).join('\n\n');
