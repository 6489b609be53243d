/**
 * Rules inside the article: captions and photo credits, ALL-CAPS and bold run-in headings,
 * outline headings, Q&A speaker labels, quizzes, duplicated paragraphs, and link noise glued
 * into sentences.
 */
import type { Page } from './page.js';
import { holdsCreditWord, isCreditLine, matchLineRule } from './line-rules.js';
import { isPersonName } from './names.js';
import { kindLabel, RELATED_MARKER, TOPIC_MARKER, REGION_MARKER, AUTHOR_BOX_MARKER } from './labels.js';
import { clean, endsSentence, fold, foldHead, isAllCaps, isJsSpace, isProse, wordCount } from './text.js';

const CAPTION_START = /^(?:image|photo|picture|caption|photograph|illustration|figure \d+|map|chart|graphic)\s*:\s*\S|^item \d+ of \d+\b|^\[\d+\/\d+\]/i;
const CAPTION_SUBJECT =
  /^(?:\S+\s+){0,7}?(?:map|photo(?:graph)?|chart|graph|graphic|image|illustration|infographic|satellite (?:image|imagery)|screenshot|video still|diagram)s?\s+(?:showing|depicting|illustrating|highlighting|detailing)\b/i;
const CREDIT_TAIL = /(?:\((?:photo|image|picture|credit)s?\b[^)]*\)|\((?:[^()]*\/)?[^()]*(?:getty images|reuters|afp|ap photo|epa|nurphoto|shutterstock)[^()]*\))\s*$/i;

/** Captions of images and maps become `caption` units; photo credits are residue. */
export function readCaptions(page: Page): void {
  for (let i = 0; i < page.length; i++) {
    if (!page.free(i)) continue;
    const u = page.unit(i);
    const text = page.text(i);
    if (text.length > 1000) continue;
    if (u.kind === 'image') {
      // Logos, icons, avatars and share buttons are page chrome, not illustrations.
      if (!text || matchLineRule(text) || /\b(?:logo|icon|avatar|spinner|pixel|placeholder|banner ad|badge)\b/i.test(text)) page.drop(i, 'page-image');
      else page.set(i, { role: 'caption', rule: 'image' });
      continue;
    }
    if (u.kind === 'heading' || !text) continue;
    const n = wordCount(text);
    // Longer texts are never captions: the tests below would be thrown away.
    if (n > 70) continue;
    const next = page.next(i);
    // Counts before patterns: both tests ask the credit rule only of a text short enough.
    const creditFollows = next < page.length && page.free(next) && wordCount(page.text(next)) <= 12 && isCreditLine(page.text(next));
    // The text is trimmed (`clean`): a credit tail is its last character, `)`.
    const endsWithCredit = (text.charCodeAt(text.length - 1) === 41 && CREDIT_TAIL.test(text)) || (SENTENCE_BREAK.test(text) && endsWithCreditLine(text, n));
    // One sentence or two: asked last, of the few texts that name a map or photo.
    const single = (): boolean => text.split(/(?<=[.!?])\s+\p{Lu}/u).length <= 2;
    if (CAPTION_START.test(text) || endsWithCredit || creditFollows || (n >= 5 && CAPTION_SUBJECT.test(text) && single())) {
      if (n <= 12 && isCreditLine(text)) continue; // a bare credit line: the line rules drop it
      page.set(i, { role: 'caption', rule: 'image-caption' });
      if (creditFollows) page.drop(next, 'photo-credit');
    }
  }
}

/** What `afterLastSentenceBreak` looks for: without one, the last sentence is the whole text. */
const SENTENCE_BREAK = /[.!?]\s/;

/**
 * Whether the text after the last sentence break is a credit line, and not the whole text. A
 * credit line holds a credit word (unanchored, so the text holds it too): the last sentence, not
 * the whole text, is scanned for one first, and most hold none.
 */
function endsWithCreditLine(text: string, n: number): boolean {
  const lastChunk = afterLastSentenceBreak(text);
  return holdsCreditWord(lastChunk) && wordCount(lastChunk) <= 12 && n > wordCount(lastChunk) && isCreditLine(lastChunk);
}

/**
 * `text.split(/(?<=[.!?])\s+/).pop()`: the text after the last run of white space that follows
 * `.`, `!` or `?` (the whole text when there is none), found from the end.
 */
