/** Publisher names: title suffixes ("… | Reuters"), domains, and phrases that spell a domain. */
import { memoTable } from './memo.js';
import { fold, isJsSpace, titleCaseRatio, wordCount } from './text.js';

/** Splits "Title - Publisher" / "Title | Publisher"; the suffix must look like a name. */
export function splitTitleSuffix(title: string, domain = ''): { title: string; publisher: string } {
  const m = /^(.*\S)\s+(?:[|–—]|-|::)\s+([^|–—]+)$/.exec(title.trim());
  if (!m) return { title: title.trim(), publisher: '' };
  const head = m[1]!.trim();
  const tail = m[2]!.trim();
  const n = wordCount(tail);
  const matchesDomain = domain !== '' && spellsDomain(tail, domain);
  if (matchesDomain || (n >= 1 && n <= 6 && titleCaseRatio(tail) >= 0.99 && wordCount(head) >= 3)) {
    return { title: head, publisher: tail };
  }
  return { title: title.trim(), publisher: '' };
}

/** The registrable label of a host: `www.cfr.org` → `cfr`, `news.bbc.co.uk` → `bbc`. */
export function domainLabel(host: string): string {
  const parts = host.toLowerCase().replace(/^www\d?\./, '').split('.');
  if (parts.length >= 3 && /^(?:co|com|org|ac|gov|net)$/.test(parts[parts.length - 2]!)) return parts[parts.length - 3]!;
  return parts.length >= 2 ? parts[parts.length - 2]! : parts[0]!;
}

/** `domainLabel` of the last domain asked about: `publisherFromText` asks once per sub-phrase. */
let lastDomain: string | null = null;
let lastLabel = '';
function labelOf(domain: string): string {
  if (domain !== lastDomain) {
    lastLabel = domainLabel(domain);
    lastDomain = domain;
  }
  return lastLabel;
}

export function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#]+)/i.exec(url.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Whether a name spells a domain: "Atlantic Council" ~ atlanticcouncil.org, "Council on
 * Foreign Relations" ~ cfr.org (initials of its capitalised words), "Foreign Policy" ~ foreignpolicy.com.
 */
export function spellsDomain(name: string, domain: string): boolean {
  const label = labelOf(domain);
  if (label.length < 2) return false;
  const compact = fold(name).replace(/\s+/g, '');
  if (compact === label) return true;
  if (label.length >= 6 && compact.startsWith(label)) return true;
  if (label.length >= 6 && label.startsWith(compact) && compact.length >= 6) return true;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join('');
  return initials.length >= 2 && initials === label;
}

/**
 * The longest sub-phrase of one capitalised phrase that spells the domain (the first of that
 * length), memoised per domain: a body repeats its phrases ("Russia", "the European Union").
 */
