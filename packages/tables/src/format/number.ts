/**
 * Numbers as plain decimal text: `.` decimal point, no thousands separators, never an exponent
 * (`1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`). Spreadsheets and `Number()` read
 * this back to the same double, because the digits are the shortest round-trip digits JavaScript
 * prints (ECMA-262 Number::toString), only moved around the decimal point.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Object.is(value, -0) || value === 0) return '0';
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Position of the decimal point after the digits' first one, shifted by the exponent.
  const intLength = (point < 0 ? mantissa.length : point) + exponent;
  let out: string;
  if (intLength <= 0) out = `0.${'0'.repeat(-intLength)}${digits}`;
  else if (intLength >= digits.length) out = digits + '0'.repeat(intLength - digits.length);
  else out = `${digits.slice(0, intLength)}.${digits.slice(intLength)}`;
  return negative ? `-${out}` : out;
}
