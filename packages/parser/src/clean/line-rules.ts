/**
 * Residue that a single unit shows on its own: navigation words, share bars, cookie notices,
 * promos… Each rule tests the unit's cleaned text as a whole. Rules are written so a body
 * sentence that merely mentions "share" or "subscribe" does not match: they anchor on the
 * start and end of short units and on phrasing that prose does not use.
 */
import { memoised } from './memo.js';
import { isJsSpace, wordCount } from './text.js';

export interface LineRule {
  id: string;
  /**
   * `n` is `wordCount(text)`, counted once for all the rules (most of them refuse long texts
   * first); `scanned` whether the text holds a word of SCANNED_WORDS.
   */
  test: (text: string, n: number, scanned: boolean) => boolean;
  /**
   * The ASCII characters a text this rule matches may start with (letters in either case), for a
   * rule anchored at the start; none: any. A text starting with another ASCII character is not
   * tried on the rule; one starting with white space or a wider character is tried on every rule.
   */
  first?: string;
}

/** Words that make up site menus, alone on a line. */
const MENU_WORDS = new Set(
  `home|menu|search|about|about us|contact|contact us|experts|events|research|topics|regions|programs|projects|
publications|articles|blogs|podcasts|videos|newsletters|donate|support|support us|login|log in|
member login|sign in|sign up|register|more|global locations|careers|jobs|press|media|for media|privacy|privacy policy|
terms|terms of use|terms of service|cookie policy|cookies|accessibility|sitemap|rss|membership|fellowships|
annual reports|government resources|all topics|all regions|topics & regions|regions & countries|
experts & staff|related|follow us|connect with us|back to top|top|next|previous|open menu|close|close menu|toggle navigation|
skip navigation|main menu|navigation|account|my account|language|english|español|français|deutsch`
    .split('|')
    .map((w) => w.trim()),
);

const MENU_WORD_LENGTH = Math.max(...[...MENU_WORDS].map((w) => w.length));

/**
 * A menu word alone: `MENU_WORDS.has(t.toLowerCase().replace(/[.:|]+$/, '').trim())`. Lower-casing
 * never shortens a text and leaves `.:|` and white space alone, so a text whose core (without its
 * final run of `.:|` and outer white space) is longer than every menu word is none: paragraphs are
 * refused without being lower-cased.
 */
function isMenuWord(t: string): boolean {
  let end = t.length;
  while (end > 0 && (t.charCodeAt(end - 1) === 46 || t.charCodeAt(end - 1) === 58 || t.charCodeAt(end - 1) === 124)) end--;
  // A core with no white space at either end is its own trimmed self: its length tells without slicing.
  if (end > MENU_WORD_LENGTH && !isJsSpace(t.charCodeAt(0)) && !isJsSpace(t.charCodeAt(end - 1))) return false;
  if (t.slice(0, end).trim().length > MENU_WORD_LENGTH) return false;
  return MENU_WORDS.has(t.toLowerCase().replace(/[.:|]+$/, '').trim());
}

/*
 * Words every match of a scanning rule's pattern holds (case-insensitively, as the pattern reads):
 * short units are tested for the word before the long alternations are tried at every offset.
 */
const COOKIE_WORD = /cookie/i;
const NEWSLETTER_WORD = /newsletter|inbox|delivered/i;
const SUBSCRIPTION_WORD = /subscri|specialty rates|equip your|exclusive news|refinitiv/i;
const WIDGET_WORD = /translate|preventing|javascript|browser|audio recording|listen to this/i;
const DISCLAIMER_WORD = /reflect|represent|institutional|views expressed/i;
/**
 * Any of the words above, asked once of a text of at most 80 words (the longest those rules
 * take): a text holding none is refused by them all at the price of one scan (one pattern with
 * every word costs a third of the five).
 */
const SCANNED_WORDS = new RegExp([COOKIE_WORD, NEWSLETTER_WORD, SUBSCRIPTION_WORD, WIDGET_WORD, DISCLAIMER_WORD].map((re) => re.source).join('|'), 'i');
const SCANNED_MAX_WORDS = 80;
/**
 * The words of the rules that still take a text of 46–60 words (cookie notices, disclaimers):
 * such a text is scanned for these only. Past 60 words only the cookie rule is left, and it
 * tests its one word itself: `scanned` is then true without a scan (a long alternation costs
 * several times the single word, and most paragraphs are that long).
 */
