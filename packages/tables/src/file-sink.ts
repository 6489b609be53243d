import { type Hash, createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes of one block of the queue. */
const BLOCK = 1 << 20;

/**
 * A file written in pieces under a temporary name beside its destination, then fsynced and
 * renamed into place by the caller — the streamed counterpart of `writeFileAtomic` (@briefs/io).
 * Pieces are copied into blocks in memory (`push`, synchronous: joining thousands of small pieces
 * awaits none of them, and keeps none of the buffers they came in) and written when the queue is
 * full (`flush`, or `write`, which flushes when it is): callers flush between documents, so a slow
 * disk holds the producer back instead of filling memory. The temporary name has the form
 * `.<12 hex>.tmp`, which `isAtomicTempName` (@briefs/io) recognises, so a build can clean up after
 * a killed run.
 */
export class FileSink {
  readonly path: string;
  readonly tempPath: string;
  bytes = 0;
  /** SHA-256 of what is written; none for scratch files. */
  private readonly hash: Hash | null;
  private handle: FileHandle | null = null;
  /** Full blocks, then the one being filled. */
  private blocks: Buffer[] = [];
  private block: Buffer | null = null;
  private used = 0;

  private constructor(
    path: string | null,
    dir: string,
    hashed: boolean,
    /** Bytes queued before the queue counts as full. */
    private readonly flushAt: number,
  ) {
    this.tempPath = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
    this.path = path ?? this.tempPath;
    this.hash = hashed ? createHash('sha256') : null;
  }

  static async create(dir: string, name: string): Promise<FileSink> {
    const sink = new FileSink(join(dir, name), dir, true, BLOCK);
    sink.handle = await open(sink.tempPath, 'wx');
    return sink;
  }

  /**
   * A file only read back by this run (`contents`) and then discarded: not hashed, never renamed
   * into place, and not created at all while what is written fits in memory (16 MiB).
   */
  static scratch(dir: string): FileSink {
    return new FileSink(null, dir, false, 16 * BLOCK);
  }

  /** Queues text or bytes (copied). */
  push(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.bytes += bytes.length;
    let at = 0;
    while (at < bytes.length) {
      this.block ??= Buffer.allocUnsafe(BLOCK);
      const n = Math.min(bytes.length - at, BLOCK - this.used);
      this.block.set(at === 0 && n === bytes.length ? bytes : bytes.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used === BLOCK) {
        this.blocks.push(this.block);
        this.block = null;
        this.used = 0;
      }
    }
  }

  /** Whether the queue is due to be written. */
  get full(): boolean {
    return this.blocks.length * BLOCK + this.used >= this.flushAt;
  }

  /** `push`, then `flush` when the queue is full. */
  async write(data: string | Uint8Array): Promise<void> {
    this.push(data);
    if (this.full) await this.flush();
  }

  /** SHA-256 (hex) of everything written; call once, after the last `flush`. */
  digest(): string {
    if (!this.hash) throw new Error(`${this.tempPath}: a scratch file has no digest`);
    return this.hash.digest('hex');
  }

  /** Writes the queue to the file (made now if it is a scratch file not yet on disk). */
  async flush(): Promise<void> {
    const chunks = this.queued();
    if (chunks.length === 0) return;
    this.handle ??= await open(this.tempPath, 'wx');
    for (const chunk of chunks) this.hash?.update(chunk);
    await this.handle.writev(chunks);
    // Written: the block being filled can be filled again from its start.
    this.blocks = [];
    this.used = 0;
  }

  /** Flushes, fsyncs and closes the temporary file (not yet renamed). */
  async finish(): Promise<void> {
    await this.flush();
    const handle = this.handle!;
    this.handle = null;
    await handle.sync();
    await handle.close();
  }

  /** Everything written, in order, from the file and from memory (a scratch file, read once). */
  async *contents(): AsyncGenerator<Uint8Array> {
    if (this.handle) {
      await this.flush();
      await this.handle.close();
      this.handle = null;
      for await (const chunk of createReadStream(this.tempPath, { highWaterMark: BLOCK })) yield chunk as Buffer;
    }
    yield* this.queued();
  }

  /** Closes (if open) and deletes the temporary file; never throws. */
  async discard(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    this.blocks = [];
    this.block = null;
    if (handle) await handle.close().catch(() => undefined);
    await rm(this.tempPath, { force: true }).catch(() => undefined);
  }

  private queued(): Buffer[] {
    return this.block && this.used > 0 ? [...this.blocks, this.block.subarray(0, this.used)] : this.blocks;
  }
}
