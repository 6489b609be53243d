import { readFileSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openFileAtomic, writeFileAtomic } from '@briefs/io';
import { type AssemblyPart, assemblePack } from './assemble.js';
import { type PackDigest, type PackOptions, type PackPart, type PackPartMeta, type SectionCache, renderPackContents, renderPackHost, renderPackSection } from './render-pack.js';

/** A part kept on disk: its PDF file and what `renderPackPart` said of it. */
export interface PartFile {
  /** Path of the part's PDF. */
  file: string;
  /** How messages name the file (relative to the working folder). */
  shown?: string;
  meta: PackPartMeta;
  digest: PackDigest;
}

/** Where the pieces of the cross-document pages are kept (see `SectionCache`). */
export interface SectionStore {
  /** A folder of their own, or shared: their files are hidden (`.section-<key>.pdf|.json`). */
  dir: string;
  /** What else decides a piece's bytes, e.g. a digest of the code that draws it. */
  salt: string;
}

const SECTION_PREFIX = '.section-';

/**
 * Writes a pack to `path` from parts kept on disk, in the order given: the pack's own pages are
 * drawn (with `store`, the pieces of its contents and cross-document pages found kept there are
 * taken as they are, and only the others drawn and kept), then the parts are read one at a time and copied in.
 * `path` keeps its old bytes unless the whole pack was written; pieces this pack does not use
 * are removed from `store` once it is.
 */
export async function writePackFromParts(parts: readonly PartFile[], options: PackOptions, path: string, store?: SectionStore): Promise<void> {
  const digests = parts.map((p) => p.digest);
  const used = new Set<string>();
  const cache = store ? folderCache(store, used) : undefined;
  const glance = await renderPackSection('at-a-glance', digests, options, cache);
  const appendix = await renderPackSection('appendix', digests, options, cache);
  const metas = [...glance.map((p) => p.meta), ...parts.map((p) => p.meta), ...appendix.map((p) => p.meta)];
  const contents = await renderPackContents(digests, metas, options, cache);
  const host = await renderPackHost(digests, [...contents.map((p) => p.meta), ...metas], options);
  const writer = await openFileAtomic(path);
  try {
    assemblePack(host, lazily([...contents, ...glance], parts, appendix), (chunk) => writer.write(chunk));
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
  if (store) await removePieces(store, used);
}

/** Removes the pack at `path` and every piece kept in `store`: what a pack of no documents leaves. */
export async function removePackFromParts(path: string, store?: SectionStore): Promise<void> {
  await rm(path, { force: true });
  if (store) await removePieces(store, new Set());
}

/** Removes the pieces in `store` whose key is not in `keep`. */
async function removePieces(store: SectionStore, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(store.dir).catch(() => [])) {
    if (name.startsWith(SECTION_PREFIX) && !keep.has(name.slice(SECTION_PREFIX.length).replace(/\.(pdf|json)$/, ''))) await rm(join(store.dir, name), { force: true });
  }
}

/** Pieces kept as `<dir>/.section-<key>.pdf` and `.json` (its meta; written last, so a piece is whole when it is there). */
function folderCache(store: SectionStore, used: Set<string>): SectionCache {
  const file = (key: string, ext: string): string => join(store.dir, `${SECTION_PREFIX}${key}.${ext}`);
  return {
    salt: store.salt,
    async get(key) {
      used.add(key);
      try {
        const meta = JSON.parse(await readFile(file(key, 'json'), 'utf8')) as PackPartMeta;
        return { pdf: await readFile(file(key, 'pdf')), meta };
      } catch {
        return null;
      }
    },
    async put(key, part) {
      await writeFileAtomic(file(key, 'pdf'), part.pdf);
      await writeFileAtomic(file(key, 'json'), `${JSON.stringify(part.meta)}\n`);
    },
  };
}

function* lazily(before: readonly PackPart[], parts: readonly PartFile[], appendix: readonly PackPart[]): Generator<AssemblyPart> {
  yield* before;
  for (const part of parts) yield { pdf: readFileSync(part.file), meta: part.meta, name: part.shown ?? part.file };
  yield* appendix;
}
