import type { CommandDef } from 'citty';

/** Commands are data, loaded lazily: `briefs --help` does not load the PDF renderer. */
export const subCommands: Record<string, () => Promise<CommandDef>> = {
  parse: () => import('./parse.js').then((m) => m.default as unknown as CommandDef),
  build: () => import('./build.js').then((m) => m.default as unknown as CommandDef),
  export: () => import('./export.js').then((m) => m.default as unknown as CommandDef),
  merge: () => import('./merge.js').then((m) => m.default as unknown as CommandDef),
  schema: () => import('./schema.js').then((m) => m.default as unknown as CommandDef),
};
