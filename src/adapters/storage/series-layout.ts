/**
 * How a KPI's measurements are laid out: a small series head (version, count, newest 30) and the
 * measurements in numbered chunks of about a year of daily values.
 *
 * Why chunks rather than one record per measurement: deleting a goal must remove its KPIs and all
 * their measurements in one transaction of at most 25 operations. With a record per measurement a
 * daily JQL KPI passes that within a month and its goal could never be deleted; with chunks a KPI
 * costs 3 operations for its first year. Why not one record per series: a series grows without end
 * and every value must stay far below the 240 KiB limit, and the page would read whole histories.
 * The head keeps the page to one small record per KPI; history is read only when asked for.
 */
import { inTimeOrder, recentMeasurements } from '../../domain/measurements';
import type { Measurement } from '../../domain/strategy';
import type { ChunkRecord, LocatedMeasurement } from './records';

export const seriesLimits = {
  /** Newest measurements the head keeps (the contract's `recent`, and `latest`). */
  recent: 30,
  /** A year and a day of daily snapshots per chunk. */
  perChunk: 366,
  /** Bytes of JSON per chunk: well under 240 KiB even when many measurements carry long notes. */
  chunkBytes: 96 * 1024,
} as const;

export const chunkKey = (kpiId: string, chunk: number): string => `${kpiId}.${chunk}`;

/** All the chunk keys of a series, for deleting it. */
export const chunkKeys = (kpiId: string, chunks: number): string[] => Array.from({ length: chunks }, (_, n) => chunkKey(kpiId, n));

export const jsonBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** Whether these measurements fit one chunk. */
export const fitsChunk = (measurements: readonly Measurement[]): boolean =>
  measurements.length <= seriesLimits.perChunk && jsonBytes(measurements) <= seriesLimits.chunkBytes;

/** The head's newest measurements after one is added (or one replaced by `replaces` id). */
export function mergeRecent(recent: readonly LocatedMeasurement[], added: LocatedMeasurement, replaces?: string): LocatedMeasurement[] {
  const kept = recent.filter((m) => m.id !== added.id && m.id !== replaces);
  return recentMeasurements([...kept, added], seriesLimits.recent);
}

/** The head's newest measurements, worked out from every chunk. */
export function recentOf(chunks: readonly ChunkRecord[]): LocatedMeasurement[] {
  const located = chunks.flatMap((chunk) => chunk.measurements.map((m) => ({ ...m, chunk: chunk.chunk })));
  return recentMeasurements(located, seriesLimits.recent);
}

/** Every measurement of the series, oldest first. */
export const measurementsOf = (chunks: readonly ChunkRecord[]): Measurement[] => inTimeOrder(chunks.flatMap((chunk) => chunk.measurements));

/** A measurement without the head's bookkeeping. */
export function plainMeasurement({ chunk: _chunk, ...measurement }: LocatedMeasurement): Measurement {
  return measurement;
}

/** `chunks` with the `changed` ones put in (replacing the same number, or added), in order. */
export function withChunks(chunks: readonly ChunkRecord[], changed: readonly ChunkRecord[]): ChunkRecord[] {
  const byNumber = new Map(chunks.map((chunk) => [chunk.chunk, chunk]));
  for (const chunk of changed) byNumber.set(chunk.chunk, chunk);
  return [...byNumber.values()].sort((a, b) => a.chunk - b.chunk);
}
