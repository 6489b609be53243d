import * as zlib from 'node:zlib';

/**
 * CRC-32 (ISO-HDLC, the zip one) of bytes, continuing from `value`. Native `zlib.crc32` where
 * Node has it (20.15 and later), else a table-driven one: the same numbers either way.
 */
export const crc32: (data: Uint8Array, value?: number) => number =
  typeof zlib.crc32 === 'function' ? (data, value = 0) => zlib.crc32(data, value) : (data, value = 0) => tableCrc32(data, value);

const POLY = 0xedb88320;
let TABLE: Uint32Array | undefined;

/** The byte-at-a-time CRC-32 (what `crc32` falls back to; exported for the tests that compare the two). */
export function tableCrc32(data: Uint8Array, value = 0): number {
  if (!TABLE) {
    TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? POLY ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c >>> 0;
    }
  }
  let crc = ~value;
  for (let i = 0; i < data.length; i++) crc = TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/**
 * CRC-32 of `a` followed by `b`, from the CRC-32 of each and the length of `b` (zlib's
 * `crc32_combine`): lets a zip entry made of pieces compressed elsewhere carry the checksum of the
 * whole without reading the pieces again. Appending `n` bytes multiplies the CRC by x^(8n) modulo
 * the polynomial (zlib 1.2.12's arithmetic); here by one table look-up per byte of the CRC for
 * each bit set in `n`, the tables of x^(8·2^k) made once, when first needed.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  let crc = crcA >>> 0;
  let rest = lengthB;
  for (let k = 0; rest > 0; k++) {
    if (rest % 2 === 1) {
      const t = shiftTable(k);
      crc = (t[crc & 0xff]! ^ t[256 + ((crc >>> 8) & 0xff)]! ^ t[512 + ((crc >>> 16) & 0xff)]! ^ t[768 + (crc >>> 24)]!) >>> 0;
    }
    rest = Math.floor(rest / 2);
  }
  return (crc ^ crcB) >>> 0;
}

/** a·b modulo the CRC polynomial, bits reflected (x^0 is the top bit). `a` must not be 0. */
function multiply(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  let bb = b >>> 0;
  for (;;) {
    if (a & m) {
      p ^= bb;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    bb = bb & 1 ? (bb >>> 1) ^ POLY : bb >>> 1;
  }
  return p >>> 0;
}

/** Multiplication by x^(8·2^k), a linear map of the CRC: its value on each byte of it, 4 × 256 entries. */
const SHIFT: Uint32Array[] = [];
function shiftTable(k: number): Uint32Array {
  let table = SHIFT[k];
  if (!table) {
    let power = 0x40000000; // x^1
    for (let i = 0; i < k + 3; i++) power = multiply(power, power); // x^(2^(k+3)) = x^(8·2^k)
    table = new Uint32Array(1024);
    for (let byte = 0; byte < 4; byte++) {
      for (let v = 0; v < 256; v++) table[byte * 256 + v] = multiply(power, (v << (8 * byte)) >>> 0);
    }
    SHIFT[k] = table;
  }
  return table;
}
