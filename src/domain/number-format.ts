/**
 * Numbers as a sentence shows them: no locale (server and browser must agree on the wording),
 * no float noise (0.1 + 0.2 reads 0.3), small ratios keep three significant digits.
 */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return String(Math.round(value));
  if (magnitude >= 1 || magnitude === 0) return String(Number(value.toFixed(2)));
  return String(Number(value.toPrecision(3)));
}

/** A value with its unit: `42 %` reads badly, so the percent sign sticks to the number. */
export function formatQuantity(value: number, unit: string | undefined): string {
  const number = formatNumber(value);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** A share as a whole percentage: 0.554 → `55%`. */
export const formatPercent = (share: number): string => `${Math.round(share * 100)}%`;
