import type { CleanPage } from '../units.js';

// Pass-through until page cleaning lands: headings stay headings, everything else is body.
export const cleanPage: CleanPage = (units) => ({
  meta: {
    title: '', summary: '', authors: [], published: null, updated: null, publisher: '', sourceUrl: '',
    language: 'en', kind: '', translations: [], topics: [], regions: [], related: [],
  },
  decisions: units.map((unit) => (unit.kind === 'heading' ? { role: 'heading', depth: unit.depth } : { role: 'body' })),
  residue: [],
});
