import type { ClaimKind, DateNode, Entity, Figure, Quote } from '@briefs/ast';

/**
 * An inline node found in a sentence, before the parser gives it an id and a source position.
 * `range` is [start, end) in UTF-16 code units of the sentence text passed to `analyze`.
 */
export type InlineSpan =
  | Omit<Figure, 'id' | 'position'>
  | Omit<DateNode, 'id' | 'position'>
  | Omit<Quote, 'id' | 'position'>
  | Omit<Entity, 'id' | 'position'>;

export interface SentenceAnalysis {
  kind: ClaimKind;
  source: string | null;
  hedge: string | null;
  inlines: InlineSpan[];
}

export interface ExtractOptions {
  /** `meta.published` (ISO 8601) of the document: relative dates are resolved against it. */
  published: string | null;
  language?: string;
}

export interface SentenceContext {
  /** Speaker label of a Q&A turn the sentence belongs to. */
  speaker?: string;
}

/** Stateful per document: pronouns, "the same source" and acronyms carry from sentence to sentence. */
export interface Extractor {
  analyze(text: string, context?: SentenceContext): SentenceAnalysis;
}
