import { basename } from 'node:path';
import type { Brief } from '@briefs/ast';

/**
 * The one seam between the build and the stage packages (parser, tables, pdf). Everything the
 * build calls on them goes through here, loaded lazily: a no-change rebuild never loads the PDF
 * renderer, and `briefs export` never loads it at all.
 *
 * The stage packages are written at the same time as this one; their exports are checked at run
 * time so that a stage not there yet is reported as unavailable instead of failing to load.
 */

export interface ParseStageOptions {
  /** Path as shown in messages and tables (relative to the working folder, forward slashes). */
  path: string;
  id: string;
  maxBytes?: number;
}

export interface ParseStage {
  parse(bytes: Uint8Array, options: ParseStageOptions): Brief;
  serialize(brief: Brief): string;
}

export interface RenderBriefStageOptions {
  /** Creation date written into the PDF (reproducible: never the clock). */
  date: Date;
  /** The pack file, as `loadPackFile` read it: theme and the like apply to every brief. */
  pack: unknown;
}

export interface PdfStage {
  renderBrief(brief: Brief, options: RenderBriefStageOptions): Promise<Uint8Array>;
  /** null while @briefs/pdf has no pack renderer. */
  renderPack: ((briefs: readonly Brief[], options: RenderBriefStageOptions) => Promise<Uint8Array>) | null;
  loadPackFile(path: string): Promise<unknown>;
}

export interface TablesStageOptions {
  bom: boolean;
  xlsx: boolean;
}

export interface TablesStage {
  /**
   * Writes every table of CONTRACT.md under `dataDir`, from briefs in the order given; returns
   * the names of the files written, relative to `dataDir`.
   */
  writeTables(briefs: AsyncIterable<Brief>, dataDir: string, options: TablesStageOptions): Promise<string[]>;
}

type AnyFn = (...args: never[]) => unknown;
const fn = (module: Record<string, unknown>, ...names: string[]): AnyFn | undefined => {
  for (const name of names) if (typeof module[name] === 'function') return module[name] as AnyFn;
  return undefined;
};

let parseStage: Promise<ParseStage> | undefined;
export function loadParseStage(): Promise<ParseStage> {
  parseStage ??= import('@briefs/parser').then((m) => {
    const mod = m as unknown as Record<string, unknown>;
    const parseBrief = fn(mod, 'parseBrief') as unknown as (bytes: Uint8Array, o: object) => Brief;
    const serializeBrief = fn(mod, 'serializeBrief') as unknown as ((b: Brief) => string) | undefined;
    if (!parseBrief) throw new Error('@briefs/parser exports no parseBrief');
    return {
      parse: (bytes, options) => parseBrief(bytes, { ...options }),
      serialize: serializeBrief ?? ((brief) => `${JSON.stringify(brief, null, 2)}\n`),
    };
  });
  return parseStage;
}

let pdfStage: Promise<PdfStage | null> | undefined;
/** The PDF stage, or null while @briefs/pdf exports no brief renderer. */
export function loadPdfStage(): Promise<PdfStage | null> {
  pdfStage ??= import('@briefs/pdf').then((m) => {
    const mod = m as unknown as Record<string, unknown>;
    const renderBrief = fn(mod, 'renderBrief') as unknown as ((b: Brief, o: object) => Uint8Array | Promise<Uint8Array>) | undefined;
    const renderPack = fn(mod, 'renderPack') as unknown as
      | ((b: readonly Brief[], o: object) => Uint8Array | Promise<Uint8Array>)
      | undefined;
    const loadPackFile = fn(mod, 'loadPackFile', 'readPackFile') as unknown as ((p: string) => unknown) | undefined;
    const packOptionsFrom = fn(mod, 'packOptionsFrom') as unknown as ((config: unknown) => Record<string, unknown>) | undefined;
    const selectPackBriefs = fn(mod, 'selectPackBriefs') as unknown as ((b: readonly Brief[], config: unknown) => Brief[]) | undefined;
    if (!renderBrief) return null;
    return {
      renderBrief: async (brief, o) => toBytes(await renderBrief(brief, briefOptions(o))),
      renderPack: renderPack
        ? async (briefs, o) => {
            const config = o.pack && typeof o.pack === 'object' && Object.keys(o.pack).length > 0 ? o.pack : null;
            // The pack file picks and orders the documents (by id or source path) and sets the cover.
            const chosen = config && selectPackBriefs ? selectPackBriefs(briefs, config) : briefs;
            const fromFile = config && packOptionsFrom ? packOptionsFrom(config) : {};
            const options = { title: DEFAULT_PACK_TITLE, ...fromFile, date: fromFile.date ?? o.date };
            return toBytes(await renderPack(chosen, options));
          }
        : null,
      loadPackFile: async (path) => (loadPackFile ? await loadPackFile(path) : {}),
    };
  });
  return pdfStage;
}

/** Options of `renderBrief` from the pack file: the theme applies to every brief. */
function briefOptions(o: RenderBriefStageOptions): Record<string, unknown> {
  const pack = (o.pack && typeof o.pack === 'object' ? o.pack : {}) as { pageSize?: unknown; theme?: { colours?: unknown } };
  return {
    date: o.date,
    ...(pack.pageSize ? { pageSize: pack.pageSize } : {}),
    ...(pack.theme?.colours ? { colours: pack.theme.colours } : {}),
  };
}

/** Title of the pack when no pack file gives one. */
export const DEFAULT_PACK_TITLE = 'Briefing pack';

let tablesStage: Promise<TablesStage | null> | undefined;
/** The tables stage, or null while @briefs/tables exports no writer. */
export function loadTablesStage(): Promise<TablesStage | null> {
  tablesStage ??= import('@briefs/tables').then((m) => {
    const mod = m as unknown as Record<string, unknown>;
    const writeTables = fn(mod, 'writeTables') as unknown as
      | ((b: AsyncIterable<Brief>, dir: string, o: object) => Promise<{ files?: string[] } | undefined>)
      | undefined;
    if (!writeTables) return null;
    return {
      writeTables: async (briefs, dir, o) => {
        const summary = await writeTables(briefs, dir, { bom: o.bom, xlsx: o.xlsx });
        const written = summary?.files?.map((f) => basename(f)) ?? DEFAULT_TABLE_FILES.filter((n) => o.xlsx || !n.endsWith('.xlsx'));
        return written.sort();
      },
    };
  });
  return tablesStage;
}

/** CONTRACT.md, "Output layout": what `data/` holds. */
const DEFAULT_TABLE_FILES = [
  'documents.csv',
  'sections.csv',
  'claims.csv',
  'figures.csv',
  'dates.csv',
  'quotes.csv',
  'entities.csv',
  'links.csv',
  'datapackage.json',
  'briefs.xlsx',
];

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new Error('the PDF renderer returned no bytes');
}
