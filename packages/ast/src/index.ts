export type * from './nodes.js';
export { EXIT, SKIP, childrenOf, claimsWithSection, inlinesOf, selectAll, visit } from './visit.js';
export type { VisitResult, Visitor } from './visit.js';
export {
  isBlock,
  isBrief,
  isClaim,
  isDate,
  isEntity,
  isFigure,
  isInline,
  isLink,
  isQuote,
  isSection,
} from './guards.js';
export { assignDocIds, slugFromPath, slugify } from './slug.js';
export { BriefsError, isBriefsError } from './errors.js';
export type { BriefsErrorCode } from './errors.js';
export { briefSchema } from './schema.js';
