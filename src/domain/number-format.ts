/**
 * Numbers as a sentence shows them, in the reader's locale (`locale`, BCP 47: the server passes the
 * caller's from the Forge context; absent, the runtime's own): Intl's digits, separators and percent
 * sign, so German reads "1.234,5" and "55 %". No float noise (0.1 + 0.2 reads 0.3): two decimals at
 * most, whole numbers from 1,000, three significant digits below 1.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | undefined, shape: 'whole' | 'decimal' | 'small' | 'percent' | 'percentValue'): Intl.NumberFormat {
  const key = `${locale ?? ''}|${shape}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      shape === 'whole'
        ? { maximumFractionDigits: 0 }
        : shape === 'decimal'
          ? { maximumFractionDigits: 2 }
          : shape === 'small'
            ? { maximumSignificantDigits: 3 }
            : { style: 'percent', maximumFractionDigits: shape === 'percent' ? 0 : 2 };
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale?: string): string {
  const magnitude = Math.abs(value);
  const shape = magnitude >= 1000 ? 'whole' : magnitude >= 1 || magnitude === 0 ? 'decimal' : 'small';
  return numberFormat(locale, shape).format(value);
}

/**
 * A value with its unit. A percent unit is the locale's percent sign ("42%", "42 %"); other units
 * are words after the number.
 */
export function formatQuantity(value: number, unit: string | undefined, locale?: string): string {
  if (unit === '%') return numberFormat(locale, 'percentValue').format(value / 100);
  const number = formatNumber(value, locale);
  return unit ? `${number} ${unit}` : number;
}

/** A share as a whole percentage: 0.554 → `55%` (`55 %` in German). */
export const formatPercent = (share: number, locale?: string): string => numberFormat(locale, 'percent').format(share);