function afterLastSentenceBreak(text: string): string {
  for (let i = text.length - 1; i > 0; i--) {
    if (!isJsSpace(text.charCodeAt(i))) continue;
    const p = text.charCodeAt(i - 1);
    if (p !== 46 && p !== 33 && p !== 63) continue;
    let j = i + 1;
    while (j < text.length && isJsSpace(text.charCodeAt(j))) j++;
    return text.slice(j);
  }
  return text;
}

/** ALL-CAPS lines, bold lines and outline titles inside the article become headings. */
/** A unit that starts a paragraph: a new block, or a new line after a finished sentence. */
function startsParagraph(page: Page, i: number): boolean {
  if (page.unit(i).blockStart || i === 0) return true;
  const d = page.decisions[i - 1];
  return (d !== undefined && d.role !== 'body') || endsSentence(page.text(i - 1));
}

export function readHeadings(page: Page): void {
  const outline = new Map(page.outline.filter((o) => o.depth >= 2).map((o) => [fold(o.text), o.depth]));
  for (let i = page.bodyStart; i < page.articleEnd; i++) {
    if (!page.free(i)) continue;
    const u = page.unit(i);
    const text = page.text(i);
    if (!text) continue;
    if (u.kind === 'heading') {
      page.set(i, { role: 'heading', depth: u.depth });
      continue;
    }
    const n = wordCount(text);
    const small = text.length <= 400;
    // An empty outline holds no title: the text need not be folded to look it up.
    const depth = small && outline.size > 0 ? outline.get(fold(text)) : undefined;
    if (depth !== undefined && u.kind !== 'listItem') {
      page.set(i, { role: 'heading', rule: 'outline-heading', depth: Math.min(6, depth) });
      continue;
    }
    // Asked last, of the few short lines that could be headings.
    const marker = (): boolean => kindLabel(text) !== null || RELATED_MARKER.test(text) || TOPIC_MARKER.test(text) || REGION_MARKER.test(text) || AUTHOR_BOX_MARKER.test(text);
    if (small && isAllCaps(text) && n >= 2 && n <= 14 && !/[.,;]$/.test(text) && (u.kind === 'line' || u.kind === 'listItem') && startsParagraph(page, i) && !marker()) {
      page.set(i, { role: 'heading', rule: 'caps-heading', depth: 2 });
      continue;
    }
    if (u.strong && startsParagraph(page, i) && n >= 1 && n <= 12 && !endsSentence(text.replace(/[:]$/, '')) && u.kind === 'line' && !marker()) {
      page.set(i, { role: 'heading', rule: 'bold-heading', depth: 3 });
      continue;
    }
    // Bold run-in lead: "**Growing rift.** The White House…"
    // Units may start after the `**` (reader text); read from the start of the source line.
    const src = page.context.source;
    const lineStart = Math.max(src.lastIndexOf('\n', u.start - 1) + 1, u.start - 4);
    const raw = src.slice(lineStart, u.end);
    const lead = /^(\s*(?:[-*+>]\s+)?)(\*\*|__)([^*_\n]{2,90}?)(\2)?([.:])(\2)?\s+(?=\S)/.exec(raw);
    if (lead && startsParagraph(page, i) && (lead[4] || lead[6])) {
      const title = lead[3]!.trim();
      const tw = wordCount(title);
      if (tw >= 1 && tw <= 10 && !/^(?:join us|sign up|subscribe|register)/i.test(title)) {
        const start = Math.max(u.start, lineStart + lead[1]!.length);
        page.set(i, { role: 'body', rule: 'bold-lead', inlineHeadings: [{ start, end: lineStart + lead[0].length, text: title }] });
      }
    }
  }
  // Question subheads: short questions standing alone above prose, where a page has several.
  const questions: number[] = [];
  for (let i = page.bodyStart; i < page.articleEnd; i++) {
    const t = page.text(i);
    if (!page.free(i) || !/\?$/.test(t) || wordCount(t) > 18 || wordCount(t) < 3 || page.unit(i).kind !== 'line' || !page.unit(i).blockStart) continue;
    const next = page.next(i);
    if (next < page.articleEnd && isProse(page.text(next))) questions.push(i);
  }
  if (questions.length >= 2 || (questions.length >= 1 && page.meta.kind === 'Q&A')) {
    for (const i of questions) page.set(i, { role: 'heading', rule: 'question-heading', depth: 3 });
  }
}

/** Labels of an interview's two sides that are not names, and the speaker each stands for. */
const QA_LABELS = new Map([
  ['Q', 'Interviewer'],
  ['Question', 'Interviewer'],
  ['Interviewer', 'Interviewer'],
  ['A', 'Interviewee'],
  ['Answer', 'Interviewee'],
]);

