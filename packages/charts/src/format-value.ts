import type { ValueFormat } from './types.js';

/**
 * Short number labels for charts: "$400M", "11k", "40%", "30 km". Hand-rolled rather than
 * `Intl.NumberFormat({notation: 'compact'})` because ICU versions differ between machines and the
 * output must be the same bytes everywhere.
 */

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  RUB: '₽',
  UAH: '₴',
  ILS: '₪',
  KRW: '₩',
  TRY: '₺',
};

const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** At most 3 significant digits, trailing zeros dropped: 400 → "400", 11.5 → "11.5", 1.234 → "1.23". */
function shortDecimal(x: number): string {
  const a = Math.abs(x);
  const decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  const fixed = x.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** 400000000 → "400M", 11000 → "11k", 950 → "950", 0.5 → "0.5". */
export function compactNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  for (let i = 0; i < SCALES.length; i++) {
    const [size, suffix] = SCALES[i]!;
    if (a >= size) {
      const text = shortDecimal(value / size);
      // 999,999 rounds to "1000k": promote to the next larger suffix.
      if (Math.abs(Number(text)) >= 1000 && i > 0) return `${shortDecimal(value / SCALES[i - 1]![0])}${SCALES[i - 1]![1]}`;
      return `${text}${suffix}`;
    }
  }
  return shortDecimal(value);
}

/** Units of time are words: "13 years", "1 day" (extractors write `year` or `years`). */
const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'century']);

function unitFor(unit: string, magnitude: number): string {
  const singular = unit.endsWith('ies') ? `${unit.slice(0, -3)}y` : unit.endsWith('s') ? unit.slice(0, -1) : unit;
  if (!TIME_UNITS.has(singular)) return unit;
  if (magnitude === 1) return singular;
  return singular === 'century' ? 'centuries' : `${singular}s`;
}

function ordinalSuffix(n: number): string {
  const i = Math.abs(Math.trunc(n));
  if (i % 100 >= 11 && i % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][i % 10] ?? 'th';
}

/** One value as a chart label, by the kind and unit of its figure. */
export function formatValue(value: number, format: ValueFormat): string {
  const sign = value < 0 ? '-' : '';
  const a = Math.abs(value);
  switch (format.kind) {
    case 'money': {
      const code = format.unit ?? '';
      const symbol = CURRENCY_SYMBOLS[code];
      return symbol !== undefined ? `${sign}${symbol}${compactNumber(a)}` : `${sign}${compactNumber(a)} ${code}`.trim();
    }
    case 'percent':
      return `${sign}${shortDecimal(a)}%`;
    case 'measure':
      return format.unit ? `${sign}${compactNumber(a)} ${unitFor(format.unit, a)}` : `${sign}${compactNumber(a)}`;
    case 'ordinal':
      return `${sign}${Math.trunc(a)}${ordinalSuffix(a)}`;
    default:
      return `${sign}${compactNumber(a)}`;
  }
}

/** A figure's label: "~$400M" when approximate, "$200M–$300M" for a range. */
export function formatFigureValue(
  value: number,
  valueMax: number | null,
  approximate: boolean,
  format: ValueFormat,
): string {
  const main = formatValue(value, format);
  const text = valueMax !== null && valueMax !== value ? `${main}–${formatValue(valueMax, format)}` : main;
  return approximate ? `~${text}` : text;
}

/** The unit in words for titles and alt text: "US dollars", "percent", "km". */
export function describeUnit(format: ValueFormat): string {
  switch (format.kind) {
    case 'money':
      return format.unit === 'USD' ? 'US dollars' : format.unit === 'EUR' ? 'euros' : (format.unit ?? 'money');
    case 'percent':
      return 'percent';
    case 'count':
      return 'counts';
    case 'measure':
      return format.unit ? unitFor(format.unit, 2) : 'measures';
    case 'ordinal':
      return 'ranks';
    default:
      return 'values';
  }
}
