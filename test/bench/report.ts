/** What a benchmark prints for `run.ts` to collect: one marked JSON line per measured scenario. */
export interface BenchRow {
  bench: string;
  scenario: string;
  /** Column → value, printed in this order. */
  figures: Record<string, string | number>;
  /** The targets the figures are held to, e.g. `≤ 2 s, ≤ 100 requests`, and whether they were met. */
  target?: { text: string; met: boolean };
}

export const benchMarker = 'BENCH_ROW ';

export function report(row: BenchRow): void {
  process.stdout.write(`${benchMarker}${JSON.stringify(row)}\n`);
}
