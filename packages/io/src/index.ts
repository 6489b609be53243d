export { isAtomicTempName, openFileAtomic, writeFileAtomic } from './atomic.js';
export type { AtomicWriter } from './atomic.js';
export { SOURCE_EXTENSIONS, comparePaths, displayPath, findSources, formatOfPath } from './sources.js';
