import { readFileSync } from 'node:fs';
import { openFileAtomic } from '@briefs/io';
import { type AssemblyPart, assemblePack } from './assemble.js';
import { type PackDigest, type PackOptions, type PackPart, type PackPartMeta, renderPackHost, renderPackSection } from './render-pack.js';

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
  const digests = parts.map((p) => p.digest);
  const glance = await renderPackSection('at-a-glance', digests, options);
  const appendix = await renderPackSection('appendix', digests, options);
  const host = await renderPackHost(digests, [glance.meta, ...parts.map((p) => p.meta), appendix.meta], options);
  const writer = await openFileAtomic(path);
  try {
    assemblePack(host, lazily(glance, parts, appendix), (chunk) => writer.write(chunk));
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
}

function* lazily(glance: PackPart, parts: readonly PartFile[], appendix: PackPart): Generator<AssemblyPart> {
  yield glance;
  for (const part of parts) yield { pdf: readFileSync(part.file), meta: part.meta, name: part.shown ?? part.file };
  yield appendix;
}
