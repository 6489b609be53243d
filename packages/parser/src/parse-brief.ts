/**
 * The parser pipeline, wired in one place:
 * decode → mdast (remark / rehype) → units → page cleaning → sections, blocks, claims (+ extraction).
 */
import { readFile } from 'node:fs/promises';
import { type Brief, BriefsError, isBriefsError, slugFromPath } from '@briefs/ast';
import { createExtractor } from '@briefs/extract';
import { TreeBuilder } from './build-tree.js';
import { cleanPage } from './clean/index.js';
import { collectUnits } from './collect-units.js';
import { decodeSource } from './decode.js';
import { LineIndex } from './line-index.js';
import type { ReaderContext } from './reader-text.js';
import { type SourceFormat, toMdast } from './to-mdast.js';
import type { CleanContext, CleanPage } from './units.js';

export interface ParseOptions {
  /** Path of the source, for messages, `source` and the default id. */
  path?: string;
  /** Document id; defaults to the slug of `path`. */
  id?: string;
  /** Defaults from the extension: `.html`/`.htm` → html, `.txt` → text, else markdown. */
  format?: SourceFormat;
  /** Inputs larger than this many bytes are refused (default 20 MB). */
  maxBytes?: number;
}

export function formatFromPath(path: string | undefined): SourceFormat {
  const ext = path?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text') return 'text';
  return 'markdown';
}

export function parseBrief(input: Uint8Array | string, options: ParseOptions = {}): Brief {
  return parseBriefWith(cleanPage, input, options);
}

/**
 * The pipeline with page cleaning as a parameter: tests of the structural layer run it with a
 * pass-through cleaner (and extractor), so they check structure, not the current rules. Not exported
 * from the package entry.
 */
export function parseBriefWith(
  clean: CleanPage,
  input: Uint8Array | string,
  options: ParseOptions = {},
  extractorFor: typeof createExtractor = createExtractor,
): Brief {
  const { path } = options;
  const decoded = decodeSource(input, { ...(path === undefined ? {} : { path }), ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }) });
  const { text } = decoded;
  const format = options.format ?? formatFromPath(path);
  const lines = new LineIndex(text);
  const md = toMdast(text, format, lines);
  const reader: ReaderContext = { source: text, links: [], images: [] };
  const units = collectUnits(md.tree, reader, lines, md.guarded);
  const cleanContext: CleanContext = {
    source: text,
    ...(path === undefined ? {} : { path }),
    format,
    frontMatter: md.frontMatter,
    frontMatterRange: md.frontMatterRange,
    lineStarts: lines.starts,
  };
  const cleaned = clean(units, cleanContext);
  if (cleaned.decisions.length !== units.length) {
    throw new BriefsError('E_INTERNAL', `page cleaning returned ${cleaned.decisions.length} decisions for ${units.length} units`, path === undefined ? {} : { file: path });
  }
  const { meta } = cleaned;
  const extractor = extractorFor({ published: meta.published, language: meta.language || 'en' });
  const builder = new TreeBuilder({ lines, links: reader.links, extractor, baseUrl: meta.sourceUrl });
  const children = builder.build(units, cleaned.decisions);
  const diagnostics = [...decoded.diagnostics, ...md.diagnostics];
  return {
    type: 'brief',
    id: options.id ?? slugFromPath(path ?? 'document'),
    meta,
    children,
    source: {
      path: path ?? '',
      format,
      encoding: decoded.encoding,
      bytes: decoded.bytes,
      sha256: decoded.sha256,
    },
    residue: cleaned.residue,
    diagnostics,
    position: lines.position(0, text.length),
  };
}

export async function parseFile(path: string, options: Omit<ParseOptions, 'path'> = {}): Promise<Brief> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BriefsError('E_INPUT_NOT_FOUND', 'no such file', { file: path });
    if (code === 'EISDIR') throw new BriefsError('E_INPUT_UNREADABLE', 'is a directory, not a file', { file: path });
    throw new BriefsError('E_INPUT_UNREADABLE', `cannot read the file (${code ?? 'unknown error'})`, { file: path });
  }
  try {
    return parseBrief(bytes, { ...options, path });
  } catch (error) {
    if (isBriefsError(error)) throw error;
    // A RangeError from a too-deep structure must still name the file, never print a stack.
    throw new BriefsError('E_INPUT_INVALID', `could not parse: ${(error as Error).message}`, { file: path });
  }
}

/** The AST as `briefs parse` prints it: 2-space JSON and a final newline. */
export const serializeBrief = (brief: Brief): string => `${JSON.stringify(brief, null, 2)}\n`;
