import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes a file so that readers, and a build killed at any moment, see either the old bytes or
 * the new ones, never half a file: write to a temporary name beside it, fsync, rename.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Temporary files of interrupted atomic writes, as `writeFileAtomic` names them. */
export const isAtomicTempName = (name: string): boolean => /^\.[0-9a-f]{12}\.tmp$/.test(name);

/** A file written in pieces, atomically: nothing is at `path` until `commit`. */
export interface AtomicWriter {
  /** Appends bytes (synchronously: callers may write from a synchronous producer). */
  write(chunk: Uint8Array): void;
  /** fsync, close and rename into place. */
  commit(): Promise<void>;
  /** Removes the temporary file; `path` keeps what it had. */
  abort(): Promise<void>;
}

/** Bytes written between background syncs of a file written in pieces. */
const SYNC_EVERY = 16 << 20;

/**
 * `writeFileAtomic` for output made a piece at a time (a pack of thousands of documents is
 * never held in memory whole): the pieces go to a temporary file beside `path`, renamed on
 * `commit`.
 */
export async function openFileAtomic(path: string): Promise<AtomicWriter> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'w');
  let open = true;
  // Every SYNC_EVERY bytes, the disk is asked (in the background) to write what is there so far,
  // so that the fsync on commit waits for the tail only. Awaited before the file is closed.
  let unsynced = 0;
  const syncing: Array<Promise<void>> = [];
  const close = async (): Promise<void> => {
    await Promise.allSettled(syncing);
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(chunk) {
      let done = 0;
      while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
      unsynced += chunk.length;
      if (unsynced >= SYNC_EVERY) {
        unsynced = 0;
        syncing.push(new Promise((resolve) => fdatasync(fd, () => resolve())));
      }
    },
    async commit() {
      try {
        await Promise.all(syncing);
        fsyncSync(fd);
        await close();
        await rename(temp, path);
      } catch (error) {
        await close();
        await rm(temp, { force: true });
        throw error;
      }
    },
    async abort() {
      await close();
      await rm(temp, { force: true });
    },
  };
}
