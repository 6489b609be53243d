/** Author bios: "Name is a fellow at …" lines that close articles and fill author boxes. */
import { isPersonName } from './names.js';
import { memoised } from './memo.js';
import { clean, withoutBioMarker, wordCount } from './text.js';

const ROLE =
  /\b(?:fellow|editor|director|professor|correspondent|reporter|writer|journalist|analyst|scholar|researcher|author|associate|president|chair(?:man|woman)?|founder|lecturer|member|head|manager|officer|minister|ambassador|advis[eo]r|expert|contributor|columnist|economist|specialist|coordinator|lead|principal|partner|consultant|intern|student|chief|dean)\b/i;

/**
 * A closing bio: "Name is (a|the) <role> at/of <org>." Returns the name, or null. Memoised
 * (bounded): the tail rules ask about the same units again and again.
 */
export function closingBioName(text: string): string | null {
  return text.length > 1500 ? null : bioName(text);
}

const bioName = memoised((text: string): string | null => {
  const t = withoutBioMarker(clean(text));
  if (wordCount(t) > 80) return null;
  const m = /^(.{3,60}?)(?:[’']s)?\s+(?:is|was|serves as|has been|are|were)\s+(?:also\s+)?(?:an?\s+|the\s+)?(.+)$/.exec(t);
  if (!m) return null;
  const name = m[1]!.trim();
  const rest = m[2]!;
  if (!ROLE.test(rest)) return null;
  if (isPersonName(name)) return name;
  const pair = /^(.+?)\s+and\s+(.+)$/.exec(name);
  if (pair && isPersonName(pair[1]!) && isPersonName(pair[2]!)) return name;
  return null;
});

/** A role line under a name in an author box: "Senior Fellow, Russia and Eurasia Program". */
export function isRoleLine(text: string): boolean {
  const t = clean(text);
  const n = wordCount(t);
  return n >= 1 && n <= 16 && !/[.!?]$/.test(t) && ROLE.test(t);
}
