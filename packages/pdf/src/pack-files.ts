import { readFileSync } from 'node:fs';
import { openFileAtomic } from '@briefs/io';
import { type AssemblyPart, assemblePack } from './assemble.js';
import { type PackDigest, type PackOptions, type PackPartMeta, renderPackHost } from './render-pack.js';

/** A part kept on disk: its PDF file and what `renderPackPart` said of it. */
export interface PartFile {
  /** Path of the part's PDF. */
  file: string;
  /** How messages name the file (relative to the working folder). */
  shown?: string;
  meta: PackPartMeta;
  digest: PackDigest;
}

/**
 * Writes a pack to `path` from parts kept on disk, in the order given: the pack's own pages are
 * drawn, then the parts are read one at a time and copied in. `path` keeps its old bytes unless
 * the whole pack was written.
 */
export async function writePackFromParts(parts: readonly PartFile[], options: PackOptions, path: string): Promise<void> {
  const host = await renderPackHost(
    parts.map((p) => p.digest),
    parts.map((p) => p.meta),
    options,
  );
  const writer = await openFileAtomic(path);
  try {
    assemblePack(host, lazily(parts), (chunk) => writer.write(chunk));
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
}

function* lazily(parts: readonly PartFile[]): Generator<AssemblyPart> {
  for (const part of parts) yield { pdf: readFileSync(part.file), meta: part.meta, name: part.shown ?? part.file };
}