const COOKIE_OR_DISCLAIMER_WORD = new RegExp([COOKIE_WORD, DISCLAIMER_WORD].map((re) => re.source).join('|'), 'i');

export const LINE_RULES: LineRule[] = [
  { id: 'navigation', first: 's', test: (t) => /^(?:skip to (?:main )?(?:content|navigation|search|footer)\b\s*)+$/i.test(t) },
  { id: 'navigation', first: 'g', test: (t) => /^go back to (?:the )?(?:main|previous|home) ?page\s*\.?$/i.test(t) },
  { id: 'navigation', test: isMenuWord },
  {
    id: 'share-bar',
    first: 'smeftxlwrpcbg',
    test: (t, n) =>
      n <= 14 &&
      /^(?:(?:share(?: this(?: article| page| story)?)?|mail|e-?mail|facebook|twitter(?: \/ x)?|x|linkedin|whatsapp|telegram|reddit|print(?: this (?:article|page))?|copy link|link copied|bluesky|threads|flipboard|pocket|save|bookmark|comments?|gift this article|listen)\b[\s|/·•,:]*)+$/i.test(
        t,
      ),
  },
  { id: 'share-bar', first: 'd', test: (t) => /^download(?: (?:the )?(?:pdf|report|full report|article))?\s*(?:\((?:pdf\s*[-–]?\s*)?[\d.,]+\s*[kmg]b\))?$/i.test(t) },
  { id: 'share-bar', first: 'pro', test: (t) => /^(?:purchase licensing rights|reprints? (?:and|&) permissions|opens new tab|read more)[\s,.]*$/i.test(t) },
  { id: 'read-time', first: 'er0123456789', test: (t) => /^(?:estimated )?(?:reading time:?\s*)?\d+\s*(?:-\s*)?(?:min(?:ute)?s?|hours?)(?: read| listen)?\s*$/i.test(t) && /read|min/i.test(t) },
  { id: 'advertisement', first: 'as', test: (t) => /^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: this)? advertisement|scroll to continue(?: with content)?|article continues below)\s*$/i.test(t) },
  { id: 'cookie-notice', first: 'armcig', test: (t) => /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?|manage (?:preferences|cookies|settings)|cookie settings|i agree|got it)\s*$/i.test(t) },
  { id: 'share-bar', first: 'f', test: (t, n) => n <= 12 && /^follow (?:us|\S+) on (?:twitter|x|facebook|linkedin|instagram|bluesky|threads|youtube|tiktok)\b/i.test(t) },
  { id: 'syndication-note', first: 'ta', test: (t, n) => n <= 40 && /^(?:this (?:article|piece|story|essay|commentary) (?:was |is )?(?:originally |first )?(?:published|appeared|posted)|a version of this (?:article|piece|story) (?:was|first|originally|appeared))\b/i.test(t) },
  { id: 'learn-more', first: 'cr', test: (t) => /^(?:continue reading|read the full (?:story|article|report)|click here to (?:read|subscribe|download)[^.]*)\s*[.›»→>]*$/i.test(t) },
  { id: 'learn-more', first: 'lrsvm', test: (t) => /^(?:learn more|read more|see more|view all|show more|load more|more)\s*[›»→>]*$/i.test(t) },
  {
    id: 'cookie-notice',
    test: (t, n, scanned) =>
      n <= 80 &&
      scanned &&
      COOKIE_WORD.test(t) &&
      /\b(?:we use cookies|uses cookies|use of cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b/i.test(t),
  },
  {
    id: 'newsletter-promo',
    test: (t, n, scanned) => {
      if (n > 45) return false;
      // The anchored branches start with an s, g or j (either case): the first character's code
      // or-ed with 32 is one of theirs only for those. "Sign up here" ends with an e or a stop.
      const head = t.charCodeAt(0) | 32;
      const last = t.charCodeAt(t.length - 1);
      return (
        (head === 115 && /^(?:sign up|subscribe)\b/i.test(t) && n <= 25) ||
        ((head === 103 || head === 106) &&
          /^(?:get (?:more|the latest|our|\S+[’']s)\b.*(?:newsletter|brief|news|analysis|inbox|updates)|join (?:our|the) (?:mailing list|newsletter))/i.test(t)) ||
        (scanned && NEWSLETTER_WORD.test(t) && /\b(?:newsletter|in your inbox|to your inbox|delivered (?:weekdays|daily|weekly))\b.*(?:sign up|subscribe|here|weekdays|daily|weekly|inbox)\.?$/i.test(t)) ||
        // A match is the text's last 12 or 13 characters; the 14th from the end decides `\b`.
        (((last | 32) === 101 || last === 46) && /\bsign up here\.?$/i.test(t.slice(-14))) ||
        (head === 115 && /^subscribe(?: now| today| here)?[.!]?$/i.test(t))
      );
    },
  },
  {
    id: 'subscription-promo',
    test: (t, n, scanned) =>
      n <= 45 &&
      scanned &&
      SUBSCRIPTION_WORD.test(t) &&
      /(?:subscribe now\s*\|\s*log in|exclusively for \S+ subscribers|is a benefit of an? .{0,40}subscription|when you subscribe now|specialty rates for students|equip your organization with|exclusive news, data and analytics for|learn more about ?refinitiv)/i.test(
        t,
      ),
  },
  {
    id: 'comments',
    first: 'jpyc0123456789',
    test: (t, n) =>
      n <= 40 &&
      /^(?:join the conversation|please follow our comment guidelines|you are commenting as|comments? (?:are|is) closed|leave a comment|\d+ comments?$)/i.test(t),
  },
  {
    id: 'event-promo',
    first: 'oivulewj',
    test: (t, n) =>
      (n <= 40 && /^(?:online event|in-person event|virtual event|upcoming event|live event|event|webinar)\b.{0,40}\d{4}/i.test(t)) ||
      (n <= 90 && /^join us (?:at|for)\b.*(?:register|rsvp|tickets|summit|conference|event)/i.test(t)),
  },
  {
    id: 'error-template',
    // The first pattern's words found by `includes` before it scans; the second starts with an i (either case).
    test: (t) =>
      (t.includes('ERROR MESSAGE ') && /\bERROR MESSAGE (?:HEADING|SUBHEADING|CONTENT|INFO)\b/.test(t)) ||
      ((t.charCodeAt(0) | 32) === 105 && /^invalid (?:video|audio|embed) url\.?$/i.test(t)),
  },
  {
    id: 'widget-text',
    test: (t, n, scanned) =>
      n <= 30 &&
      scanned &&
      WIDGET_WORD.test(t) &&
      /(?:help improve google translate|this issue is preventing our website from loading|please (?:enable|turn on) javascript|your browser (?:does not|doesn['’]t) support|this article has an audio recording|listen to this article)/i.test(t),
  },
  { id: 'copyright', first: '©c(', test: (t, n) => n <= 25 && /^(?:©|copyright\b|\(c\)\s*\d{4})/i.test(t) },
  // A match ends the text with a d (either case) or a stop: other texts are not scanned for it.
  { id: 'copyright', test: (t, n) => n <= 25 && ((t.charCodeAt(t.length - 1) | 32) === 100 || t.charCodeAt(t.length - 1) === 46) && /all rights reserved\.?$/i.test(t) },
  { id: 'license', first: 'ct', test: (t, n) => /^creative commons\b/i.test(t) || (n <= 40 && /^this work is licensed under\b/i.test(t)) },
  {
    id: 'disclaimer',
    test: (t, n, scanned) =>
      n <= 60 &&
      scanned &&
      DISCLAIMER_WORD.test(t) &&
      /(?:do(?:es)? not (?:necessarily )?(?:reflect|represent) the (?:views|opinions?|position)|does not take institutional positions|views expressed (?:in|here)[^.]*are (?:solely )?(?:those|the author))/i.test(t),
  },
  { id: 'standards', first: 'o', test: (t, n) => n <= 15 && /^our standards:/i.test(t) },
  {
    // Wire stories close with it, often in parentheses: "(Reporting by A; Editing by B)".
    id: 'credit-line',
    first: 'rawec(',
    test: (t, n) =>
      n <= 40 &&
      (/^\(?(?:reporting|additional reporting|writing|editing|edited|compiled) by\b.*(?:;|editing by|$)/i.test(t) && /\bby\b/i.test(t)) &&
      !/[.!?]\s+\S/.test(t),
  },
  { id: 'credit-line', first: 'gcmpi', test: (t, n) => n <= 25 && /^(?:graphics?|charts?|maps?|photos?|illustrations?) (?:provided |produced |created )?by\b/i.test(t) },
  { id: 'credit-line', test: (t, n) => n <= 25 && /\bcreated the (?:graphic|graphics|map|maps|chart|charts|illustration)s? for this\b/i.test(t) },
  { id: 'photo-credit', test: (t, n) => n <= 12 && isCreditLine(t) },
  {
    id: 'contact',
    first: 'ptfe0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    test: (t, n) =>
      n <= 12 &&
      // Each pattern tried only where it may match: a p, t, f or e first (either case), a digit
      // first, a digit last.
      ((/^[ptfe]/i.test(t) && /^(?:phone|tel|fax|e-?mail)\s*:/i.test(t)) ||
        (isDigit(t.charCodeAt(0)) && /^\d+\s+\p{Lu}[\p{L} ]*\b(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Square|Place|Lane)\b/u.test(t)) ||
        (isDigit(t.charCodeAt(t.length - 1)) && /^[\p{Lu}][\p{L} .]+,\s*[A-Z]{2},?\s+\d{5}(?:-\d{4})?$/u.test(t))),
  },
  { id: 'separator', first: ' \t\n\v\f\r*|/_-=~#', test: (t) => /^[\s◆❖•·*|/_\-–—=~#]+$/.test(t) },
];

/**
 * A photo credit on its own: "Dimitar Dilkoff/AFP/Getty Images", "REUTERS/Name", "Photo: AP".
 * Memoised (bounded): the caption rule asks it of each unit's next unit, the line rules again.
 */
export function isCreditLine(text: string): boolean {
  return text.length <= 400 && CREDIT_WORD.test(text) && creditLine(text);
}

/**
 * Every credit line holds one of these words (photo also stands for nurphoto, getty for via getty);
 * `p(?:hoto|icture)` is `photo|picture` in the shape the pattern engine scans faster.
 */
const CREDIT_WORD = /p(?:hoto|icture)|image|credit|getty|reuters|afp|epa|shutterstock|alamy|associated press|bloomberg via/i;

/** Whether a text holds a word every credit line holds: one that does not holds no credit line. */
export function holdsCreditWord(text: string): boolean {
  return CREDIT_WORD.test(text);
}

const creditLine = memoised((text: string): boolean => {
  const t = text.trim().replace(/^\(|\)$/g, '');
  if (/^(?:photo|image|picture|credit|photograph)s?(?: by| credit)?\s*:/i.test(t) && wordCount(t) <= 12) return true;
  if (/^(?:picture alliance|getty images|reuters|ap photo|afp|epa|shutterstock|alamy)\b/i.test(t) && wordCount(t) <= 12) return true;
  return /(?:getty images|\bafp\b|\bap photo\b|reuters\/|\/reuters|\bepa\b|shutterstock|alamy|associated press|nurphoto|bloomberg via|via getty)/i.test(t) && !/[.!?]\s+\p{Lu}/u.test(t.slice(0, -1));
});

/**
 * The first rule that claims a unit's text, or null. Memoised (bounded): cleaning asks about the
 * same unit in two passes and again from the caption, header and tail rules.
 */
export function matchLineRule(text: string): string | null {
  // Line rules describe short page chrome; long paragraphs are never one.
  return !text || text.length > 1500 ? null : firstLineRule(text);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The id of the first line rule `text` matches, or null. */
const firstLineRule = memoised((text: string): string | null => {
  const n = wordCount(text);
  // Each rule that reads `scanned` tests its own word after it (and refuses texts past its word
  // limit first), so it may be true for a text holding no word of a rule that no longer takes it.
  const scanned = n <= 45 ? SCANNED_WORDS.test(text) : n <= 60 ? COOKIE_OR_DISCLAIMER_WORD.test(text) : n <= SCANNED_MAX_WORDS;
  const c = text.charCodeAt(0);
  for (const rule of c < 128 ? RULES_BY_FIRST[c]! : LINE_RULES) if (rule.test(text, n, scanned)) return rule.id;
  return n <= 12 && text.includes(' · ') ? joinedLineRule(text) : null;
});

/**
 * Chrome run together on one line ("Advertisement · Scroll to continue"): the rule of its first
 * part when every part between " · " is chrome a line rule takes.
 */
function joinedLineRule(text: string): string | null {
  const parts = text.split(' · ');
  const first = firstLineRule(parts[0]!.trim());
  return first !== null && parts.every((p) => firstLineRule(p.trim()) !== null) ? first : null;
}

/**
 * The line rules, in order, a text starting with each ASCII character may match: most texts are
 * tried on a third of the rules. White space and control characters keep every rule.
 */
const RULES_BY_FIRST: LineRule[][] = Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return c <= 32 ? LINE_RULES : LINE_RULES.filter((rule) => rule.first === undefined || rule.first.includes(ch.toLowerCase()) || rule.first.includes(ch.toUpperCase()));
});
