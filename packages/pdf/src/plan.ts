/**
 * `@briefs/pdf/plan`: what planning a pack needs, without the renderer (see `planPackSections`):
 * loads in a fraction of the time the whole package takes.
 */
export { loadPackFile, packMayInclude, selectPackBriefs } from './pack-file.js';
export type { PackConfig } from './pack-file.js';
export { packDigest, packOptionsFrom, planPackSections } from './pack-plan.js';
export type { PackDigest, PackOptions, PlannedPiece, PlannedSection, SectionPlan } from './pack-plan.js';
