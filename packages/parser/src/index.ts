export { formatFromPath, parseBrief, parseFile, serializeBrief } from './parse-brief.js';
export type { ParseOptions } from './parse-brief.js';
export { splitSentences } from './sentences.js';
export { decodeSource, DEFAULT_MAX_BYTES } from './decode.js';
export type { Decoded, DecodeOptions } from './decode.js';
export type { SourceFormat } from './to-mdast.js';
export type * from './units.js';
