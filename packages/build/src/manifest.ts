import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@briefs/io';

/** Name of the manifest in the output folder. Hidden, so `findSources` never takes it as input. */
export const MANIFEST_NAME = '.briefs-manifest.json';
export const MANIFEST_FORMAT = 1;

/** What one document produced, and from what. */
export interface DocumentRecord {
  /** `<doc-id>` (CONTRACT.md). */
  id: string;
  /** Source path relative to the working folder, forward slashes. */
  source: string;
  /** sha256 of the source bytes. */
  sha256: string;
  /** sha256 of `ast/<id>.json`: what the tables and the pack are made from. */
  ast: string;
  /** Files written for this document, relative to the output folder. */
  outputs: string[];
}

/**
 * The record of a build, written last (after every output), so that an interrupted build is
 * never taken for a finished one. Holds no clock and no absolute path: it is an output like the
 * others and must be byte-identical across machines.
 */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** Digest of the tool's code (`toolFingerprint`). */
  tool: string;
  /** Digest of every setting that changes outputs: pack file, config, options, date. */
  config: string;
  /** Set on shard builds: `briefs merge` checks the shards add up. */
  shard: { index: number; count: number } | null;
  /** In doc-id order. */
  documents: DocumentRecord[];
  /** The tables (`data/*`) as last written, null when not up to date. */
  tables: AggregateRecord | null;
  /** `pack.pdf` as last written, null when not up to date. */
  pack: AggregateRecord | null;
}

/** An output made from every document. */
export interface AggregateRecord {
  /** Digest of all it is made of: tool, settings, and the digest of every AST in order. */
  key: string;
  /** Files written, relative to the output folder (none while the stage is not in this version). */
  files: string[];
}

/** The manifest of `outDir`, or null when there is none or it cannot be read (then all is rebuilt). */
export async function readManifest(outDir: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(join(outDir, MANIFEST_NAME), 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as Manifest;
    if (data?.format !== MANIFEST_FORMAT || !Array.isArray(data.documents)) return null;
    return data;
  } catch {
    return null;
  }
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const documents = [...manifest.documents].sort((a, b) => compare(a.id, b.id));
  await writeFileAtomic(join(outDir, MANIFEST_NAME), `${JSON.stringify({ ...manifest, documents }, null, 2)}\n`);
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
