/** Person names as bylines and author boxes print them. */
import { isJsSpace } from './text.js';

const PARTICLES = new Set(['de', 'da', 'del', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'y', 'ben']);
const NOT_NAMES = new Set([
  'experts', 'staff', 'editors', 'editorial', 'board', 'reuters', 'news', 'the', 'share', 'print', 'email', 'subscribe',
  'updated', 'published', 'posted', 'read', 'more', 'learn', 'program', 'blog', 'analysis', 'commentary', 'report',
  'article', 'podcast', 'episode', 'event', 'events', 'topics', 'regions', 'research', 'about', 'contact', 'menu',
  'home', 'search', 'donate', 'login', 'log', 'in', 'sign', 'up', 'newsletter', 'newsletters', 'careers', 'privacy',
  'policy', 'terms', 'cookies', 'view', 'all', 'authors', 'author', 'by', 'and', 'with', 'photo', 'image', 'video',
  'audio', 'link', 'copied', 'download', 'pdf', 'brief', 'institute', 'council', 'center', 'centre', 'foundation',
  'university', 'endowment', 'program', 'programs', 'initiative', 'press', 'media', 'global', 'international',
  'watch', 'forum', 'group', 'agency', 'network', 'society', 'association', 'office', 'review', 'times', 'post',
  'journal', 'bank', 'fund', 'project', 'resource', 'resources', 'alliance', 'coalition', 'committee', 'commission',
  'ministry', 'department', 'service', 'trust', 'partners', 'lab', 'studies', 'affairs', 'relations', 'school',
]);

/** A person's name: 2–5 capitalised words (initials, particles, hyphens and apostrophes allowed). */
export function isPersonName(text: string): boolean {
  const trimmed = text.trim();
  // Dropping a final comma leaves at least 61 of 62 characters: too long (not read to its end).
  if (trimmed.length > 61) return false;
  const t = trimmed.replace(/,$/, '');
  if (t.length < 4 || t.length > 60 || /[\d@:;!?()[\]{}|/]/.test(t)) return false;
  const parts = t.split(/\s+/);
  if (parts.length < 2 || parts.length > 5) return false;
  let capitalised = 0;
  for (const part of parts) {
    const bare = part.replace(/[.,]$/, '');
    if (NOT_NAMES.has(bare.toLowerCase())) return false;
    if (PARTICLES.has(bare.toLowerCase())) continue;
    if (!/^(?:\p{Lu}\.?|\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’.-]*|(?:al|el|bin)-\p{Lu}[\p{L}'’-]*)$/u.test(bare)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}

/**
 * Whether a word of the text (a run between white space and commas, where the separators cut)
 * starts with a lower-case ASCII letter and cannot be a particle, an "and" the separators take, or
 * an "al-"/"el-"/"bin-" name: the part that holds it is refused by `isPersonName` (its pattern
 * wants a capital first), so the text is no list of names. Read up to the first such word (most
 * headlines and sentences have one among their first words) instead of splitting the whole text.
 * Particles are looked for with every final `.`, `;` and `,` dropped (more than `isPersonName`
 * drops): a word that may be one is passed over.
 */
function holdsLowerWord(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 44 || isJsSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && text.charCodeAt(j) !== 44 && !isJsSpace(text.charCodeAt(j))) j++;
    if (c >= 97 && c <= 122) {
      const word = text.slice(i, j);
      const core = word.replace(/[.;,]+$/, '').toLowerCase();
      if (!PARTICLES.has(core) && core !== 'and' && !/^(?:al|el|bin)-/.test(word)) return true;
    }
    i = j;
  }
  return false;
}

/** Characters `isPersonName` refuses (but `;`, which may close the list and is dropped there). */
const NOT_IN_NAMES = /[\d@:!?()[\]{}|/]/;

/** Splits "A, B and C" / "A and B" / "A & B" into names, or null when any part is not a name. */
export function splitNames(text: string): string[] | null {
  // Separators hold none of these characters, so one of them anywhere is in a part, which is then
  // no name: refused before splitting.
  if (NOT_IN_NAMES.test(text) || holdsLowerWord(text)) return null;
  const parts = text
    .trim()
    .replace(/[.;]$/, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || !parts.every(isPersonName)) return null;
  return parts;
}
