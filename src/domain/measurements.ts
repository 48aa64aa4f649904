/** A KPI's measurements in time order: what "latest" and "recent" mean everywhere. */
import type { Measurement } from './strategy';

/** Oldest first: by the day described, then by when it was recorded, then by id (stable). */
export function inTimeOrder<T extends Pick<Measurement, 'id' | 'date' | 'recordedAt'>>(measurements: readonly T[]): T[] {
  return [...measurements].sort(
    (a, b) => compare(a.date, b.date) || compare(a.recordedAt, b.recordedAt) || compare(a.id, b.id),
  );
}

/** The newest `count` measurements, oldest first (what a sparkline draws). */
export function recentMeasurements<T extends Pick<Measurement, 'id' | 'date' | 'recordedAt'>>(measurements: readonly T[], count: number): T[] {
  return count <= 0 ? [] : inTimeOrder(measurements).slice(-count);
}

export function latestMeasurement<T extends Pick<Measurement, 'id' | 'date' | 'recordedAt'>>(measurements: readonly T[]): T | undefined {
  return inTimeOrder(measurements).at(-1);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
