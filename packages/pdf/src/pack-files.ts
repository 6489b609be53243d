import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openFileAtomic, writeFileAtomic } from '@briefs/io';
import { BriefsError } from '@briefs/ast';
import { type AssemblyPart, type PackIndex, type PreviousPack, assemblePack, previousPack } from './assemble.js';
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
 * are removed from `store` once it is. `between` is called between pieces and every 250 parts:
 * where a caller may collect garbage (a pack of 10,000 documents makes mostly garbage, and V8
 * lets the heap grow to about a gigabyte before collecting it).
 */
export async function writePackFromParts(parts: readonly PartFile[], options: PackOptions, path: string, store?: SectionStore, between?: () => void): Promise<void> {
  const digests = parts.map((p) => p.digest);
  const used = new Set<string>();
  const cache = store ? folderCache(store, used) : undefined;
  const glance = await renderPackSection('at-a-glance', digests, options, cache, between);
  const appendix = await renderPackSection('appendix', digests, options, cache, between);
  const metas = [...glance.map((p) => p.meta), ...parts.map((p) => p.meta), ...appendix.map((p) => p.meta)];
  const contents = await renderPackContents(digests, metas, options, cache);
  const host = await renderPackHost(digests, [...contents.map((p) => p.meta), ...metas], options);
  const before = store ? await openPreviousPack(path, store) : null;
  const writer = await openFileAtomic(path);
  let index: PackIndex;
  try {
    index = assemblePack(host, lazily([...contents, ...glance], parts, appendix, between), (chunk) => writer.write(chunk), before?.pack);
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    before?.close();
  }
  await writer.commit();
  if (store) {
    // Written after the pack: an index that is not the pack's (a build killed in between) names
    // another file ID, and is not used.
    await writeFileAtomic(indexPath(store), `${JSON.stringify({ salt: store.salt, ...index })}\n`);
    await removePieces(store, used);
  }
}

const indexPath = (store: SectionStore): string => join(store.dir, '.pack-index.json');

/**
 * The pack at `path` as the index kept in `store` describes it (made by this tool, with the same
 * salt), open for reading; null when there is none or it is not that file.
 */
async function openPreviousPack(path: string, store: SectionStore): Promise<{ pack: PreviousPack; close(): void } | null> {
  let kept: PackIndex & { salt?: string };
  try {
    kept = JSON.parse(await readFile(indexPath(store), 'utf8')) as PackIndex & { salt?: string };
  } catch {
    return null;
  }
  if (kept.salt !== store.salt || !Array.isArray(kept.regions)) return null;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  const readAt = (start: number, end: number, into?: Uint8Array): Uint8Array => {
    const buffer = into ? Buffer.from(into.buffer, into.byteOffset, end - start) : Buffer.allocUnsafe(end - start);
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(fd, buffer, done, buffer.length - done, start + done);
      if (n === 0) throw new BriefsError('E_INTERNAL', `${path} ended before byte ${end}`);
      done += n;
    }
    return buffer;
  };
  let pack: PreviousPack | null = null;
  try {
    pack = previousPack(kept, fstatSync(fd).size, readAt);
  } catch {
    // Not readable as the pack it should be: written afresh.
  }
  if (!pack) {
    closeSync(fd);
    return null;
  }
  return { pack, close: () => closeSync(fd) };
}

/** Removes the pack at `path` and every piece kept in `store`: what a pack of no documents leaves. */
export async function removePackFromParts(path: string, store?: SectionStore): Promise<void> {
  await rm(path, { force: true });
  if (store) {
    await rm(indexPath(store), { force: true });
    await removePieces(store, new Set());
  }
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

/** Parts every so many of which `between` is called while they are copied in. */
const BETWEEN_PARTS = 250;

function* lazily(before: readonly PackPart[], parts: readonly PartFile[], appendix: readonly PackPart[], between?: () => void): Generator<AssemblyPart> {
  yield* before;
  for (const [i, part] of parts.entries()) {
    if (i % BETWEEN_PARTS === 0) between?.();
    yield { pdf: () => readFileSync(part.file), meta: part.meta, name: part.shown ?? part.file };
  }
  yield* appendix;
}
