import { type Hash, createHash, randomBytes } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A file written in pieces under a temporary name beside its destination, then fsynced and
 * renamed into place by `commit` — the streamed counterpart of `writeFileAtomic` (@briefs/io).
 * Writes are buffered and flushed in large blocks; callers `await write()` so a slow disk holds
 * the producer back instead of filling memory. The temporary name has the form
 * `.<12 hex>.tmp`, which `isAtomicTempName` (@briefs/io) recognises, so a build can clean up
 * after a killed run.
 */
export class FileSink {
  readonly path: string;
  readonly tempPath: string;
  bytes = 0;
  /** SHA-256 of what is written; none for scratch files. */
  private readonly hash: Hash | null;
  private handle: FileHandle | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private static readonly FLUSH_AT = 1 << 20;

  private constructor(path: string, tempPath: string, hashed: boolean) {
    this.path = path;
    this.tempPath = tempPath;
    this.hash = hashed ? createHash('sha256') : null;
  }

  static async create(dir: string, name: string): Promise<FileSink> {
    return FileSink.open(join(dir, name), dir, true);
  }

  /**
   * A file only read back by this run and then discarded (`close`, `discard`): not hashed, and
   * never renamed into place. Its temporary name is still one `isAtomicTempName` knows.
   */
  static async scratch(dir: string): Promise<FileSink> {
    return FileSink.open(null, dir, false);
  }

  private static async open(path: string | null, dir: string, hashed: boolean): Promise<FileSink> {
    const tempPath = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
    const sink = new FileSink(path ?? tempPath, tempPath, hashed);
    sink.handle = await open(sink.tempPath, 'wx');
    return sink;
  }

  /** Queues text or bytes; resolves once the buffer is below the flush threshold again. */
  async write(data: string | Uint8Array): Promise<void> {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (buffer.length === 0) return;
    this.pending.push(buffer);
    this.hash?.update(buffer);
    this.pendingBytes += buffer.length;
    this.bytes += buffer.length;
    if (this.pendingBytes >= FileSink.FLUSH_AT) await this.flush();
  }

  /** SHA-256 (hex) of everything written; call once, after the last write. */
  digest(): string {
    if (!this.hash) throw new Error(`${this.tempPath}: a scratch file has no digest`);
    return this.hash.digest('hex');
  }

  async flush(): Promise<void> {
    if (!this.handle) throw new Error(`${this.path}: already closed`);
    if (this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.write(chunk);
  }

  /** Flushes, fsyncs and closes the temporary file (not yet renamed). */
  async finish(): Promise<void> {
    await this.flush();
    const handle = this.handle!;
    this.handle = null;
    await handle.sync();
    await handle.close();
  }

  /** Flushes and closes without fsync: for a scratch file, read back by this run only. */
  async close(): Promise<void> {
    await this.flush();
    const handle = this.handle!;
    this.handle = null;
    await handle.close();
  }

  /** Closes (if open) and deletes the temporary file; never throws. */
  async discard(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    this.pending = [];
    if (handle) await handle.close().catch(() => undefined);
    await rm(this.tempPath, { force: true }).catch(() => undefined);
  }
}
