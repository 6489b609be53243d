/** Person names as bylines and author boxes print them. */

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

/** Characters `isPersonName` refuses (but `;`, which may close the list and is dropped there). */
const NOT_IN_NAMES = /[\d@:!?()[\]{}|/]/;

/** Splits "A, B and C" / "A and B" / "A & B" into names, or null when any part is not a name. */
export function splitNames(text: string): string[] | null {
  // Separators hold none of these characters, so one of them anywhere is in a part, which is then
  // no name: refused before splitting.
  if (NOT_IN_NAMES.test(text)) return null;
  const parts = text
    .trim()
    .replace(/[.;]$/, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || !parts.every(isPersonName)) return null;
  return parts;
}
