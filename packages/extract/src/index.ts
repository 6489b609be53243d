/**
 * @briefs/extract: figures, dates, quotes, attributions, claim kinds and entities in sentences.
 * `createExtractor({published})` once per document, then `analyze(sentence)` per sentence in
 * reading order.
 */
export { createExtractor } from './extractor.js';
export type { ExtractOptions, Extractor, InlineSpan, SentenceAnalysis, SentenceContext } from './types.js';
