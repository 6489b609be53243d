export { isAtomicTempName, writeFileAtomic } from './atomic.js';
export { SOURCE_EXTENSIONS, comparePaths, displayPath, findSources, formatOfPath } from './sources.js';
