import { basename } from 'node:path';
import type { Brief } from '@briefs/ast';
import type { ChartDrawings, PackConfig, PackDigest, PackPartMeta, PartFile, SectionStore } from '@briefs/pdf';
import type { TablesPart } from '@briefs/tables';

/**
 * The one seam between the build and the stage packages (parser, tables, pdf). Everything the
 * build calls on them goes through here, loaded lazily: a no-change rebuild never loads the PDF
 * renderer, and `briefs export` never loads it at all.
 *
 * The parser and tables stages are checked for their exports at run time (a stage not there is
 * reported as unavailable); the PDF stage is typed against @briefs/pdf directly, since the pack
 * is assembled from parts its renderer writes.
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
  /** Charts drawn before, and where those drawn now are recorded. */
  chartDrawings?: ChartDrawings;
}

export interface PdfStage {
  renderBrief(brief: Brief, options: RenderBriefStageOptions): Promise<Uint8Array>;
  loadPackFile(path: string): Promise<unknown>;
  /** Whether the pack (file) may hold `brief`: documents it cannot name get no pack pages. */
  packMayInclude(brief: Brief, pack: unknown): boolean;
  /** Draws a made-up document once, so that the next is drawn warm (see `warmUpRenderer`). */
  warmUp(): Promise<void>;
  /** The brief's pages of the pack, kept so a pack is assembled without redrawing them. */
  renderPackPart(brief: Brief, pack: unknown, chartDrawings?: ChartDrawings): Promise<{ pdf: Uint8Array; sidecar: PackPartSidecar }>;
  /**
   * Writes `pack.pdf` from kept parts (every document that has one, in doc-id order; the pack
   * file picks and orders them), keeping the pieces of its cross-document pages in `store`.
   */
  writePack(parts: readonly PartFile[], options: { date: Date; pack: unknown; store?: SectionStore; between?: () => void }, path: string): Promise<void>;
  /** Removes `pack.pdf` and the pieces kept in `store`: a pack of no documents. */
  removePack(path: string, store: SectionStore): Promise<void>;
}

/** What a part's `.json` beside its `.pdf` holds: its pages and bookmarks, and the digest the pack's own pages need. */
export interface PackPartSidecar {
  meta: PackPartMeta;
  digest: PackDigest;
}

export interface TablesStageOptions {
  bom: boolean;
  xlsx: boolean;
}

export interface TablesStage {
  /**
   * Writes every table of CONTRACT.md under `dataDir` from the documents' shares of them, in the
   * order given; returns the names of the files written, relative to `dataDir`.
   */
  writeTables(parts: AsyncIterable<TablesPart>, dataDir: string, options: TablesStageOptions): Promise<string[]>;
  /** A document's share of every table, made once where the document is parsed; `key` ties it to its AST. */
  part(brief: Brief, key: string): TablesPart;
  /** A share as the bytes of its file (`.briefs-parts/<id>.tables`). */
  encodePart(part: TablesPart): Uint8Array;
  /** The share in a file's bytes; throws `E_INPUT_INVALID` naming `file` when they are not a whole one. */
  decodePart(bytes: Uint8Array, file: string): TablesPart;
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

let pdfStage: Promise<PdfStage> | undefined;
/** The PDF stage. */
export function loadPdfStage(): Promise<PdfStage> {
  pdfStage ??= import('@briefs/pdf').then((pdf) => {
    const packOptions = (pack: unknown) => {
      const config = packConfig(pack);
      return { title: DEFAULT_PACK_TITLE, ...(config ? pdf.packOptionsFrom(config) : {}) };
    };
    return {
      renderBrief: (brief, o) => pdf.renderBrief(brief, briefOptions(o)),
      loadPackFile: (path) => pdf.loadPackFile(path),
      packMayInclude: (brief, pack) => {
        const config = packConfig(pack);
        return config ? pdf.packMayInclude(brief, config) : true;
      },
      warmUp: () => pdf.warmUpRenderer(),
      renderPackPart: async (brief, pack, chartDrawings) => {
        const part = await pdf.renderPackPart(brief, packOptions(pack), chartDrawings);
        return { pdf: part.pdf, sidecar: { meta: part.meta, digest: pdf.packDigest(brief) } };
      },
      writePack: async (parts, o, path) => {
        const config = packConfig(o.pack);
        const byId = new Map(parts.map((p) => [p.meta.id, p]));
        // The pack file picks and orders the documents (by id or source path) and sets the cover.
        const chosen = config ? pdf.selectPackBriefs(parts.map((p) => p.digest.brief), config).map((b) => byId.get(b.id)!) : parts;
        const options = packOptions(o.pack);
        await pdf.writePackFromParts(chosen, { ...options, date: options.date ?? o.date }, path, o.store, o.between);
      },
      removePack: (path, store) => pdf.removePackFromParts(path, store),
    } satisfies PdfStage;
  });
  return pdfStage;
}

/** The pack file as `loadPackFile` read it, or null for none. */
function packConfig(pack: unknown): PackConfig | null {
  return pack && typeof pack === 'object' && Object.keys(pack).length > 0 ? (pack as PackConfig) : null;
}

/** Options of `renderBrief` from the pack file: the theme applies to every brief. */
function briefOptions(o: RenderBriefStageOptions): Record<string, unknown> {
  const pack = (o.pack && typeof o.pack === 'object' ? o.pack : {}) as { pageSize?: unknown; theme?: { colours?: unknown } };
  return {
    date: o.date,
    ...(o.chartDrawings ? { chartDrawings: o.chartDrawings } : {}),
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
    const writeTables = fn(mod, 'writeTablesFromParts') as unknown as
      | ((p: AsyncIterable<TablesPart>, dir: string, o: object) => Promise<{ files?: string[] } | undefined>)
      | undefined;
    const part = fn(mod, 'tablesPart') as unknown as ((brief: Brief, key: string) => TablesPart) | undefined;
    const encodePart = fn(mod, 'encodeTablesPart') as unknown as ((part: TablesPart) => Uint8Array) | undefined;
    const decodePart = fn(mod, 'decodeTablesPart') as unknown as ((bytes: Uint8Array, file: string) => TablesPart) | undefined;
    if (!writeTables || !part || !encodePart || !decodePart) return null;
    return {
      writeTables: async (parts, dir, o) => {
        const summary = await writeTables(parts, dir, { bom: o.bom, xlsx: o.xlsx });
        const written = summary?.files?.map((f) => basename(f)) ?? DEFAULT_TABLE_FILES.filter((n) => o.xlsx || !n.endsWith('.xlsx'));
        return written.sort();
      },
      part,
      encodePart,
      decodePart,
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
