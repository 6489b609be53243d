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
 * `crc32_combine`, in the polynomial arithmetic of its 1.2.12 rewrite): lets a zip entry made of
 * pieces compressed elsewhere carry the checksum of the whole without reading the pieces again.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multiply(powerOfX(lengthB, 3), crcA) ^ crcB) >>> 0;
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

/** x^(2^k) modulo the polynomial, k = 0…31. */
const X2N: number[] = (() => {
  const table: number[] = [];
  let p = 0x40000000; // x^1
  table.push(p);
  for (let n = 1; n < 32; n++) {
    p = multiply(p, p);
    table.push(p);
  }
  return table;
})();

/** x^(n·2^k) modulo the polynomial: k = 3 turns a length in bytes into bits. */
function powerOfX(n: number, k: number): number {
  let p = 0x80000000; // x^0
  let rest = n;
  let bit = k;
  while (rest > 0) {
    if (rest % 2 === 1) p = multiply(X2N[bit & 31]!, p);
    rest = Math.floor(rest / 2);
    bit++;
  }
  return p;
}
