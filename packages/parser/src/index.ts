import { readFile } from 'node:fs/promises';
import { BriefsError, type Brief, slugFromPath } from '@briefs/ast';

export interface ParseOptions {
  /** Path of the source, for messages, `meta`, `source` and the default id. */
  path?: string;
  /** Document id; defaults to the slug of `path`. */
  id?: string;
  format?: 'markdown' | 'text' | 'html';
  /** Inputs larger than this are refused (default 20 MB). */
  maxBytes?: number;
}

// Skeleton: the structural parser (issue 2) replaces this.
export function parseBrief(input: Uint8Array | string, options: ParseOptions = {}): Brief {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (!text.trim()) throw new BriefsError('E_INPUT_EMPTY', 'the file is empty', options.path ? { file: options.path } : {});
  return {
    type: 'brief',
    id: options.id ?? slugFromPath(options.path ?? 'document'),
    meta: {
      title: '', summary: '', authors: [], published: null, updated: null, publisher: '', sourceUrl: '',
      language: 'en', kind: '', translations: [], topics: [], regions: [], related: [],
    },
    children: [],
  };
}

export async function parseFile(path: string, options: Omit<ParseOptions, 'path'> = {}): Promise<Brief> {
  return parseBrief(await readFile(path), { ...options, path });
}

export const serializeBrief = (brief: Brief): string => `${JSON.stringify(brief, null, 2)}\n`;