let phraseDomain: string | null = null;
const phraseBest = memoTable<string, string | null>();
/** `spellsDomain(candidate, phraseDomain)`: sub-phrases recur across phrases ("Russia", "Ukraine"). */
const candidateSpells = memoTable<string, boolean>();
function bestInPhrase(phrase: string, domain: string): string | null {
  if (domain !== phraseDomain) {
    phraseBest.clear();
    candidateSpells.clear();
    phraseDomain = domain;
  }
  if (candidateSpells.size >= 8192) candidateSpells.clear();
  if (!mayLead(phrase, labelOf(domain).charCodeAt(0))) return null;
  const hit = phraseBest.get(phrase);
  if (hit !== undefined) return hit;
  const ws = phrase.split(/\s+/);
  // Whether each word is capitalised, tested once instead of once per sub-phrase ending there.
  const capital = ws.map((w) => /^\p{Lu}/u.test(w));
  const lead = leadsOf(ws, capital, labelOf(domain).charCodeAt(0), phrase);
  let best: string | null = null;
  // Try every sub-phrase that starts and ends with a capitalised word.
  for (let a = 0; a < ws.length; a++) {
    for (let b = ws.length; b > a; b--) {
      if (!capital[b - 1]) continue;
      if (lead && b <= lead[a]!) continue;
      const candidate = ws.slice(a, b).join(' ').replace(/[’']s$/, '');
      let spells = candidateSpells.get(candidate);
      if (spells === undefined) {
        spells = spellsDomain(candidate, domain);
        candidateSpells.set(candidate, spells);
      }
      if (spells && (!best || candidate.length > best.length)) best = candidate;
    }
  }
  if (phraseBest.size >= 8192) phraseBest.clear();
  phraseBest.set(phrase, best);
  return best;
}

/**
 * For a phrase of ASCII and general punctuation (’, —: what `fold` reads without normalising):
 * for each start word `a`, the end `b` a sub-phrase [a, b) must pass to spell the domain. Every
 * way `spellsDomain` says yes starts with the label's first letter: its folded text does (its
 * first ASCII letter or digit, lower-cased) or its initials do (the first letter of its first
 * capitalised word). Sub-phrases that reach neither such a word cannot spell it and are not
 * built. Null (try every sub-phrase) for other phrases.
 */
function leadsOf(ws: readonly string[], capital: readonly boolean[], first: number, phrase: string): Int32Array | null {
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (c >= 0x80 && (c < 0x2000 || c > 0x206f)) return null;
  }
  // lead[a]: the least k >= a where word k's first letter or digit, or (capitalised) its
  // initial, is the label's first letter; ws.length when there is none.
  const lead = new Int32Array(ws.length + 1);
  let alnumAt = ws.length;
  let capitalAt = ws.length;
  lead[ws.length] = ws.length;
  for (let k = ws.length - 1; k >= 0; k--) {
    if (firstAlnum(ws[k]!) >= 0) alnumAt = k;
    if (capital[k]) capitalAt = k;
    const viaAlnum = alnumAt < ws.length && firstAlnum(ws[alnumAt]!) === first ? alnumAt : ws.length;
    const viaInitial = capitalAt < ws.length && ws[capitalAt]!.charCodeAt(0) + 32 === first ? capitalAt : ws.length;
    lead[k] = Math.min(viaAlnum, viaInitial);
  }
  return lead;
}

/**
 * False when `leadsOf` would find no start for a sub-phrase (the phrase is of ASCII and general
 * punctuation, and no word's first letter or digit is the label's first letter): asked before the
 * phrase is split, memoised or hashed, and most phrases of a body are refused by it.
 */
function mayLead(phrase: string, first: number): boolean {
  // Whether the current word's first letter or digit is still to be found.
  let seeking = true;
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (c >= 0x80 && (c < 0x2000 || c > 0x206f)) return true;
    if (isJsSpace(c)) {
      seeking = true;
      continue;
    }
    if (!seeking) continue;
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)) {
      // A capitalised word's initial is its first letter: the one test covers both of leadsOf's.
      if (lower === first) return true;
      seeking = false;
    }
  }
  return false;
}

/** The first ASCII letter or digit of a word, lower-cased, as a code; -1 when there is none. */
function firstAlnum(word: string): number {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return c;
    if (c >= 65 && c <= 90) return c + 32;
  }
  return -1;
}

/** A capitalised phrase (what `publisherFromText` looks for), sticky: tried where a capital may start. */
const PHRASE = /(?:\p{Lu}[\p{L}'’&.-]*)(?:\s+(?:(?:of|on|for|the|and|&)\s+)?\p{Lu}[\p{L}'’&.-]*){0,6}/uy;

/**
 * Where `PHRASE` may start: an ASCII capital, or a wider code unit outside U+0080–U+00BF and
 * General Punctuation (U+2000–U+206F), which hold no capital letter (’ “ ” — are common in text).
 */
const PHRASE_START = /[A-Z\u00c0-\u1fff\u2070-\uffff]/g;

/** Finds, in a text, a capitalised phrase of 1–6 words that spells the domain. */
export function publisherFromText(text: string, domain: string): string | null {
  let best: string | null = null;
  // The phrases the global pattern finds, in order: it is tried only where the text's character
  // may be a capital (found by the pattern engine: a loop over every character of a whole body
  // cost more than the phrases); a surrogate pair is one character to it.
  const n = text.length;
  for (let i = 0; i < n; ) {
    PHRASE_START.lastIndex = i;
    if (!PHRASE_START.test(text)) break;
    const at = PHRASE_START.lastIndex - 1;
    PHRASE.lastIndex = at;
    const m = PHRASE.exec(text);
    if (m === null) {
      const c = text.charCodeAt(at);
      i = at + (c >= 0xd800 && c <= 0xdbff && at + 1 < n && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
      continue;
    }
    i = PHRASE.lastIndex;
    // Each phrase's first longest candidate, then the first longest over the phrases: the first
    // longest candidate of the whole text, as when every sub-phrase was tried here in turn.
    const candidate = bestInPhrase(m[0], domain);
    if (candidate !== null && (!best || candidate.length > best.length)) best = candidate;
  }
  return best;
}