/** "Name:" speaker labels of a transcript: the turn's units carry the speaker. */
export function readSpeakers(page: Page): void {
  const label = /^(\p{Lu}[\p{L}.'’ -]{0,60}?)\s*:\s*(.*)$/u;
  const labelled: Array<{ i: number; name: string; rest: string }> = [];
  for (let i = page.bodyStart; i < page.articleEnd; i++) {
    if (!page.free(i) && page.decisions[i]?.role !== 'body') continue;
    // A label ends at a colon: most paragraphs have none and are not read by the pattern.
    const m = page.text(i).includes(':') ? label.exec(page.text(i)) : null;
    if (m && wordCount(m[1]!) <= 5) labelled.push({ i, name: m[1]!.trim(), rest: m[2]! });
  }
  // Speakers: full names, the interviewer's "Q"/"Question"/"Interviewer" (and "A"/"Answer"), and a
  // surname alone where the page names its bearer (an author, or a full-name label): that name.
  const fullNames = new Map<string, string | null>();
  for (const name of [...page.meta.authors.map((a) => a.name), ...labelled.map((c) => c.name).filter(isPersonName)]) {
    const surname = name.split(/\s+/).pop()!;
    // A surname two people share names neither.
    fullNames.set(surname, fullNames.has(surname) && fullNames.get(surname) !== name ? null : name);
  }
  const speakerOf = (label: string): string | null => {
    if (isPersonName(label)) return label;
    const role = QA_LABELS.get(label);
    if (role) return role;
    return /^\p{Lu}[\p{L}'’-]+$/u.test(label) ? (fullNames.get(label) ?? null) : null;
  };
  const candidates = labelled.flatMap((c) => {
    const name = speakerOf(c.name);
    return name ? [{ ...c, name }] : [];
  });
  // One "Name:" is a sentence; a transcript repeats its speakers.
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n >= 2).map(([name]) => name);
  if (repeated.length < 2) return;
  // Once a transcript is established, a guest who speaks once is a speaker too.
  const speakers = new Set(counts.keys());
  let current: string | null = null;
  const byIndex = new Map(candidates.filter((c) => speakers.has(c.name)).map((c) => [c.i, c]));
  for (let i = page.bodyStart; i < page.articleEnd; i++) {
    const c = byIndex.get(i);
    const d = page.decisions[i];
    if (c) {
      current = c.name;
      if (!c.rest) {
        page.drop(i, 'speaker-label');
        continue;
      }
      const u = page.unit(i);
      const raw = page.context.source.slice(u.start, u.end);
      const colon = raw.indexOf(':');
      const end = u.start + colon + 1 + (/^[*_]*\s*/.exec(raw.slice(colon + 1))?.[0].length ?? 0);
      page.set(i, { ...(d ?? { role: 'body' }), role: 'body', speaker: { name: c.name, end } });
      continue;
    }
    if (d?.role === 'heading') current = null;
    if (!current || (d && d.role !== 'body')) continue;
    page.set(i, { ...(d ?? { role: 'body' }), speaker: { name: current, end: page.unit(i).start } });
  }
}

/** A quiz: a question with A./B./C. options, and the answer repeated with its explanation. */
export function readQuizzes(page: Page): void {
  const option = /^[A-E][.)]\s+\S/;
  for (let i = page.bodyStart; i < page.articleEnd; i++) {
    if (!page.free(i) || !/\?$/.test(page.text(i))) continue;
    const opts: number[] = [];
    let j = page.next(i);
    while (j < page.length && option.test(page.text(j)) && !opts.some((o) => fold(page.text(o)) === fold(page.text(j)))) {
      opts.push(j);
      j = page.next(j);
    }
    if (opts.length < 3) continue;
    page.drop(i, 'quiz');
    const texts = new Set(opts.map((o) => fold(page.text(o))));
    for (const o of opts) page.drop(o, 'quiz');
    for (let k = j; k < Math.min(page.length, j + 6); k++) {
      if (texts.has(fold(page.text(k)))) {
        page.drop(k, 'quiz');
        const expl = page.next(k);
        if (expl < page.length && page.free(expl) && wordCount(page.text(expl)) <= 60) page.drop(expl, 'quiz');
        break;
      }
    }
  }
  for (let i = 0; i < page.length; i++) {
    if (page.free(i) && /\bquiz\b/i.test(page.text(i)) && /\b(?:click here|sign up|take the)\b/i.test(page.text(i)) && wordCount(page.text(i)) <= 40) page.drop(i, 'quiz');
  }
}

/** Paragraphs a page prints twice (teasers, sticky copies): the first occurrence stays. */
export function readDuplicates(page: Page): void {
  // Captions repeat with different counters ("Item 1 of 2" / "[1/2]") and a cut-off tail, so a
  // caption is keyed on its first 160 characters; paragraphs on their whole (first 2,000) text.
  const captions = new Set<string>();
  // A paragraph's key is looked up by its first 32 characters (equal keys have equal heads): most
  // paragraphs share their head with none before them and are never folded whole.
  const byHead = new Map<string, Array<{ text: string; key: string | null }>>();
  for (let i = 0; i < page.length; i++) {
    const d = page.decisions[i];
    if (d && d.role === 'residue') continue;
    if (page.unit(i).kind === 'heading' || d?.role === 'heading') continue;
    const t = page.text(i);
    if (wordCount(t) < 6) continue;
    // The counter pattern matches only at an i (either case) or a `[`: other texts are not run through `replace`.
    const head = t.charCodeAt(0) | 32;
    const text = head === 105 || head === 123 ? t.slice(0, 2000).replace(/^(?:item \d+ of \d+|\[\d+\/\d+\])\s*/i, '') : t.slice(0, 2000);
    let seen: boolean;
    if (d?.role === 'caption') {
      const k = `c:${fold(text).slice(0, 160)}`;
      seen = captions.has(k);
      captions.add(k);
    } else {
      const head = foldHead(text, 32);
      const same = byHead.get(head);
      if (same === undefined) {
        byHead.set(head, [{ text, key: null }]);
        seen = false;
      } else {
        const k = fold(text);
        seen = false;
        for (const e of same) {
          if (e.key === null) e.key = fold(e.text);
          if (e.key === k) {
            seen = true;
            break;
          }
        }
        if (!seen) same.push({ text, key: k });
      }
    }
    if (seen) {
      if (d) page.set(i, { role: 'residue', rule: 'duplicate' });
      else page.drop(i, 'duplicate');
    }
  }
}

/** A sign-off closing a text ("… said. — Jane Doe"), sticky: tried where `signOffIn` finds it may start. */
const SIGN_OFF_AT = /([.!?"”])\s*_?\s*[—–]\s*(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,2})\s*_?\s*$/uy;

/**
 * `SIGN_OFF_AT` as a non-sticky pattern would find it, without scanning a paragraph: no dash
 * follows a match's dash (the name has letters, `.`, `'`, `’`, `-`), so it is the text's last
 * `—` or `–`; only white space and `_` lie between it and the mark before it, so the match can
 * start only at the last other character before the dash.
 */
function signOffIn(raw: string): RegExpExecArray | null {
  const dash = Math.max(raw.lastIndexOf('—'), raw.lastIndexOf('–'));
  if (dash < 0) return null;
  let at = dash - 1;
  while (at >= 0 && (isJsSpace(raw.charCodeAt(at)) || raw.charCodeAt(at) === 95)) at--;
  if (at < 0 || !'.!?"”'.includes(raw[at]!)) return null;
  SIGN_OFF_AT.lastIndex = at;
  return SIGN_OFF_AT.exec(raw);
}

/** Noise scrapers glue into sentences: ", opens new tab", a trailing "—Name" sign-off. */
export function readInlineNoise(page: Page): void {
  for (let i = page.bodyStart; i < page.articleEnd; i++) {
    const d = page.decisions[i];
    if (d && d.role !== 'body') continue;
    const u = page.unit(i);
    const raw = page.context.source.slice(u.start, u.end);
    if (raw.includes('opens new tab')) for (const m of raw.matchAll(/,\s*opens new tab\b/g)) page.dropRange(i, u.start + m.index, u.start + m.index + m[0].length, 'link-noise');
    // The tail of a URL broken across lines: "analysis/view/some-slug), and other…".
    const broken = /^[a-z0-9][\w.-]*(?:\/[\w.%~-]+)+\/?>?\)\s*/i.exec(raw);
    if (broken && i > 0 && /[-/]>?\)?\s*$/.test(page.context.source.slice(page.unit(i - 1).start, page.unit(i - 1).end))) {
      page.dropRange(i, u.start, u.start + broken[0].length, 'link-noise');
    }
    const sign = signOffIn(raw);
    if (sign && isPersonName(clean(sign[2]!))) {
      const start = u.start + sign.index + sign[1]!.length;
      page.dropRange(i, start, u.end, 'sign-off');
    }
  }
}
