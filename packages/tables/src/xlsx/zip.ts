import { BriefsError } from '@briefs/ast';
import type { FileSink } from '../file-sink.js';

/**
 * A zip archive (APPNOTE 6.3) of DEFLATE entries whose compressed bytes, CRC-32 and sizes are
 * known before they are written — they are made in pieces elsewhere (see `deflate.ts`) — so each
 * local header carries them and no data descriptor is needed.
 *
 * Byte-identical rebuilds: every entry has the same fixed time, 1980-01-01 00:00, the first a zip
 * can record (written as the DOS fields themselves, so no time zone moves it), and the entries
 * come in the order they are added. No Zip64: an archive or entry past 4 GiB is an error.
 */
export interface ZipEntry {
  name: string;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
  /** Uncompressed bytes. */
  length: number;
  /** Compressed bytes: what `add` is given. */
  size: number;
}

const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980 + 0, January, 1st
const VERSION = 20; // 2.0: DEFLATE
const DEFLATE = 8;
const LIMIT = 0xffffffff;

export class ZipWriter {
  private readonly central: Buffer[] = [];
  private offset = 0;

  constructor(private readonly sink: FileSink) {}

  /** Writes one entry: its local header, then `pieces`, which must add up to `entry.size` bytes. */
  async add(entry: ZipEntry, pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
    const name = Buffer.from(entry.name, 'utf8');
    if (entry.length > LIMIT || entry.size > LIMIT || this.offset > LIMIT) {
      throw new BriefsError('E_OUTPUT', `${entry.name} is over the 4 GiB a zip without Zip64 can hold`, { file: this.sink.path });
    }
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    this.fields(local, 6, entry, name.length);
    name.copy(local, 30);

    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    this.fields(central, 8, entry, name.length);
    // comment length, disk, internal and external attributes: 0
    central.writeUInt32LE(this.offset, 42);
    name.copy(central, 46);
    this.central.push(central);

    this.sink.push(local);
    let written = 0;
    for await (const piece of pieces) {
      written += piece.length;
      await this.sink.write(piece);
    }
    if (written !== entry.size) throw new Error(`zip entry ${entry.name}: ${written} bytes written, ${entry.size} announced`);
    this.offset += local.length + written;
  }

  /** The central directory and its end record. */
  async end(): Promise<void> {
    const directory = Buffer.concat(this.central);
    if (this.offset > LIMIT) throw new BriefsError('E_OUTPUT', 'over the 4 GiB a zip without Zip64 can hold', { file: this.sink.path });
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    this.sink.push(directory);
    await this.sink.write(end);
  }

  /** Flags to name length, the part local and central headers share (at `at`). */
  private fields(header: Buffer, at: number, entry: ZipEntry, nameLength: number): void {
    header.writeUInt16LE(0, at); // flags: no encryption, no data descriptor; names are ASCII
    header.writeUInt16LE(DEFLATE, at + 2);
    header.writeUInt16LE(DOS_TIME, at + 4);
    header.writeUInt16LE(DOS_DATE, at + 6);
    header.writeUInt32LE(entry.crc >>> 0, at + 8);
    header.writeUInt32LE(entry.size, at + 12);
    header.writeUInt32LE(entry.length, at + 16);
    header.writeUInt16LE(nameLength, at + 20);
    // extra field length: 0
  }
}
