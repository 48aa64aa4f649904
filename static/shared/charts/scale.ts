/** Pure scale helpers for the hand-rolled SVG charts (no chart library: bundle budget). */

export type Scale = (value: number) => number;

/** Maps `domain` onto `range` linearly; a zero-width domain maps everything to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** The smallest 1, 2 or 5 × 10ⁿ step that cuts `span` into at most `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-12);
  return step ?? 10 * magnitude;
}

/**
 * A domain widened to round numbers around every value given, and its ticks. Equal values get a
 * band around them, so a flat series still draws in the middle rather than on an edge.
 */
export function niceDomain(values: readonly number[], count = 4): { min: number; max: number; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (lo === hi) {
    const band = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= band;
    hi += band;
  }
  const step = niceStep(hi - lo, count);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(roundTo(t, step));
  return { min: roundTo(min, step), max: roundTo(max, step), ticks };
}

/** Removes float noise (0.30000000000000004) at the precision of `step`. */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 12)));
}

const DAY = 86_400_000;

/** Up to `count` evenly spread whole days from `start` to `end` (ms at UTC midnight), both ends included. */
export function dayTicks(start: number, end: number, count: number): number[] {
  if (end <= start) return [start];
  const days = Math.round((end - start) / DAY);
  const parts = Math.max(1, Math.min(count - 1, days));
  const ticks = Array.from({ length: parts + 1 }, (_, i) => start + Math.round((days * i) / parts) * DAY);
  return [...new Set(ticks)];
}
