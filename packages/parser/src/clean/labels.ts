/** Words pages use as labels: the genre of a piece, and markers that open page furniture. */

const KINDS = [
  'Brief Analysis', 'Policy Analysis', 'Analysis', 'Commentary', 'Comment', 'Q&A', 'Q & A', 'Interview', 'Report',
  'Special Report', 'Research Report', 'Article', 'Op-Ed', 'Opinion', 'Testimony', 'Policy Brief', 'Policy Paper',
  'Working Paper', 'Paper', 'Issue Brief', 'In Brief', 'Backgrounder', 'Explainer', 'Feature', 'Essay', 'Podcast',
  'Podcast Episode', 'Video', 'Blog Post', 'Expert Brief', 'Fact Sheet', 'Fast Thinking', 'Book', 'Speech',
  'Statement', 'Press Release', 'Event', 'Event Recap', 'Newsletter', 'Articles & Testimony',
  'Dispatch', 'Review', 'Explainer Video', 'Transcript', 'Data Visualization', 'Infographic',
];
const KIND_SET = new Map(KINDS.map((k) => [k.toLowerCase(), k]));

/** The genre label a unit states on its own ("BRIEF ANALYSIS" → "Brief Analysis"), else null. */
export function kindLabel(text: string): string | null {
  if (text.length > 40) return null;
  const t = text.trim().replace(/[:|]$/, '').replace(/\s+/g, ' ');
  if (t.length > 30) return null;
  const k = KIND_SET.get(t.toLowerCase());
  return k === 'Q & A' ? 'Q&A' : (k ?? null);
}

/** Labels that open a promo card: genres plus site sections ("Program", "Blog"). */
export function cardLabel(text: string): boolean {
  if (text.length > 40) return false;
  return kindLabel(text) !== null || /^(?:program|project|blog|center|centre|initiative|series|podcast episode|event|webinar|video|newsletter|book)$/i.test(text.trim());
}

export const RELATED_MARKER =
  /^(?:recommended(?: for you| reading)?|related(?: (?:articles?|content|reading|posts|stories|analysis|research|coverage|publications|experts))?|more (?:from|work from|on|in|by|about|analysis|stories|articles)\b[^.]{0,40}|read (?:more|next)(?: from\b[^.]{0,30})?|you (?:may|might) also (?:like|enjoy|be interested in)|most (?:read|popular|viewed|shared)|trending(?: now)?|latest (?:news|analysis|articles|stories)|see also|what to read next|editor['’]s picks|popular (?:articles|stories|now)|keep reading|up next)\s*:?$/i;

export const TOPIC_MARKER = /^(?:topics?|related topics|tags?|issues?|subjects?|filed under|categories|themes?|keywords)\s*:?$/i;
export const REGION_MARKER = /^(?:regions?(?:\s*(?:&|and)\s*countries)?|countries|locations?|geograph(?:y|ies)|regions?\s*\/\s*countries|places)\s*:?$/i;
export const AUTHOR_BOX_MARKER = /^(?:about the authors?|about the contributors?|about the writers?|the authors?|authors?|author\(s\)|contributors?|written by|meet the authors?)\s*:?$/i;
export const TRANSLATION_MARKER = /^(?:also available in|available in|read (?:this|it) in|other languages|translations?|also in|this article is also available in|language versions?)\s*:?$/i;
